// The star module and the ladder cannot disagree: change a number in content/stars.yaml without the module and
// content:check refuses the tree at the module's line.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { formatProblem } from '~/core/content/problems'
import { checkContent } from '~/server/content/check.server'

const copy = mkdtempSync(path.join(tmpdir(), 'star-text-'))
cpSync('content', copy, { recursive: true })
afterAll(() => rmSync(copy, { recursive: true, force: true }))

const setLadder = (edit: (text: string) => string) => writeFileSync(path.join(copy, 'stars.yaml'), edit(readFileSync('content/stars.yaml', 'utf8')))

it('the shipped module states every level of the shipped ladder', () => {
  const { problems, content } = checkContent(copy)
  expect(problems.map((p) => formatProblem(p))).toEqual([])
  const module = content.courses.flatMap((c) => c.modules).find((m) => m.slug === 'star-levels')
  expect(module?.starLevels.map((b) => b.value.level)).toEqual(['1', '2', '3', '4', '5'])
})

it('a threshold raised in stars.yaml and not in the module is a problem at the module', () => {
  setLadder((text) => text.replace('minRatings: 200', 'minRatings: 250'))
  const problems = checkContent(copy).problems.map((p) => formatProblem(p))
  expect(problems).toEqual([
    expect.stringMatching(/star-levels\.mdx:\d+:1: 4 星的说明没写到 stars\.yaml 的要求「250次」/),
    expect.stringMatching(/star-levels\.mdx:\d+:1: 4 星的说明写了数字 200/),
  ])
})

it('a requirement added to a level and not to the module is a problem at the module', () => {
  setLadder((text) => text.replace('      - kind: panel-review\n', '      - kind: mentored-new-hire\n        count: 2\n      - kind: panel-review\n'))
  const problems = checkContent(copy, 'en').problems.map((p) => formatProblem(p, 'en'))
  expect(problems).toEqual([expect.stringMatching(/star-levels\.mdx:\d+:1: level 5: the text does not state the ladder's "2名新员工"/)])
})

it('a <StarLevel> block renders with its stars and the level named in each language', async () => {
  const { compileModule } = await import('~/server/content/compile.server')
  const { renderModuleHtml } = await import('~/server/content/render.server')
  const html = renderModuleHtml(await compileModule('<StarLevel level="3">\n\n- 近6个月没有有责投诉\n\n</StarLevel>\n'))
  expect(html['zh-CN']).toMatch(/<section class="mdx-star-level"><p class="mdx-star-level-title"><span aria-hidden="true">★★★ <\/span><span>三星营业员的要求<\/span><\/p>/)
  expect(html.en).toContain('<span lang="en">What a three-star clerk needs</span>') // English inside a Chinese body says so
  expect(html.en).toContain('近6个月没有有责投诉')
})
