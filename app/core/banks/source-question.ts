import type { RefusalReason } from './refusal-reasons'

// Owns the neutral shape both importers (GIFT, Moodle XML) read a question into, before it is mapped to our item types.

/** Where a question sits in its file: a GIFT line (1-based) or the position of a Moodle XML <question> (1-based). */
export type SourcePosition = { line: number } | { index: number }

/** One answer as Moodle holds it: a grade fraction in percent (-100..100) and optional feedback. */
export interface SourceAnswer {
  text: string
  fraction: number
  feedback?: string
}

interface SourceCommon {
  position: SourcePosition
  name?: string
  category?: string
  prompt: string
  generalFeedback?: string
  /** Moodle's default mark (XML <defaultgrade>); GIFT has none. */
  points?: number
  /** An all-or-nothing multiple choice, written by our own export (Moodle's multichoice has no such scoring). */
  allOrNothing?: boolean
}

export type SourceQuestion = SourceCommon &
  (
    | { kind: 'choice'; answers: SourceAnswer[]; single: boolean }
    | { kind: 'truefalse'; correct: boolean; feedbackTrue?: string; feedbackFalse?: string }
    | { kind: 'short'; answers: SourceAnswer[] }
    /** A pair with an empty left is a distractor: a right-hand answer matching nothing. */
    | { kind: 'matching'; pairs: { left: string; right: string }[] }
  )

/** A question (or the whole file) that cannot become one of our items, with where and why. */
export type Refusal = SourcePosition & RefusalReason

export type SourceParse = { questions: SourceQuestion[]; refused: Refusal[] }
