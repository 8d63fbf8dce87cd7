// Checklist templates and the mentoring limits are content: checked at file:line:column (unknown module or
// quiz links are errors), and imported as versions by content hash like quizzes.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { formatProblem } from '~/core/content/problems'
import { itemsOf, type ChecklistTemplate } from '~/core/mentoring/checklist-schema'
import { checkContent } from '~/server/content/check.server'
import { importContent } from '~/server/content/import.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'

function copyOfContent(): string {
  const root = path.join(mkdtempSync(path.join(os.tmpdir(), 'ssa-checklists-')), 'content')
  cpSync('content', root, { recursive: true })
  return root
}

function edit(file: string, from: string, to: string) {
  const text = readFileSync(file, 'utf8')
  expect(text).toContain(from)
  writeFileSync(file, text.replace(from, to))
}

it('the shipped templates pass: 营业员 and 导办 with at least 20 items each, every item citing a source', () => {
  const { problems, content } = checkContent('content')
  expect(problems.map((p) => formatProblem(p))).toEqual([])
  const byId = new Map(content.checklists.map((c) => [c.template.id, c.template]))
  for (const id of ['counter-clerk', 'lobby-guide']) {
    const items = itemsOf(byId.get(id)!)
    expect(items.length).toBeGreaterThanOrEqual(20)
    expect(items.every((item) => item.sources.length > 0)).toBe(true)
  }
})

describe('mistakes are reported where they are', () => {
  it.each([
    { case: 'an unknown module', file: 'checklists/counter-clerk.yaml', from: 'module: etiquette/greeting', to: 'module: etiquette/no-such-module', code: 'broken-link', says: '/learn/etiquette/no-such-module' },
    { case: 'an unknown quiz', file: 'checklists/counter-clerk.yaml', from: 'quiz: complaints-quiz', to: 'quiz: no-such-quiz', code: 'unknown-quiz', says: 'no-such-quiz' },
    { case: 'a repeated item id', file: 'checklists/lobby-guide.yaml', from: '- id: ask-needs', to: '- id: five-s', code: 'schema', says: 'five-s' },
    { case: 'a week number out of range', file: 'checklists/lobby-guide.yaml', from: '- week: 4', to: '- week: 0', code: 'schema', says: 'weeks.3.week' },
    { case: 'a limit out of range', file: 'mentoring.yaml', from: 'maxActiveMentees: 2', to: 'maxActiveMentees: 0', code: 'schema', says: 'maxActiveMentees' },
  ])('$case → $code', ({ file, from, to, code, says }) => {
    const root = copyOfContent()
    const target = path.join(root, file)
    edit(target, from, to)
    const { problems, content } = checkContent(root)
    const found = problems.find((p) => p.code === code)
    expect(found, problems.map((p) => formatProblem(p)).join('\n')).toBeDefined()
    const lines = readFileSync(target, 'utf8').split('\n')
    const line = lines.length - [...lines].reverse().findIndex((l) => l.includes(to))
    expect(formatProblem(found!)).toMatch(new RegExp(`${file.replace('.', '\\.')}:${line}:\\d+: .*${says}`))
    if (file.startsWith('checklists/')) expect(content.checklists.map((c) => c.template.id)).not.toContain(file.split('/')[1].replace('.yaml', ''))
  })
})

describe('import', () => {
  let db: PrismaClient
  beforeAll(async () => ({ db } = await useTestDatabase()))
  afterAll(() => db.$disconnect())

  it('stores one version per template, a new one only when the file changed', async () => {
    const root = copyOfContent()
    const first = await importContent(db, root)
    expect(first).toMatchObject({ ok: true, summary: { checklistsChanged: ['counter-clerk', 'lobby-guide'] } })
    const again = await importContent(db, root)
    expect(again).toMatchObject({ ok: true, summary: { checklistsChanged: [] } })
    edit(path.join(root, 'checklists/lobby-guide.yaml'), '组织一次等候区互动活动', '在等候区组织一次互动活动')
    const changed = await importContent(db, root)
    expect(changed).toMatchObject({ ok: true, summary: { checklistsChanged: ['lobby-guide'] } })
    const versions = await db.checklistVersion.findMany({ where: { templateId: 'lobby-guide' }, orderBy: { number: 'asc' } })
    expect(versions.map((v) => v.number)).toEqual([1, 2])
    const current = await db.checklistTemplate.findUniqueOrThrow({ where: { id: 'lobby-guide' } })
    expect(current.currentVersionId).toBe(versions[1].id)
    const definition = JSON.parse(versions[1].definition) as ChecklistTemplate
    expect(itemsOf(definition).find((i) => i.id === 'waiting-activity')?.title.zh).toBe('在等候区组织一次互动活动')
  })
})
