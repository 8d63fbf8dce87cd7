// The foundation journeys on a 360 px phone: sign in, land on the role's home, switch language, sign out,
// and the refusals a curious clerk meets.
import type { Browser } from 'playwright-core'
import { inject } from 'vitest'
import { heading, launch, openMenu, phonePage, screenshot, signIn } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

it('a clerk signs in, lands on /learn, switches to English and signs out', async () => {
  const page = await phonePage(browser)
  await page.goto('/')
  await page.waitForURL(/\/login$/)
  await screenshot(page, 'login')
  await signIn(page, 'clerk01')
  await page.waitForURL(/\/learn$/)
  await heading(page, '我的学习')
  expect(await page.textContent('main')).toContain('滕州龙泉路营业厅')
  await screenshot(page, 'clerk-home')

  await page.getByRole('button', { name: '切换语言' }).click()
  await heading(page, 'My learning')
  expect(await page.getAttribute('html', 'lang')).toBe('en')
  expect(page.url()).toMatch(/\/learn$/)
  await screenshot(page, 'clerk-home-en')

  // the menu marks where we are; an entry opens its page with the menu closed again
  await openMenu(page)
  expect(await page.getByRole('link', { name: 'My learning' }).getAttribute('aria-current')).toBe('page')
  await page.getByRole('link', { name: 'My record' }).click()
  await page.waitForURL(/\/people\/clerk01$/)
  // the choice of language is remembered across pages
  expect(await page.textContent('main')).toContain('Staff record')
  expect(await page.locator('details.menu').evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false)
  await openMenu(page)
  expect(await page.getByRole('link', { name: 'My record' }).getAttribute('aria-current')).toBe('page')
  expect(await page.getByRole('link', { name: 'My learning' }).getAttribute('aria-current')).toBeNull()

  await openMenu(page)
  await screenshot(page, 'clerk-menu-en')
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.waitForURL(/\/login$/)
  await page.goto('/learn')
  await page.waitForURL(/\/login\?redirectTo=%2Flearn$/)
  await page.context().close()
})

it('a manager signs in, lands on /manage and sees only their hall', async () => {
  const page = await phonePage(browser)
  await signIn(page, 'hall01mgr')
  await page.waitForURL(/\/manage$/)
  await heading(page, '管理看板')
  const halls = page.locator('main .list.halls > li')
  expect(await halls.count()).toBe(1)
  expect(await halls.first().textContent()).toContain('滕州龙泉路营业厅')
  await screenshot(page, 'manager-home')
  await halls.first().getByRole('link').click()
  await page.waitForURL(/\/manage\/halls\/H01$/)
  await heading(page, '滕州龙泉路营业厅 · 人员')
  expect(await page.textContent('main')).toContain('clerk01')
  expect(await page.textContent('main')).not.toContain('clerk02')
  await screenshot(page, 'manager-hall')

  await page.getByRole('button', { name: '切换语言' }).click()
  await heading(page, 'Longquan Road hall, Tengzhou · People')
  await openMenu(page)
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.waitForURL(/\/login$/)
  await page.context().close()
})

it("a clerk who types another clerk's or a manager's address gets the refusal page inside the layout", async () => {
  const page = await phonePage(browser)
  await signIn(page, 'clerk01')
  await page.waitForURL(/\/learn$/)
  await heading(page, '我的学习')
  // another clerk's record answers as a missing page does (issue 13, finding 9: names cannot be tried out)
  const person = await page.goto('/people/clerk02')
  expect(person?.status()).toBe(404)
  expect(await page.textContent('main')).toContain('没有找到这个页面')
  for (const path of ['/manage', '/manage/halls/H01', '/admin']) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(403)
    expect(await page.textContent('main'), path).toContain('您没有权限查看这个页面')
    expect(await page.locator('header.top-bar').count()).toBe(1) // still inside the layout
    expect(await page.textContent('body')).not.toMatch(/at .*\.js:\d+/) // never a stack trace
  }
  await screenshot(page, 'refused')
  const missing = await page.goto('/no/such/page')
  expect(missing?.status()).toBe(404)
  expect(await page.textContent('main')).toContain('没有找到这个页面')
  await page.context().close()
})

it('a wrong password keeps the username and shows the error beside the password field', async () => {
  const page = await phonePage(browser)
  await signIn(page, 'clerk03', 'not-the-password')
  await page.locator('.field-error[role=alert]').waitFor()
  const describedBy = await page.getByLabel('密码').getAttribute('aria-describedby')
  const error = page.locator(`[id="${describedBy}"]`)
  expect(await error.textContent()).toBe('工号或密码不正确')
  expect(await page.getByLabel('工号').inputValue()).toBe('clerk03')
  expect(await page.getByLabel('密码').getAttribute('aria-invalid')).toBe('true')
  await screenshot(page, 'login-error')
  await page.context().close()
})

it('a sign-in or any other POST from a foreign origin is refused', async () => {
  const baseURL = inject('baseURL')
  const foreign = await fetch(`${baseURL}/login`, {
    method: 'POST',
    headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'username=clerk01&password=Demo%402026',
    redirect: 'manual',
  })
  expect(foreign.status).toBe(403)
  expect(foreign.headers.get('set-cookie')).toBeNull()
  const same = await fetch(`${baseURL}/login`, {
    method: 'POST',
    headers: { Origin: baseURL, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'username=clerk01&password=Demo%402026',
    redirect: 'manual',
  })
  expect(same.status).toBe(302)
})
