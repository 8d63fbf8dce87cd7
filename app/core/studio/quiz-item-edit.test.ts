import { parseWithZod } from '@conform-to/zod'
import { parse } from 'yaml'
import { ITEM_TYPES, QuizItemSchema, type ItemKind } from '../quiz/registry'
import { ITEM_TEMPLATES } from './item-templates'
import { editQuizItems, freeItemId, ITEM_KINDS, itemFormSchema, quizItemSummaries, rawQuizItem } from './quiz-item-edit'

/** What a browser posts for an item: conform's field names (`item.options[0].text`), a ticked box as "on". */
function formOf(value: unknown, name = 'item', form = new FormData()): FormData {
  if (Array.isArray(value)) value.forEach((entry, index) => formOf(entry, `${name}[${index}]`, form))
  else if (typeof value === 'object' && value !== null) for (const [key, entry] of Object.entries(value)) formOf(entry, `${name}.${key}`, form)
  else if (value === true) form.set(name, 'on')
  else if (value !== false && value !== undefined) form.set(name, String(value))
  return form
}

const ITEMS: { [K in ItemKind]: unknown } = {
  single: { id: 'id-check', type: 'single', points: 2, module: 'intro', prompt: '办理过户先做什么？', options: [{ id: 'a', text: '核验身份', correct: true, feedback: '对' }, { id: 'b', text: '先填表', feedback: '不对' }] },
  multiple: { id: 'docs', type: 'multiple', points: 1, scoring: 'all-or-nothing', prompt: '要带哪些材料？', options: [{ id: 'a', text: '身份证', correct: true, feedback: '要' }, { id: 'b', text: '户口本', correct: true, feedback: '要' }, { id: 'c', text: '工资条', feedback: '不要' }], feedback: '两样都要' },
  ordering: { id: 'steps', type: 'ordering', points: 1, prompt: '排出顺序', entries: [{ id: 'e1', text: '问候' }, { id: 'e2', text: '核验' }, { id: 'e3', text: '办理' }], feedback: '先问候' },
  matching: { id: 'pairs', type: 'matching', points: 3, prompt: '配对', pairs: [{ id: 'p1', left: '停电', right: '报修' }, { id: 'p2', left: '欠费', right: '缴费' }], feedback: '看业务' },
  text: { id: 'sorry', type: 'text', points: 2, prompt: '客户等久了，您说：', elements: [{ says: '道歉', examples: ['抱歉', '对不起'] }], avoid: [{ says: '推诿', examples: ['不归我管'] }], modelAnswers: ['抱歉让您久等了'], nearMisses: [{ text: '您好', missing: ['道歉'] }], forbidden: true, feedback: '先致歉' },
  scenario: { id: 'queue-dialogue', type: 'scenario', points: 5, prompt: '接待排队的客户', scenario: 'queue' },
}

describe('the item form: fields posted by the browser ↔ the importer’s item, per type', () => {
  it.each(ITEM_KINDS)('%s: item → form fields → item is the same item', (kind) => {
    const item = ITEM_TYPES[kind].schema.parse(ITEMS[kind])
    const submission = parseWithZod(formOf(item), { schema: itemFormSchema(kind) })
    expect(submission.status).toBe('success')
    expect(submission.status === 'success' ? submission.value.item : null).toEqual(item)
  })

  it.each(ITEM_KINDS)('%s: form → YAML → importer’s schema is the same item, the rest of the file untouched', (kind) => {
    const item = ITEM_TYPES[kind].schema.parse(ITEMS[kind])
    const yaml = `id: demo # the quiz\nitems:\n  # first item\n  - id: old\n    type: single\n  - id: keep\n    type: single\n`
    const text = editQuizItems(yaml, { kind: 'replace', index: 0, item })!
    expect(QuizItemSchema.parse(parse(text).items[0])).toEqual(item)
    expect(parse(text).items[1]).toEqual({ id: 'keep', type: 'single' })
    expect(text).toContain('# the quiz')
    expect(text).toContain('# first item')
  })

  it('defaults the schema fills in are not written to the file', () => {
    const item = ITEM_TYPES.text.schema.parse({ ...(ITEMS.text as object), avoid: [], nearMisses: [], forbidden: false })
    const written = parse(editQuizItems('items:\n  - id: x\n', { kind: 'replace', index: 0, item })!).items[0]
    expect(Object.keys(written)).not.toEqual(expect.arrayContaining(['avoid']))
    expect(written).not.toHaveProperty('nearMisses')
    expect(written).not.toHaveProperty('forbidden')
  })
})

