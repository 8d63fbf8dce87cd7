// Never lost on a closed tab (issue #21, decision 0022): text typed in the module editor and not yet autosaved
// survives the tab being closed, by both routes the page has. (1) The server is unreachable: the text kept in
// localStorage is offered back when the trainer opens the file again in the same browser. (2) The autosave is cut
// off, so only the beacon sent as the page closes can carry the text: the server's draft has it, and a fresh
// browser (nothing kept locally) opens the file with it.
import { inject } from 'vitest'
import type { Browser, BrowserContext, Page, Request } from 'playwright-core'
import { heading, launch, open, phonePage, screenshot, signIn } from './browser'
import { signInHttp } from './http'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

const editUrl = (path: string) => `/trainer/studio/edit?path=${encodeURIComponent(path)}`

async function trainerOn(path: string, context?: BrowserContext): Promise<Page> {
  let page: Page
  if (context) page = await context.newPage()
  else {
    page = await phonePage(browser)
    await page.setViewportSize({ width: 1280, height: 900 })
    await signIn(page, 'trainer01')
    await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  }
  await open(page, editUrl(path))
  await heading(page, path)
  await page.locator('.studio-code .cm-content').waitFor()
  return page
}

/** Types at the end of the file and waits until the page has kept the text in localStorage. */
async function typeAtEnd(page: Page, path: string, line: string): Promise<void> {
  await page.locator('.studio-code .cm-content').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.insertText(`\n${line}`)
  await page.waitForFunction(([key, typed]) => (window.localStorage.getItem(key) ?? '').includes(typed), [`studio-unsaved:${path}`, line] as const)
}

/** The line is in CodeMirror (which draws only the lines in view: go to the end of the file first). */
async function lineShown(page: Page, line: string): Promise<void> {
  await page.locator('.studio-code .cm-content').click()
  await page.keyboard.press('Control+End')
  await page.locator('.cm-line', { hasText: line }).waitFor()
}

const editorText = (page: Page) => page.locator('textarea[name="text"]').inputValue()
const isAutosave = (request: Request) => request.method() === 'POST' && request.resourceType() === 'fetch' && new URL(request.url()).pathname === '/trainer/studio/edit'

it('with the server unreachable, text typed before the tab closed is offered back from the browser and restored', async () => {
  const path = 'courses/hall-management/morning-meeting.mdx'
  const line = '晨会最后一分钟：请每位营业员说一句今天要注意的服务用语。'
  const page = await trainerOn(path)
  const context = page.context()
  // offline: no save reaches the server (autosave and beacon alike; a route cannot stop a beacon), only
  // localStorage can keep the text
  await context.setOffline(true)
  await typeAtEnd(page, path, line)
  // the autosave fails: the page says so and keeps the editor and the text
  await page.getByText('网络中断，草稿暂未保存').waitFor()
  await page.locator('.studio-code .cm-content').waitFor()
  expect(await editorText(page)).toContain(line)
  // A server that cannot be reached takes no beacon either. Chromium sends a beacon from the browser process, which
  // may outlive the closing page's offline emulation and reach the server under load (the line then came back from
  // the server's draft, not from the browser): the beacon of this tab is made to fail as it would offline. The
  // beacon's own path is the third journey's.
  await page.evaluate(() => {
    navigator.sendBeacon = () => false
  })
  await page.close()
  // The same browser profile comes back online as a new context: a beacon Chromium queued while offline as the
  // tab closed dies with the old context instead of reaching the server once the network is back (that race
  // made the server's draft hold the line now and then).
  const kept = await context.storageState()
  await context.close()
  const online = await browser.newContext({ baseURL: inject('baseURL'), locale: 'zh-CN', viewport: { width: 1280, height: 900 }, storageState: kept })

  const again = await trainerOn(path, online)
  expect(await editorText(again)).not.toContain(line)
  await again.getByText('上次在此输入的内容未保存（页面被关闭）。').waitFor()
  await screenshot(again, 'studio-closed-tab-offered')
  await again.getByRole('button', { name: '恢复内容' }).click()
  await lineShown(again, line)
  expect(await editorText(again)).toContain(line)
  // restored text is autosaved like typed text
  await again.getByText(/草稿已保存/).waitFor()
  await online.close()
})

it('a save lost to the network keeps the editor, says so, and is retried when the network is back', async () => {
  const path = 'courses/complaints/inspection.mdx'
  const line = '暗访后的整改：当天在晨会上说明，并在一周内复查。'
  const page = await trainerOn(path)
  await page.context().setOffline(true)
  await typeAtEnd(page, path, line)
  await page.getByText('网络中断，草稿暂未保存').waitFor()
  await heading(page, path)
  await page.context().setOffline(false)
  await page.getByText(/草稿已保存/).waitFor()
  await expect(page.getByText('网络中断，草稿暂未保存').count()).resolves.toBe(0)
  await page.context().close()
})

it('with the autosave cut off, the beacon sent as the tab closes saves the draft; a fresh browser opens it', async () => {
  const path = 'courses/mentoring/observe-and-sign.mdx'
  const line = '带教第一周：每天下班前和徒弟一起回顾一次当天的接待。'
  const page = await trainerOn(path)
  const beacons: string[] = []
  await page.route('**/trainer/studio/edit**', (route) => (isAutosave(route.request()) ? route.abort() : route.continue()))
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/trainer/studio/edit' && !isAutosave(request)) beacons.push(request.resourceType())
  })
  await typeAtEnd(page, path, line)
  expect(beacons).toEqual([])
  await page.close({ runBeforeUnload: true })

  // the server's draft has the text (the beacon may still be on its way when the tab is gone)
  const trainer = await signInHttp('trainer01')
  await expect
    .poll(async () => {
      const response = await trainer.get(`${editUrl(path)}&_data=${encodeURIComponent('routes/trainer.studio.edit')}`)
      return ((await response.json()) as { text: string }).text.includes(line)
    }, { timeout: 30_000 })
    .toBe(true)
  // the context stays open until then: closing it cancels a beacon still in flight
  await page.context().close()

  const fresh = await trainerOn(path)
  expect(await editorText(fresh)).toContain(line)
  await lineShown(fresh, line)
  expect(await fresh.getByText('上次在此输入的内容未保存（页面被关闭）。').count()).toBe(0)
  await fresh.getByText(/草稿已保存/).waitFor()
  await fresh.context().close()
})
