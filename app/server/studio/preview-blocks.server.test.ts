// The block-by-block preview is the importer's HTML: for every module of content/, joining its blocks' HTML gives
// exactly what compiling the whole body gives, in both languages; an edit recompiles only the block it touched.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { splitFrontmatter } from '../content/check-courses.server'
import { compileModule } from '../content/compile.server'
import { renderModuleHtml } from '../content/render.server'
import { blocksOf, previewHtml } from './preview-blocks.server'

const modules = readdirSync('content/courses', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => ({ file: f, body: splitFrontmatter(readFileSync(path.join('content/courses', f), 'utf8'))!.body }))

it.each(modules)('$file: the blocks joined are the whole compile', async ({ body }) => {
  expect(blocksOf(body)?.length).toBeGreaterThan(1)
  expect(await previewHtml(body)).toEqual(renderModuleHtml(await compileModule(body)))
}, 60_000)

it.each([
  { name: 'a link reference definition', body: '见[规定][r]。\n\n[r]: https://www.miit.gov.cn/\n' },
  { name: 'a thematic break (mdx-bundler would read a lone --- as frontmatter)', body: '第一段。\n\n---\n\n第二段。\n' },
  { name: 'a body that does not parse', body: '<Tip>没有结束标签\n' },
  { name: 'an empty body', body: '' },
])('$name is compiled whole', async ({ body }) => {
  expect(blocksOf(body)?.length ?? 0).toBe(0)
})

it('a body that does not compile throws the compiler\'s error, as the whole compile does', async () => {
  await expect(previewHtml('<Tip>没有结束标签\n')).rejects.toThrow(/closing tag/)
})

it('an edit in one paragraph gives the whole compile of the edited body', async () => {
  const { body } = modules.reduce((a, b) => (a.body.length >= b.body.length ? a : b))
  await previewHtml(body)
  const edited = body.replace(/。/, '。（改）')
  expect(await previewHtml(edited)).toEqual(renderModuleHtml(await compileModule(edited)))
}, 60_000)
