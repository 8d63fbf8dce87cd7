// Debian's chromium driven by playwright-core, with a phone-sized page (360 px) for every journey.
import { mkdirSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { inject } from 'vitest'

export const PHONE = { width: 360, height: 740 }
const SCREENSHOTS = 'tests/e2e/screenshots'

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

export async function phonePage(browser: Browser, locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, baseURL: inject('baseURL'), locale })
  const page = await context.newPage()
  // E2E_CPU_THROTTLE=6 slows this page's CPU six times: the loaded machine of a full merged run, reproduced
  // on purpose (races between a journey and the page's own requests show up here first).
  if (process.env.E2E_CPU_THROTTLE) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.E2E_CPU_THROTTLE) })
  }
  return page
}

/** Opens a page and waits until React has hydrated it. */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(path)
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' })
}

export async function signIn(page: Page, username: string, password = 'Demo@2026'): Promise<void> {
  await open(page, '/login')
  await page.getByLabel('工号').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录' }).click()
}

/**
 * Waits until the page's form submission and the reloads that follow it are over. The answer of an action
 * is on screen as soon as the action returns, while the page's data is still being reloaded: a journey that
 * types again, or counts rows, before this point races the page.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const router = (window as unknown as { __remixRouter?: { state: { navigation: { state: string }; revalidation: string } } }).__remixRouter
    return router !== undefined && router.state.navigation.state === 'idle' && router.state.revalidation === 'idle'
  })
  // the router is idle before React has drawn its last state: give it a frame
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))))
}

/** Saved for people to look at (not compared): tests/e2e/screenshots/<name>.png */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true })
}

export async function openMenu(page: Page): Promise<void> {
  const menu = page.locator('details.menu')
  if (!(await menu.evaluate((el) => (el as HTMLDetailsElement).open))) await menu.locator('summary').click()
}

/** Waits until the page's h1 reads `text` (client navigation changes the URL before React commits). */
export async function heading(page: Page, text: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor()
}
