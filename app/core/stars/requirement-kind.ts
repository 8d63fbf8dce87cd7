// The shape every star requirement kind has. Each kind is one file in kinds/, listed once in registry.ts.
import type { z } from 'zod'
import type { LocalizedText } from '../quiz/schema-parts'
import type { StarEvidence } from './evidence'
import type { Requirement } from './registry'

/** A sentence for the catalogues: `stars.kinds.<kind>.<part>` with its values (titles in both languages). */
export interface Phrase {
  key: string
  values: Record<string, string | number | LocalizedText>
}

/**
 * met: satisfied now. missing: not yet, `current` says where the clerk stands. unavailable: the evidence
 * provider is absent (mentoring not yet available). deferred: satisfied at approval (the panel review).
 */
export type RequirementStatus = 'met' | 'missing' | 'unavailable' | 'deferred'

/** What a kind's evaluate says; the registry adds the requirement it judged (RequirementResult). */
export interface RequirementVerdict {
  kind: string
  status: RequirementStatus
  /** What is required, e.g. "投诉处理测验 ≥ 85 分". */
  requirement: Phrase
  /** Where the clerk stands, e.g. "目前 78 分"; null when there is nothing to say. */
  current: Phrase | null
}

export interface RequirementResult extends RequirementVerdict {
  /** The requirement as written in stars.yaml, so a list can drop one that a stronger one contains. */
  source: Requirement
}

export interface EvaluationContext {
  now: Date
  /** The names of courses and quizzes as the ladder's reader sees them, when evidence has none. */
  titles: (kind: 'course' | 'quiz', id: string) => LocalizedText
}

export interface RequirementKind<Kind extends string, Params extends { kind: Kind }> {
  kind: Kind
  /** The requirement as written in stars.yaml. */
  schema: z.ZodType<Params, z.ZodTypeDef, unknown>
  /** Course and quiz ids it names (content:check verifies they exist; certificates rest on the courses). */
  references: (params: Params) => { courses: string[]; quizzes: string[] }
  /** Requirements of the same kind and this key at two levels are compared for thresholds going down. */
  compareKey: (params: Params) => string
  /** The field that is less strict at the higher level than at the lower one, or null. */
  loosenedField: (lower: Params, higher: Params) => string | null
  /** Meeting `stronger` means meeting `weaker` (a higher level restating a lower one, stricter). */
  contains: (stronger: Params, weaker: Params) => boolean
  evaluate: (params: Params, evidence: StarEvidence, context: EvaluationContext) => RequirementVerdict
}

export const phrase = (kind: string, part: string, values: Phrase['values'] = {}): Phrase => ({ key: `stars.kinds.${kind}.${part}`, values })
