// Owns the list of quiz item types: the one place a new type is added; everything else asks the registry.
import { z } from 'zod'
import type { AnyItemType, ContentContext, ContentReference, ItemType, ScoreGrouped, ScoringContext, ViewContext } from './item-type'
import { matching } from './matching'
import { multiple } from './multiple'
import { ordering } from './ordering'
import { scenario } from './scenario'
import { fieldOf, dispatchSchema } from './schema-parts'
import { single } from './single'
import { text } from './text'

export const ITEM_TYPES = { single, multiple, ordering, matching, text, scenario } as const

export type ItemKind = keyof typeof ITEM_TYPES
type DefinitionOf<T> = T extends ItemType<infer Def, unknown, unknown, unknown, unknown> ? Def : never
type ViewOf<T> = T extends ItemType<infer _Def, infer View, infer _Response, infer _Review, infer _Analysis> ? View : never
type ReviewOf<T> = T extends ItemType<infer _Def, infer _View, infer _Response, infer Review, infer _Analysis> ? Review : never
type AnalysisOf<T> = T extends ItemType<infer _Def, infer _View, infer _Response, infer _Review, infer Analysis> ? Analysis : never

/** Any item as authored in a quiz file. */
export type QuizItem = { [K in ItemKind]: DefinitionOf<(typeof ITEM_TYPES)[K]> }[ItemKind]
/** Any item as the client sees it before submitting. */
export type QuizItemView = { [K in ItemKind]: ViewOf<(typeof ITEM_TYPES)[K]> }[ItemKind]
/** Any item as the client sees it after submitting. */
export type QuizItemReview = { [K in ItemKind]: ReviewOf<(typeof ITEM_TYPES)[K]> }[ItemKind]
/** Any item's response analysis on the statistics page, tagged with its kind (the page picks a view by it). */
export type QuizItemAnalysis = { [K in ItemKind]: { type: K; analysis: AnalysisOf<(typeof ITEM_TYPES)[K]> } }[ItemKind]

const KINDS = Object.keys(ITEM_TYPES) as [ItemKind, ...ItemKind[]]
const KindSchema = z.object({ type: z.enum(KINDS) }).passthrough()

function isKind(value: unknown): value is ItemKind {
  return typeof value === 'string' && value in ITEM_TYPES
}

/** An item of any registered type: `type` picks the schema, so errors name that type's fields only. */
export const QuizItemSchema = dispatchSchema<QuizItem>((raw) => {
  const kind = fieldOf(raw, 'type')
  return isKind(kind) ? ITEM_TYPES[kind].schema : KindSchema.pipe(z.never())
})

/** The type that owns `def`. */
export function itemTypeOf(def: { type: string }): AnyItemType {
  if (!isKind(def.type)) throw new Error(`unknown item type "${def.type}"`)
  return ITEM_TYPES[def.type]
}

// TypeScript cannot correlate a definition's kind with its type's view (a union of item types meets a union of
// definitions), so the two casts below stand for what ITEM_TYPES guarantees by construction.

/** The client's view of any item. */
export function itemView(def: QuizItem, ctx: ViewContext): QuizItemView {
  return itemTypeOf(def).toView(def, ctx) as QuizItemView
}

/** The review of any item after submitting. */
export function itemReview(def: QuizItem, response: unknown, ctx: ScoringContext): QuizItemReview {
  return itemTypeOf(def).review(def, response, ctx) as QuizItemReview
}

/** The response analysis of any item over the analysed attempts' responses. */
export function itemAnalysis(def: QuizItem, responses: readonly ScoreGrouped<unknown>[], ctx: ContentContext): QuizItemAnalysis {
  return { type: def.type, analysis: itemTypeOf(def).analyse(def, responses, ctx) } as QuizItemAnalysis
}

/** Every piece of other content the items of a quiz need, each once. */
export function contentReferencesOf(items: readonly QuizItem[]): ContentReference[] {
  const all = items.flatMap((item) => itemTypeOf(item).contentReferences(item))
  return all.filter((ref, index) => all.findIndex((other) => other.kind === ref.kind && other.id === ref.id) === index)
}
