// Owns the list of star requirement kinds: the one place a new kind is added (its file in kinds/, its
// sentences under stars.kinds.<kind> in both catalogues — a test holds them together).
import { z } from 'zod'
import { dispatchSchema, fieldOf } from '../quiz/schema-parts'
import type { StarEvidence } from './evidence'
import type { EvaluationContext, RequirementKind, RequirementResult } from './requirement-kind'
import { checklistSignedOff } from './kinds/checklist-signed-off'
import { coursesCompleted } from './kinds/courses-completed'
import { inspectionAverage } from './kinds/inspection-average'
import { mentoredNewHire } from './kinds/mentored-new-hire'
import { noLiableComplaint } from './kinds/no-liable-complaint'
import { panelReview } from './kinds/panel-review'
import { quizScore } from './kinds/quiz-score'
import { satisfactionAverage } from './kinds/satisfaction-average'

export const REQUIREMENT_KINDS = {
  'courses-completed': coursesCompleted,
  'quiz-score': quizScore,
  'checklist-signed-off': checklistSignedOff,
  'inspection-average': inspectionAverage,
  'satisfaction-average': satisfactionAverage,
  'no-liable-complaint': noLiableComplaint,
  'mentored-new-hire': mentoredNewHire,
  'panel-review': panelReview,
} as const

export type RequirementKindName = keyof typeof REQUIREMENT_KINDS
type ParamsOf<T> = T extends RequirementKind<string, infer P> ? P : never

/** Any requirement as written in stars.yaml. */
export type Requirement = { [K in RequirementKindName]: ParamsOf<(typeof REQUIREMENT_KINDS)[K]> }[RequirementKindName]

export const KIND_NAMES = Object.keys(REQUIREMENT_KINDS) as RequirementKindName[]

export function isRequirementKind(value: unknown): value is RequirementKindName {
  return typeof value === 'string' && Object.hasOwn(REQUIREMENT_KINDS, value)
}

const UnknownKind = z.unknown().superRefine((raw, ctx) =>
  ctx.addIssue({
    code: 'custom',
    path: ['kind'],
    message: `未知的要求类型「${String(fieldOf(raw, 'kind'))}」，可用：${KIND_NAMES.join(', ')} / unknown requirement kind`,
  }),
)

/** A requirement of any registered kind: `kind` picks the schema, so errors name that kind's fields only. */
export const RequirementSchema = dispatchSchema<Requirement>((raw) => {
  const kind = fieldOf(raw, 'kind')
  return isRequirementKind(kind) ? REQUIREMENT_KINDS[kind].schema : (UnknownKind as unknown as z.ZodType<Requirement, z.ZodTypeDef, unknown>)
})

// TypeScript cannot correlate a requirement's kind with its member (a union meets a union), so the cast
// below stands for what REQUIREMENT_KINDS guarantees by construction.
type AnyKind = RequirementKind<string, Requirement>
export function kindOf(requirement: Requirement): AnyKind {
  return REQUIREMENT_KINDS[requirement.kind] as unknown as AnyKind
}

export function evaluateRequirement(requirement: Requirement, evidence: StarEvidence, context: EvaluationContext): RequirementResult {
  return { ...kindOf(requirement).evaluate(requirement, evidence, context), source: requirement }
}

/** Meeting `stronger` means meeting `weaker`: same kind, and that kind says the one contains the other. */
export function containsRequirement(stronger: Requirement, weaker: Requirement): boolean {
  return stronger.kind === weaker.kind && kindOf(stronger).contains(stronger, weaker)
}
