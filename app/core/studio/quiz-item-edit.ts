// Edits one item of a quiz's YAML text the way the studio's item form does: replace, add, delete and move items,
// keeping the rest of the file (comments, layout, other items) as the trainer wrote it. The item's fields are the
// importer's own zod schema (ITEM_TYPES[kind].schema), so the form and content:import can never disagree.
import { isMap, isSeq, parseDocument, type Document } from 'yaml'
import { z } from 'zod'
import { ITEM_TYPES, type ItemKind, type QuizItem } from '../quiz/registry'

export const ITEM_KINDS = Object.keys(ITEM_TYPES) as [ItemKind, ...ItemKind[]]
export const ItemKindSchema = z.enum(ITEM_KINDS)

/** The form's schema for one kind: the item sits under `item.` so the page's own fields never meet `.strict()`. */
export function itemFormSchema<K extends ItemKind>(kind: K) {
  return z.object({ item: ITEM_TYPES[kind].schema })
}

/** An item of the list as the page shows it, read without the schema: a draft may hold a broken item. */
export interface ItemSummary {
  index: number
  id: string
  type: string
  prompt: string
}

function itemList(document: Document) {
  const items = document.get('items')
  return isSeq(items) ? items : null
}

export function quizItemSummaries(quizYaml: string): ItemSummary[] {
  const items = parseDocument(quizYaml).toJS()?.items
  if (!Array.isArray(items)) return []
  return items.map((raw: unknown, index) => {
    const item = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
    const text = (key: string) => (typeof item[key] === 'string' ? (item[key] as string) : '')
    return { index, id: text('id'), type: text('type'), prompt: text('prompt') || text('scenario') }
  })
}

/** The item at `index` as plain data (null when there is none): what the form starts from. */
export function rawQuizItem(quizYaml: string, index: number): Record<string, unknown> | null {
  const items = parseDocument(quizYaml).toJS()?.items
  const raw: unknown = Array.isArray(items) ? items[index] : undefined
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null
}

// Defaults the schema fills in (`avoid: []`, `forbidden: false`) are left out of the file: it stays as short as
// one written by hand, and reading it back gives the same item.
function withoutDefaults(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDefaults)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, entry]) => entry !== undefined && !(Array.isArray(entry) && entry.length === 0) && !(key === 'forbidden' && entry === false))
      .map(([key, entry]) => [key, withoutDefaults(entry)]),
  )
}

export type ItemEdit =
  | { kind: 'replace'; index: number; item: QuizItem }
  | { kind: 'add'; item: Record<string, unknown> }
  | { kind: 'delete'; index: number }
  | { kind: 'move'; index: number; to: number }

/** The quiz text after one edit, or null when the edit names an item that is not there. */
export function editQuizItems(quizYaml: string, edit: ItemEdit): string | null {
  const document = parseDocument(quizYaml)
  let list = itemList(document)
  if (!list) {
    if (edit.kind !== 'add') return null
    list = document.createNode([])
    document.set('items', list)
  }
  const count = list.items.length
  const inRange = (index: number) => Number.isInteger(index) && index >= 0 && index < count
  if (edit.kind === 'add') list.items.push(document.createNode(withoutDefaults(edit.item)))
  else if (!inRange(edit.index)) return null
  else if (edit.kind === 'replace') {
    const old = list.items[edit.index]
    const node = document.createNode(withoutDefaults(edit.item))
    if (isMap(old) && old.commentBefore) node.commentBefore = old.commentBefore // the item's heading comment stays
    list.items[edit.index] = node
  } else if (edit.kind === 'delete') list.items.splice(edit.index, 1)
  else {
    if (!inRange(edit.to)) return null
    const [moved] = list.items.splice(edit.index, 1)
    list.items.splice(edit.to, 0, moved)
  }
  return document.toString()
}

/** The ids already used by the quiz's items, but the one at `except`. */
export function otherItemIds(quizYaml: string, except: number | null): string[] {
  return quizItemSummaries(quizYaml)
    .filter((summary) => summary.index !== except)
    .map((summary) => summary.id)
}

/** A free id for a new item: `<kind>-<n>`. */
export function freeItemId(quizYaml: string, kind: ItemKind): string {
  const taken = new Set(otherItemIds(quizYaml, null))
  let n = 1
  while (taken.has(`${kind}-${n}`)) n++
  return `${kind}-${n}`
}