describe('an invalid item is refused with its errors beside the fields', () => {
  const single = ITEMS.single as { options: object[] }
  it.each([
    { case: 'an empty option text', change: { options: [single.options[0], { id: 'b', text: '', feedback: '不对' }] }, field: 'item.options[1].text' },
    { case: 'two correct options', change: { options: [single.options[0], { id: 'b', text: '先填表', correct: true, feedback: '不对' }] }, field: 'item.options', message: '恰好有 1 个正确选项' },
    { case: 'an id that is no slug', change: { id: 'Bad Id' }, field: 'item.id', message: 'slug' },
    { case: 'zero points', change: { points: 0 }, field: 'item.points', message: '分值必须大于 0' },
    { case: 'an empty prompt', change: { prompt: '' }, field: 'item.prompt', message: '不能为空' },
  ])('$case → error at $field', ({ change, field, message }) => {
    const submission = parseWithZod(formOf({ ...(ITEMS.single as object), ...change }), { schema: itemFormSchema('single') })
    expect(submission.status).toBe('error')
    const errors = submission.reply().error ?? {}
    expect(Object.keys(errors)).toContain(field)
    if (message) expect(errors[field]?.join(' ')).toContain(message)
  })
})

describe('adding, deleting and moving items', () => {
  const yaml = 'id: demo\n# items follow\nitems:\n  - id: a\n    type: single\n  - id: b\n    type: single\n  - id: c\n    type: single\n'
  const ids = (text: string | null) => quizItemSummaries(text ?? '').map((s) => s.id)
  it.each([
    { case: 'delete the middle item', edit: { kind: 'delete', index: 1 } as const, ids: ['a', 'c'] },
    { case: 'move the last item up', edit: { kind: 'move', index: 2, to: 1 } as const, ids: ['a', 'c', 'b'] },
    { case: 'move the first item to the end', edit: { kind: 'move', index: 0, to: 2 } as const, ids: ['b', 'c', 'a'] },
    { case: 'add an item at the end', edit: { kind: 'add', item: ITEM_TEMPLATES.ordering('ordering-1') } as const, ids: ['a', 'b', 'c', 'ordering-1'] },
  ])('$case', ({ edit, ids: expected }) => {
    const text = editQuizItems(yaml, edit)
    expect(ids(text)).toEqual(expected)
    expect(text).toContain('# items follow')
  })
  it.each([
    { case: 'delete past the end', edit: { kind: 'delete', index: 3 } as const },
    { case: 'move above the top', edit: { kind: 'move', index: 0, to: -1 } as const },
    { case: 'replace a negative index', edit: { kind: 'replace', index: -1, item: ITEM_TYPES.single.schema.parse(ITEMS.single) } as const },
  ])('$case → refused (null)', ({ edit }) => expect(editQuizItems(yaml, edit)).toBeNull())

  it('adds the first item to a quiz that has none', () => {
    expect(ids(editQuizItems('id: demo\n', { kind: 'add', item: ITEM_TEMPLATES.single('single-1') }))).toEqual(['single-1'])
  })
  it('a new id is free: single-1 is taken, so single-2', () => {
    expect(freeItemId('items:\n  - id: single-1\n', 'single')).toBe('single-2')
  })
  it('reads an item as written, even one the schema refuses', () => {
    expect(rawQuizItem(yaml, 1)).toEqual({ id: 'b', type: 'single' })
    expect(rawQuizItem(yaml, 9)).toBeNull()
  })
})

describe('templates of new items', () => {
  it.each(ITEM_KINDS)('%s: a new item has its type and id, and cannot pass the check until filled in', (kind) => {
    const template = ITEM_TEMPLATES[kind](`${kind}-1`)
    expect(template).toMatchObject({ id: `${kind}-1`, type: kind })
    expect(ITEM_TYPES[kind].schema.safeParse(template).success).toBe(false)
  })
})
