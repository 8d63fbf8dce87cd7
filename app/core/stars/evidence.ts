// What eligibility reads about one clerk: learning records from inside the product, imported records from
// outside, and the mentoring facts (null while their provider is not plugged in). Plain data, no clock.
import type { LocalizedText } from '../quiz/schema-parts'

export interface CourseVersionEvidence {
  number: number
  /** When this version was published (imported). */
  publishedAt: Date
  /** Marked in course.yaml (`recertify: true`): certificates resting on the course must be renewed. */
  recertify: boolean
  /** Did the clerk complete this version (every module read at its version, required quizzes passed)? */
  completed: boolean
}

export interface CourseEvidence {
  title: LocalizedText
  versions: readonly CourseVersionEvidence[]
}

export interface QuizAttemptEvidence {
  percent: number
  submittedAt: Date
  versionNumber: number
}

export interface QuizEvidence {
  title: LocalizedText
  /** The course the quiz belongs to: a flagged version of that course asks for a fresh pass. */
  courseId: string
  attempts: readonly QuizAttemptEvidence[]
}

export interface InspectionEvidence {
  /** YYYY-MM-DD, a hall day. */
  day: string
  total: number
}

export interface SatisfactionEvidence {
  /** YYYY-MM */
  month: string
  ratings: number
  average: number
}

export interface ComplaintEvidence {
  day: string
  liable: boolean
}

export interface StarEvidence {
  courses: Readonly<Record<string, CourseEvidence>>
  quizzes: Readonly<Record<string, QuizEvidence>>
  inspections: readonly InspectionEvidence[]
  satisfaction: readonly SatisfactionEvidence[]
  complaints: readonly ComplaintEvidence[]
  /** The mentor's on-the-job checklist signed off; null: mentoring is not available yet. */
  checklistSignedOff: boolean | null
  /** New hires this clerk mentored to completion; null: mentoring is not available yet. */
  menteesCompleted: number | null
  /** A panel review recorded at approval (★★★★★). */
  panelReviewed: boolean
}

export const emptyEvidence = (): StarEvidence => ({
  courses: {},
  quizzes: {},
  inspections: [],
  satisfaction: [],
  complaints: [],
  checklistSignedOff: null,
  menteesCompleted: null,
  panelReviewed: false,
})
