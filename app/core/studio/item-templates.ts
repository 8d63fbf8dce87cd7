// What a new item of each kind starts as: the fields its form shows, texts left empty. A new item therefore fails
// the check until the trainer fills it in, and no made-up text can be published by accident. Keyed by the item
// registry, so a new item type does not compile until it has its template here.
import type { ItemKind } from '../quiz/registry'

type Template = (id: string) => Record<string, unknown> & { id: string; type: ItemKind }

const option = (id: string, correct: boolean) => ({ id, text: '', ...(correct ? { correct: true } : {}), feedback: '' })

export const ITEM_TEMPLATES: { [K in ItemKind]: Template } = {
  single: (id) => ({ id, type: 'single', points: 1, prompt: '', options: [option('a', true), option('b', false), option('c', false)] }),
  multiple: (id) => ({ id, type: 'multiple', points: 1, scoring: 'partial', prompt: '', options: [option('a', true), option('b', true), option('c', false)] }),
  ordering: (id) => ({ id, type: 'ordering', points: 1, prompt: '', entries: [{ id: 'e1', text: '' }, { id: 'e2', text: '' }, { id: 'e3', text: '' }], feedback: '' }),
  matching: (id) => ({ id, type: 'matching', points: 1, prompt: '', pairs: [{ id: 'p1', left: '', right: '' }, { id: 'p2', left: '', right: '' }], feedback: '' }),
  text: (id) => ({ id, type: 'text', points: 1, prompt: '', elements: [{ says: '', examples: [''] }], modelAnswers: [''], feedback: '' }),
  scenario: (id) => ({ id, type: 'scenario', points: 1, scenario: '' }),
}
