// Issue 13, findings 6 and 11: content:check refuses links that could run script or leave for an unsafe
// scheme, at their line; rendered module HTML cannot carry script; an unclosed MDX tag is reported at its line.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { formatProblem } from '~/core/content/problems'
import { checkContent } from '~/server/content/check.server'
import { compileAll, compileModule } from '~/server/content/compile.server'
import { renderModuleHtml } from '~/server/content/render.server'

/** A copy of the good fixture tree with extra lines appended to intro.mdx; returns the tree and the first new line. */
function treeWith(extra: string): { root: string; file: string; line: number } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ssa-content-'))
  cpSync('tests/fixtures/content/good', root, { recursive: true })
  const file = path.join(root, 'courses/demo/intro.mdx')
  const text = readFileSync(file, 'utf8').replace(/\n*$/, '\n\n')
  writeFileSync(file, text + extra)
  return { root, file: `${root}/courses/demo/intro.mdx`, line: text.split('\n').length }
}

describe('finding 6: only http(s), mailto, tel and relative links', () => {
  it.each([
    '[点这里](javascript:alert(1))',
    '[点这里](JAVASCRIPT:alert(1))',
    '[点这里](data:text/html;base64,PHNjcmlwdD4=)',
    '![图](javascript:alert(1))',
    '[点这里][x]\n\n[x]: javascript:alert(1)',
    '[点这里](&#106;avascript:alert(1))',
    '[点这里](vbscript:msgbox)',
  ])('%s is refused at its line', (markdown) => {
    const { root, file, line } = treeWith(`${markdown}\n`)
    const { problems } = checkContent(root)
    const unsafe = problems.filter((p) => p.code === 'unsafe-link')
    expect(unsafe.length, problems.map((p) => formatProblem(p)).join('\n')).toBeGreaterThan(0)
    expect(path.resolve(unsafe[0].file)).toBe(file)
    expect([line, line + 2]).toContain(unsafe[0].line) // a reference definition sits two lines below its use
    expect(formatProblem(unsafe[0])).toMatch(/不安全的链接|unsafe/)
  })

  it.each(['[工信部](https://www.miit.gov.cn/)', '[写信](mailto:px@example.org)', '[热线](tel:10086)', '[下一课](/learn/demo/second)'])(
    '%s passes',
    (markdown) => {
      const { root } = treeWith(`${markdown}\n`)
      expect(checkContent(root).problems.map((p) => formatProblem(p))).toEqual([])
    },
  )

  it('an autolink is no way round it (MDX has no autolinks: a syntax error at its line)', () => {
    const { root, line } = treeWith('<javascript:alert(1)>\n')
    expect(checkContent(root).problems.map((p) => [p.code, p.line])).toEqual([['mdx-syntax', line]])
  })

  it('an element with an event handler is refused (only the known components are allowed)', () => {
    const { root, line } = treeWith('<img src="x" onError="alert(1)"/>\n')
    const problem = checkContent(root).problems.find((p) => p.code === 'unknown-component')
    expect(problem?.line).toBe(line)
  })

  it('the renderer refuses HTML that could run script, even from code that skipped the check', async () => {
    const code = await compileModule('<a href="javascript:alert(1)">x</a>\n')
    expect(() => renderModuleHtml(code)).toThrow(/unsafe link javascript:alert\(1\)/)
    expect(renderModuleHtml(await compileModule('**挂牌上岗**\n'))['zh-CN']).toBe('<p><strong>挂牌上岗</strong></p>')
  })
})

describe('finding 11: an unclosed MDX tag is reported where it is', () => {
  it.each([
    { case: 'a block component never closed', extra: '<Tip title="注意">\n\n没有结束标签。\n', offset: 0 },
    { case: 'after some paragraphs', extra: '第一段。\n\n第二段。\n\n<Warn>\n\n还是没有结束。\n', offset: 4 },
    { case: 'an inline tag in a paragraph', extra: '请看 <Tip>这里\n', offset: 0 },
  ])('$case', ({ extra, offset }) => {
    const { root, file, line } = treeWith(extra)
    const problem = checkContent(root).problems.find((p) => p.code === 'mdx-syntax')
    expect(path.resolve(problem?.file ?? '')).toBe(file)
    expect(problem?.line).toBe(line + offset)
  })
})

it('every module of the real curriculum renders to HTML without script (the renderer would throw)', async () => {
  const { problems, content } = checkContent('content')
  expect(problems).toEqual([])
  const modules = content.courses.flatMap((c) => c.modules)
  const code = await compileAll(modules)
  expect(modules.length).toBeGreaterThan(10)
  for (const module of modules) expect(() => renderModuleHtml(code.get(module)!), module.file).not.toThrow()
}, 120_000)
