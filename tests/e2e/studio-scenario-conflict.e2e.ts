// Two trainers on one scenario graph: the later save is refused with the scenario's YAML, theirs (−) against
// yours (+), and the trainer applies the change again on the other's version, keeping both changes.
import type { Browser, Page } from 'playwright-core'
import { inject } from 'vitest'
import { launch, open, settled, signIn } from './browser'

const PAGE = '/trainer/studio/scenario?path=scenarios/et-farewell-rating.yaml'
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

async function trainerAt(username: string, node: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: inject('baseURL'), locale: 'zh-CN' })
  const page = await context.newPage()
  await signIn(page, username)
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  await open(page, `${PAGE}&node=${node}`)
  await page.getByRole('heading', { name: `节点 ${node}`, exact: true }).waitFor()
  return page
}

it('the later of two saves sees a line diff of the YAML and can apply its change on the other version', async () => {
  const mine = await trainerAt('trainer01', 'end-ok')
  const theirs = await trainerAt('trainer02', 'n1')

  await theirs.locator('.scenario-panel textarea[name="customer"]').first().fill('都办好了吧？那我先走了。')
  await theirs.getByRole('button', { name: '保存这个节点' }).click()
  await settled(theirs)
  await theirs.getByText(/草稿已保存/).waitFor()

  // my page still shows the revision before their save
  await mine.locator('.scenario-panel textarea[name="text"]').first().fill('客户接过证件，笑着道谢离开。')
  await mine.getByRole('button', { name: '保存这个节点' }).click()
  const conflict = mine.locator('.scenario-conflict')
  await conflict.waitFor()
  expect(await conflict.textContent()).toContain('在您之后保存了这个草稿')
  const removed = (await conflict.locator('.studio-diff .removed').allTextContents()).join('\n')
  const added = (await conflict.locator('.studio-diff .added').allTextContents()).join('\n')
  expect(removed).toContain('都办好了吧？那我先走了。')
  expect(removed).toContain('客户笑着挥了挥手，离开营业厅。')
  expect(added).toContain('都办好了？那我走了啊。')
  expect(added).toContain('客户接过证件，笑着道谢离开。')
  await mine.screenshot({ path: 'tests/e2e/screenshots/studio-scenario-conflict.png', fullPage: true })

  await conflict.getByRole('button', { name: '把我的修改用在对方的版本上' }).click()
  await conflict.waitFor({ state: 'detached' })
  await settled(mine)
  const list = mine.locator('.scenario-list')
  await list.getByText('客户接过证件，笑着道谢离开。').waitFor()
  expect(await list.textContent()).toContain('都办好了吧？那我先走了。')

  // the draft is left unpublished: the content other journeys read is unchanged
  await Promise.all([mine.context().close(), theirs.context().close()])
})
