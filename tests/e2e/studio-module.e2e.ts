// The module journey of the studio (issue #21): a clerk has read 应急处置; a trainer opens it in the studio, types a
// component attribute content:check refuses, sees the problem at its line in the editor and in the problem list,
// corrects the line, publishes; the clerk opens the module again and is told it changed since they read it, with
// the new text. Laptop width for the trainer (the studio is laptop-first), a phone for the clerk.
import type { Browser, Page } from 'playwright-core'
import { heading, launch, open, phonePage, screenshot, settled, signIn } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

const MODULE = 'courses/onboarding/emergencies.mdx'
const CLERK_PAGE = '/learn/onboarding/emergencies'
const TITLE = '应急处置：系统故障、突发疾病、闹事客户、停电与疏散'
const BAD_LINE = '<Tip level="高">停电后先打开应急照明，再向排队的客户说明情况。</Tip>'
const GOOD_LINE = '<Tip title="停电">停电后先打开应急照明，再向排队的客户说明情况。</Tip>'

async function laptopPage(): Promise<Page> {
  const page = await phonePage(browser)
  await page.setViewportSize({ width: 1280, height: 900 })
  return page
}

/** The editor has replaced the textarea with CodeMirror (its chunk loads after hydration). */
async function codeMirror(page: Page) {
  const content = page.locator('.studio-code .cm-content')
  await content.waitFor()
  return content
}

it('a trainer sees a refused attribute at its line, corrects it and publishes; a clerk who read the module is told it changed', async () => {
  const clerk = await phonePage(browser)
  await signIn(clerk, 'clerk14')
  await heading(clerk, '我的学习')
  await open(clerk, CLERK_PAGE)
  await heading(clerk, TITLE)
  await clerk.getByRole('button', { name: '我已读完' }).click()
  await clerk.getByText(/已于 .* 读完/).waitFor()
  await settled(clerk)
  expect(await clerk.locator('.notice.updated').count()).toBe(0)

  const trainer = await laptopPage()
  await signIn(trainer, 'trainer01')
  await trainer.waitForURL((url) => !url.pathname.startsWith('/login'))
  await open(trainer, '/trainer/studio')
  await heading(trainer, '内容工作室')
  // the tree folds each course (one line per course on a phone): unfold the module's course, then open the module
  const moduleLink = trainer.locator(`a[href="/trainer/studio/edit?path=${encodeURIComponent(MODULE)}"]`)
  const course = trainer.locator('details.studio-course', { has: moduleLink })
  if (!(await course.evaluate((d) => (d as HTMLDetailsElement).open))) await course.locator('summary').click()
  await moduleLink.click()
  await heading(trainer, MODULE)
  const editor = await codeMirror(trainer)
  await trainer.getByText('检查通过，可以发布。').waitFor()

  await editor.click()
  await trainer.keyboard.press('Control+End')
  await trainer.keyboard.insertText(`\n${BAD_LINE}`)

  // inline: the checker's problem is drawn on the very line typed, and the list names file, line and message
  const problem = trainer.locator('.studio-problems li', { hasText: '<Tip> 不支持属性 level' })
  await problem.waitFor()
  // the editor's text (CodeMirror writes it back into the form's textarea) says which line the Tip is on
  const typed = await trainer.locator('textarea[name="text"]').inputValue()
  const tipLine = typed.split('\n').indexOf(BAD_LINE) + 1
  expect(tipLine).toBeGreaterThan(1)
  expect(await problem.locator('code').textContent()).toBe(`${MODULE}:${tipLine}:1`)
  const badLine = trainer.locator('.cm-line', { hasText: '停电后先打开应急照明' })
  await badLine.locator('.cm-lintRange-error').waitFor()
  expect(await trainer.locator('.cm-line').filter({ has: trainer.locator('.cm-lintRange-error') }).count()).toBe(1)
  await trainer.locator('.cm-gutter-lint .cm-lint-marker-error').waitFor()
  expect(await trainer.getByRole('button', { name: '发布' }).isDisabled()).toBe(true)
  await trainer.getByText('还有 1 个问题，修正后才能发布。').waitFor()
  await screenshot(trainer, 'studio-module-problem')

  // the trainer selects the line (the cursor is still on it; Alt-L is CodeMirror's "select line", whatever the
  // wrapping) and types it again with the attribute Tip takes
  await trainer.keyboard.press('Alt+l')
  await trainer.keyboard.insertText(GOOD_LINE)
  await trainer.getByText('检查通过，可以发布。').waitFor()
  expect(await trainer.locator('.cm-lintRange-error').count()).toBe(0)
  await trainer.locator('.studio-phone').getByText('停电后先打开应急照明').waitFor()
  await trainer.getByText(/草稿已保存/).waitFor()
  await trainer.getByRole('button', { name: '发布' }).click()
  await trainer.getByText(/^已发布：新建 1 个模块版本/).waitFor()
  await settled(trainer)
  await screenshot(trainer, 'studio-module-published')
  await trainer.context().close()

  await open(clerk, CLERK_PAGE)
  await heading(clerk, TITLE)
  await clerk.getByText('这个模块在您读过之后更新了，请再读一遍。').waitFor()
  await clerk.getByText('停电后先打开应急照明，再向排队的客户说明情况。').waitFor()
  await screenshot(clerk, 'studio-module-clerk-updated')
  await clerk.context().close()
  // two people's journey through seven pages: slow when the machine is loaded, so more than the default minute
}, 180_000)
