// Owns the shape every quiz item type implements, and the contexts and results they share.
import type { z } from 'zod'
import type { CompiledPhraseList } from '../phrases'
import type { Lang, Problem } from './problem'
import type { Scenario } from './scenario-graph'

/** What every item definition has; each type adds its own fields. */
export interface ItemDefinitionBase {
  id: string
  type: string
  points: number
  module?: string
  feedback?: string
}

/** Content an item may refer to (a scenario item names its scenario). */
export interface ContentContext {
  scenarios: ReadonlyMap<string, Scenario>
}

/** For building the client's view: the item's secret seed, whether the quiz shuffles, what the server recorded. */
export interface ViewContext extends ContentContext {
  seed: string
  shuffle: boolean
  /** The response the server recorded step by step (types whose `responseSource` is 'server'), if any. */
  recorded?: unknown
  /** Practice: what was already answered is judged at once (a dialogue's turn feedback), not only after submitting. */
  feedbackAsYouGo?: boolean
}

/** For reading a client's answer: the same item seed that made the opaque ids. */
export interface ParseContext extends ContentContext {
  seed: string
}

/** For scoring: the compiled 服务禁语 list is injected here, never loaded by an item type. */
export interface ScoringContext extends ContentContext {
  phrases: CompiledPhraseList
}

/** An HTML form's fields, as the item types read them (every field belongs to the form "answers"). */
export interface FormFields {
  /** Every value of the field `name`, in document order. */
  values(name: string): string[]
  /** Every field whose name starts with `prefix`, as [rest of the name, value], in document order. */
  prefixed(prefix: string): Array<readonly [string, string]>
}

/** Other content an item needs loaded with it (a dialogue item names its scenario). */
export interface ContentReference {
  kind: 'scenario'
  id: string
}

/** Where an analysed attempt's total score places it: the upper, middle or lower third of the attempts. */
export type ScoreGroup = 'upper' | 'middle' | 'lower'

/** One analysed attempt's response to an item, with the third its total score falls in. */
export interface ScoreGrouped<Response> {
  response: Response
  group: ScoreGroup
}

export type ParseResult<Response> = { ok: true; response: Response } | { ok: false; error: string }

/** How one item scored. `feedback` holds authored texts only; the review carries the structured details. */
export interface ItemResult {
  points: number
  maxPoints: number
  correct: boolean | 'partial'
  feedback: string[]
}

/**
 * One item type. Members are methods (not function-valued properties) on purpose: TypeScript checks method
 * parameters bivariantly, which lets the registry hold every type as `AnyItemType` without casts.
 */
export interface ItemType<Def extends ItemDefinitionBase, View, Response, Review, Analysis> {
  readonly kind: Def['type']
  /** Full validation of the definition (shape and the type's own rules), with Chinese messages. */
  readonly schema: z.ZodType<Def, z.ZodTypeDef, unknown>
  /** 'client': the answer comes with the submission; 'server': the server records it step by step. */
  readonly responseSource: 'client' | 'server'
  /**
   * True when the review reads lists that change without a new quiz version (the 服务禁语 list and its detector):
   * the attempt's stored result keeps such a review as written at submission. Any other type's review is derived
   * again from the version and the stored response when a page shows it (decision 0036).
   */
  readonly keepsReview?: true
  /** Other content this item needs (checked to exist, stored with the quiz version). */
  contentReferences(def: Def): ContentReference[]
  /** Problems that need other content (e.g. an unknown scenario); paths are relative to the item. */
  problems(def: Def, ctx: ContentContext, lang: Lang): Problem[]
  /** Prompt and options in the client's shape: opaque ids, shuffled; never correct, points or feedback. */
  toView(def: Def, ctx: ViewContext): View
  /**
   * The raw answer in a submitted HTML form (what `parseResponse` reads); undefined when the form holds nothing
   * for this item (left blank, or a type the server records step by step).
   */
  readForm(def: Def, form: FormFields): unknown
  /** The response of a clerk who left the item blank. */
  emptyResponse(def: Def): Response
  /** Reads a raw answer (null/undefined = blank); refuses wrong shapes and ids that are not this item's. */
  parseResponse(def: Def, raw: unknown, ctx: ParseContext): ParseResult<Response>
  maxPoints(def: Def): number
  score(def: Def, response: Response, ctx: ScoringContext): ItemResult
  /** A response scoring `maxPoints` (content checks use it to prove the pass mark can be reached). */
  bestResponse(def: Def, ctx: ScoringContext): Response
  /** A response scoring the least possible. */
  worstResponse(def: Def, ctx: ScoringContext): Response
  /** What the client sees after submitting: the answer given, the right one, feedback. */
  review(def: Def, response: Response, ctx: ScoringContext): Review
  /**
   * The statistics page's response analysis of this item over the analysed attempts' responses (Moodle's
   * "response analysis": pick rates, paths); null for a type with nothing beyond Moodle's figures.
   */
  analyse(def: Def, responses: readonly ScoreGrouped<Response>[], ctx: ContentContext): Analysis
}

export type AnyItemType = ItemType<ItemDefinitionBase, unknown, unknown, unknown, unknown>

/** Each item's own seed, from the attempt's secret seed: the same option id gets other opaque ids in other items. */
export function itemSeed(attemptSeed: string, itemId: string): string {
  return `${attemptSeed}/${itemId}`
}

/** Points rounded to hundredths, so 2 × 2/3 is stored and shown as 1.33. */
export function roundPoints(points: number): number {
  return Math.round(points * 100) / 100
}

/** An item result from a share of the points in [0, 1]. */
export function resultFromShare(def: ItemDefinitionBase, share: number, feedback: string[]): ItemResult {
  const clamped = Math.min(1, Math.max(0, share))
  return {
    points: roundPoints(def.points * clamped),
    maxPoints: def.points,
    correct: clamped >= 1 ? true : clamped <= 0 ? false : 'partial',
    feedback,
  }
}

/** The item's own feedback as a list (empty when it has none). */
export function itemFeedback(def: ItemDefinitionBase): string[] {
  return def.feedback ? [def.feedback] : []
}
