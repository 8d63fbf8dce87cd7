// Tests for the item type registry: one schema per kind, errors from the right schema only, itemTypeOf.
import { ITEM_TYPES, itemTypeOf, QuizItemSchema, type ItemKind } from './registry'

// One sample per registered kind: the record's type makes a new kind without a sample a compile error.
const items: Record<ItemKind, Record<string, unknown>> = {
  single: {
    id: 'q1',
    type: 'single',
    points: 1,
    prompt: '?',
    options: [
      { id: 'a', text: 'A', correct: true, feedback: 'f' },
      { id: 'b', text: 'B', feedback: 'f' },
    ],
  },
  multiple: {
    id: 'q2',
    type: 'multiple',
    scoring: 'partial',
    points: 1,
    prompt: '?',
    options: [
      { id: 'a', text: 'A', correct: true, feedback: 'f' },
      { id: 'b', text: 'B', feedback: 'f' },
    ],
  },
  ordering: {
    id: 'q3',
    type: 'ordering',
    points: 1,
    prompt: '?',
    entries: [
      { id: 'a', text: 'A' },
      { id: 'b', text: 'B' },
    ],
    feedback: 'f',
  },
  matching: {
    id: 'q4',
    type: 'matching',
    points: 1,
    prompt: '?',
    pairs: [
      { id: 'a', left: 'A', right: '1' },
      { id: 'b', left: 'B', right: '2' },
    ],
    feedback: 'f',
  },
  text: { id: 'q5', type: 'text', points: 1, prompt: '?', required: [['请稍等']], forbidden: true, feedback: 'f' },
  scenario: { id: 'q6', type: 'scenario', points: 1, scenario: 'queue' },
}

describe('ITEM_TYPES', () => {
  it('lists each type under its own kind', () => {
    for (const [kind, type] of Object.entries(ITEM_TYPES)) expect(type.kind).toBe(kind)
  })

  // the cases come from the registry, so a kind without a sample fails here rather than being skipped
  it.each(Object.keys(ITEM_TYPES))('QuizItemSchema parses a %s item with that type', (kind) => {
    const parsed = QuizItemSchema.parse(items[kind as ItemKind])
    expect(parsed.type).toBe(kind)
    expect(itemTypeOf(parsed)).toBe(ITEM_TYPES[kind as keyof typeof ITEM_TYPES])
  })
})

describe('QuizItemSchema', () => {
  it.each([
    { case: 'an unknown type', raw: { ...items.single, type: 'essay' }, paths: ['type'] },
    { case: 'no type', raw: { id: 'q', points: 1 }, paths: ['type'] },
    { case: 'not an object', raw: 'single', paths: [''] },
    // only the single schema's complaint, not every other type's
    { case: 'a single item without options', raw: { ...items.single, options: undefined }, paths: ['options'] },
    { case: 'a text item with options', raw: { ...items.text, options: [] }, paths: [''] },
  ])('refuses $case with issues at $paths', ({ raw, paths }) => {
    const result = QuizItemSchema.safeParse(raw)
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(paths)
  })

  it('keeps the position of an item inside a list', () => {
    const result = QuizItemSchema.array().safeParse([items.single, { ...items.ordering, entries: [] }])
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([[1, 'entries']])
  })
})

describe('itemTypeOf', () => {
  it('refuses an unknown kind', () => expect(() => itemTypeOf({ type: 'essay' })).toThrow('essay'))
})
