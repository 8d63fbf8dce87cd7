// Every kind of content mistake is reported at its file and line, and the real content passes.
import { formatProblem } from '~/core/content/problems'
import { checkContent } from '~/server/content/check.server'
import { summarise } from '~/server/content/summary.server'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { bestPath, endsReachable } from '~/core/quiz/scenario-graph'

const fixture = (name: string) => `tests/fixtures/content/${name}`

it('the fixture tree without mistakes passes', () => {
  const { problems, content } = checkContent(fixture('good'))
  expect(problems.map((p) => formatProblem(p))).toEqual([])
  expect(summarise(content)).toEqual([{ course: 'demo', modules: 2, minutes: 11, quizItems: 2, scenarios: 1 }])
})

describe('each kind of mistake', () => {
  it.each([
    { tree: 'yaml-syntax', file: 'courses/demo/course.yaml', line: 6, code: 'yaml-syntax' },
    { tree: 'frontmatter-schema', file: 'courses/demo/intro.mdx', line: 4, code: 'schema', says: 'minutes' },
    { tree: 'mdx-syntax', file: 'courses/demo/second.mdx', line: 18, code: 'mdx-syntax', says: 'Tip' },
    { tree: 'unknown-component', file: 'courses/demo/second.mdx', line: 20, code: 'unknown-component', says: 'Video' },
    { tree: 'duplicate-id', file: 'courses/demo/course.yaml', line: 5, code: 'duplicate-id', says: 'intro' },
    { tree: 'module-missing', file: 'courses/demo/course.yaml', line: 5, code: 'module-missing', says: 'second' },
    { tree: 'module-not-listed', file: 'courses/demo/extra.mdx', line: 1, code: 'module-not-listed', says: 'extra' },
    { tree: 'broken-link', file: 'courses/demo/intro.mdx', line: 23, code: 'broken-link', says: '/learn/demo/third' },
    { tree: 'unknown-quiz', file: 'courses/demo/intro.mdx', line: 25, code: 'unknown-quiz', says: 'no-such-quiz' },
    { tree: 'no-source', file: 'courses/demo/second.mdx', line: 2, code: 'no-source' },
    { tree: 'scenario-unreachable', file: 'scenarios/demo-talk.yaml', line: 15, code: 'graph', says: 'lost' },
    { tree: 'quiz-unpassable', file: 'quizzes/demo-quiz.yaml', line: 5, code: 'quiz', says: '60%' },
    { tree: 'longest-best', file: 'scenarios/demo-talk.yaml', line: 9, code: 'graph', says: '2/2' },
    { tree: 'flagged-reply-scores', file: 'scenarios/demo-talk.yaml', line: 14, code: 'graph', says: '不知道' },
  ])('$tree → $file:$line ($code)', ({ tree, file, line, code, says }) => {
    const { problems } = checkContent(fixture(tree))
    const found = problems.find((p) => p.code === code)
    expect(found, problems.map((p) => formatProblem(p)).join('\n')).toBeDefined()
    expect(found!.file).toBe(`${fixture(tree)}/${file}`)
    expect(found!.line).toBe(line)
    if (says) expect(formatProblem(found!)).toContain(says)
    expect(formatProblem(found!)).toMatch(new RegExp(`^${fixture(tree)}/${file}:${line}:\\d+: .+`))
  })
})

it('speaks English with --lang en', () => {
  const [problem] = checkContent(fixture('no-source'), 'en').problems
  expect(formatProblem(problem, 'en')).toMatch(/second\.mdx:2:1: the module cites no source/)
  expect(formatProblem(problem)).toMatch(/模块没有引用任何来源/)
})

