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

export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, baseURL: inject('baseURL'), locale: 'zh-CN' })
  return context.newPage()
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
