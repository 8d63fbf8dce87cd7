// Pictures in modules: content:check refuses a missing file, a missing or non-Chinese alt text, an oversized or
// unsafe file; import stores each picture once by hash and the module page points at /media/<hash>.<ext>;
// /media serves it to staff only, cacheable for a year, and nothing else.
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { formatProblem } from '~/core/content/problems'
import { MAX_IMAGE_BYTES } from '~/core/content/images'
import { checkContent } from '~/server/content/check.server'
import { importContent } from '~/server/content/import.server'
import { seedDemo } from '~/server/seed/demo.server'
import { loader as mediaLoader } from '~/routes/media.$file'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'
import { cookieFor, outcome, requestAs } from '../session'

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 200"><text x="10" y="20">工牌</text></svg>'

/** The good fixture tree with one picture line added to intro.mdx and files written into images/. */
function treeWith(line: string, files: Partial<Record<string, string>> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ssa-images-'))
  cpSync('tests/fixtures/content/good', dir, { recursive: true })
  const intro = `${dir}/courses/demo/intro.mdx`
  writeFileSync(intro, readFileSync(intro, 'utf8').replace('营业员应当挂牌上岗。\n', `营业员应当挂牌上岗。\n\n${line}\n`))
  mkdirSync(`${dir}/courses/demo/images`, { recursive: true })
  for (const [name, content] of Object.entries(files)) if (content !== undefined) writeFileSync(`${dir}/courses/demo/images/${name}`, content)
  return dir
}

const problemsOf = (dir: string) => checkContent(dir).problems.map((p) => formatProblem(p))

describe('content:check reports each picture mistake at its line in the module', () => {
  it.each([
    { case: 'a missing file', line: '![工牌位置](images/badge.svg)', files: {}, says: '文件不存在' },
    { case: 'no alt text', line: '![](images/badge.svg)', files: { 'badge.svg': SVG }, says: '缺少替代文字' },
    { case: 'alt text not in Chinese', line: '![badge](images/badge.svg)', files: { 'badge.svg': SVG }, says: '中文' },
    { case: 'a picture from outside', line: '![工牌](https://example.com/badge.svg)', files: {}, says: 'images/' },
    { case: 'an SVG with a script', line: '![工牌](images/badge.svg)', files: { 'badge.svg': SVG.replace('</svg>', '<script>alert(1)</script></svg>') }, says: '脚本' },
    { case: 'an oversized picture', line: '![工牌](images/badge.svg)', files: { 'badge.svg': SVG.replace('</svg>', `<!--${' '.repeat(MAX_IMAGE_BYTES)}--></svg>`) }, says: 'KB' },
    { case: 'a .png that is not a PNG', line: '![工牌](images/badge.png)', files: { 'badge.png': SVG }, says: 'PNG' },
  ])('$case', ({ line, files, says }) => {
    const dir = treeWith(line, files)
    const problems = problemsOf(dir)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(new RegExp(`courses/demo/intro\\.mdx:15:1: 图片 .*${says}`))
  })

  it('a safe picture with Chinese alt text passes', () => {
    expect(problemsOf(treeWith('![工牌戴在左胸](images/badge.svg)', { 'badge.svg': SVG }))).toEqual([])
  })
})

describe('import and /media', () => {
  let db: PrismaClient
  beforeAll(async () => {
    ;({ db } = await useTestDatabase())
    await seedDemo(db, { password: 'Test@2026', now: new Date('2026-11-30T02:00:00Z') })
  })

  it('stores a picture once, points the page at it by hash, and a changed picture makes a new module version', async () => {
    const dir = treeWith('![工牌戴在左胸](images/badge.svg)\n\n![同一张图再出现一次](images/badge.svg)', { 'badge.svg': SVG })
    expect((await importContent(db, dir)).ok).toBe(true)
    const assets = await db.contentAsset.findMany()
    expect(assets).toHaveLength(1)
    expect(assets[0]).toMatchObject({ mime: 'image/svg+xml', width: 360, height: 200 })
    const intro = await db.moduleVersion.findFirstOrThrow({ where: { slug: 'intro' }, orderBy: { number: 'desc' } })
    expect(intro.htmlZh).toContain(`src="/media/${assets[0].hash}.svg"`)
    const img = /<img [^>]*alt="工牌戴在左胸"[^>]*>/.exec(intro.htmlZh)?.[0] ?? ''
    for (const attribute of ['width="360"', 'height="200"', 'loading="lazy"', 'decoding="async"']) expect(img).toContain(attribute)
    expect(intro.htmlZh).not.toContain('images/badge.svg')

    // the same tree again: nothing new
    const again = await importContent(db, dir)
    expect(again.ok && again.summary.modulesCreated).toBe(0)
    // a changed picture (same module text): a new module version and a second asset
    writeFileSync(`${dir}/courses/demo/images/badge.svg`, SVG.replace('工牌', '工号牌'))
    const changed = await importContent(db, dir)
    expect(changed.ok && changed.summary.modulesCreated).toBe(1)
    expect(await db.contentAsset.count()).toBe(2)
  })

  it('serves the picture to a signed-in user with a year of caching, and refuses the rest', async () => {
    const asset = await db.contentAsset.findFirstOrThrow()
    const cookie = await cookieFor(db, 'clerk01')
    const ok = await outcome(() => mediaLoader({ request: requestAs(cookie, `/media/${asset.hash}.svg`), params: { file: `${asset.hash}.svg` }, context: {} }))
    expect(ok.status).toBe(200)
    expect(ok.headers.get('Content-Type')).toBe('image/svg+xml')
    expect(ok.headers.get('Cache-Control')).toContain('immutable')
    expect(ok.headers.get('Content-Security-Policy')).toContain("default-src 'none'")
    expect(Buffer.from(await ok.arrayBuffer()).toString()).toContain('<svg')

    const anonymous = await outcome(() => mediaLoader({ request: requestAs(null, `/media/${asset.hash}.svg`), params: { file: `${asset.hash}.svg` }, context: {} }))
    expect(anonymous.status).toBe(302)
    for (const file of [`${asset.hash}.png`, `${'0'.repeat(64)}.svg`, 'etc-passwd', `${asset.hash}.svg.exe`]) {
      const refused = await outcome(() => mediaLoader({ request: requestAs(cookie, `/media/${file}`), params: { file }, context: {} }))
      expect(refused.status, file).toBe(404)
    }
  })

  it('the real curriculum shows its pictures', () => {
    const { content, problems } = checkContent('content')
    expect(problems).toEqual([])
    const pictures = content.courses.flatMap((c) => c.modules.flatMap((m) => m.images.map((i) => i.url)))
    expect(pictures).toEqual(expect.arrayContaining(['images/badge-position.svg', 'images/one-meter-line.svg', 'images/counter-layout.svg', 'images/confirmation-letter.svg']))
  })
})