it('the real curriculum passes and meets the counts of the curriculum issue', () => {
  const { problems, content } = checkContent('content')
  expect(problems.map((p) => formatProblem(p))).toEqual([])
  const summary = summarise(content)
  expect(summary.map((s) => s.course).sort()).toEqual(['complaints', 'etiquette', 'hall-management', 'mentoring', 'onboarding', 'phrasing', 'star-clerk'])
  const firstEdition = ['complaints', 'etiquette', 'phrasing']
  for (const course of summary) {
    // the first edition's three courses have four modules or more; the second edition's courses grow module by module
    if (firstEdition.includes(course.course)) expect(course.modules, course.course).toBeGreaterThanOrEqual(4)
    expect(course.quizItems / course.modules, `${course.course}: quiz items per module`).toBeGreaterThanOrEqual(4)
    expect(course.quizItems, course.course).toBeGreaterThanOrEqual(8)
  }
  expect(content.scenarios.length).toBeGreaterThanOrEqual(30)
  for (const { frontmatter, components, file } of content.courses.flatMap((c) => c.modules)) {
    expect(frontmatter.minutes, file).toBeGreaterThanOrEqual(5)
    expect(frontmatter.minutes, file).toBeLessThanOrEqual(10)
    expect(components, file).toContain('Case')
    expect(components, file).toContain('Script')
    // the quiz link sits on the last module a quiz covers only (tests/integration/quiz-links.test.ts), at its end
    if (components.includes('QuizLink')) expect(components.at(-1), `${file} ends with its quiz link`).toBe('QuizLink')
  }
})

it('every scenario is at least 3 customer turns deep on its best path, has 2+ end states and cites a real seed', () => {
  const { content } = checkContent('content')
  const sources = readFileSync('content/SOURCES.md', 'utf8')
  for (const { scenario, file } of content.scenarios) {
    expect(bestPath(scenario).replyIds.length, file).toBeGreaterThanOrEqual(3)
    expect(endsReachable(scenario).length, file).toBeGreaterThanOrEqual(2)
    expect(existsSync(`content/sources/${scenario.source.seed}`), `${file} cites ${scenario.source.seed}`).toBe(true)
    expect(sources, `${scenario.id} is missing from content/SOURCES.md`).toContain(scenario.id)
  }
  for (const module of content.courses.flatMap((c) => c.modules)) {
    expect(sources, `${module.slug} is missing from content/SOURCES.md`).toContain(module.slug)
    for (const source of module.frontmatter.sources) {
      if ('seed' in source) {
        const seed = readFileSync(`content/sources/${source.seed}`, 'utf8')
        expect(seed.includes(source.quote), `${module.file}: quote 「${source.quote}」 is not in ${source.seed}`).toBe(true)
      }
    }
  }
})

it('a quiz may not take the id of a scenario\'s practice quiz', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ssa-practice-'))
  cpSync(fixture('good'), dir, { recursive: true })
  const quiz = readFileSync(`${dir}/quizzes/demo-quiz.yaml`, 'utf8').replace('id: demo-quiz', 'id: practice-demo-talk')
  writeFileSync(`${dir}/quizzes/practice-demo-talk.yaml`, quiz)
  rmSync(`${dir}/quizzes/demo-quiz.yaml`)
  writeFileSync(`${dir}/courses/demo/course.yaml`, readFileSync(`${dir}/courses/demo/course.yaml`, 'utf8').replace('[demo-quiz]', '[practice-demo-talk]'))
  for (const m of ['intro']) writeFileSync(`${dir}/courses/demo/${m}.mdx`, readFileSync(`${dir}/courses/demo/${m}.mdx`, 'utf8').replaceAll('demo-quiz', 'practice-demo-talk'))
  const { problems } = checkContent(dir)
  expect(problems.map((p) => formatProblem(p))).toEqual([expect.stringMatching(/practice-demo-talk\.yaml:1:\d+: 测验 id 不能以「practice-」开头/)])
})

it('every quote in content/SOURCES.md is in a source report the repo carries', () => {
  // A row names its seed files, then quotes them in 「」; text before the first file name is the row's title.
  const rows = readFileSync('content/SOURCES.md', 'utf8').split('\n')
  let checked = 0
  for (const [index, row] of rows.entries()) {
    const seeds = row.match(/\d{3}_[0-9a-f]{16}\.txt/g)
    if (!seeds) continue
    const texts = seeds.map((seed) => readFileSync(`content/sources/${seed}`, 'utf8'))
    const cited = row.slice(row.indexOf(seeds[0]))
    for (const [, quote] of cited.matchAll(/「([^」]+)」/g)) {
      expect(texts.some((text) => text.includes(quote)), `SOURCES.md:${index + 1}: 「${quote}」 is not in ${seeds.join(', ')}`).toBe(true)
      checked++
    }
  }
  expect(checked).toBeGreaterThan(100)
})
