// One row per learner of what the managers' people rows need (model LearnerProgress): the last activity, the quizzes
// passed (how many, which) and the modules read per course, folded from the learner's two roll-ups (QuizRollup per
// quiz, CourseReadRollup per course). The export reads this one row a learner instead of seeking into both roll-ups
// (decision 0041). The recount (learnerProgressOf) is the definition; a quiz close adds its attempt to the row before
// (learnerProgressAfterClose) in one statement, and a table test holds the two equal.

export interface LearnerProgressFigures {
  lastActivityAt: Date | null
  quizzesPassed: number
  /** Quiz ids each followed by a comma, in no particular order. */
  passedQuizIds: string
  /** "courseId:read" joined by commas, by course id. */
  readCounts: string
}

export interface QuizRollupFacts {
  quizId: string
  passed: boolean
  lastSubmittedAt: Date | null
}

export interface ReadRollupFacts {
  courseId: string
  read: number
  lastReadAt: Date
}

const later = (a: Date | null, b: Date | null): Date | null => (a && b ? (a > b ? a : b) : (a ?? b))

/** The learner's row from all their roll-up rows; null when they have none (no row is kept). */
export function learnerProgressOf(quizzes: readonly QuizRollupFacts[], reads: readonly ReadRollupFacts[]): LearnerProgressFigures | null {
  if (quizzes.length === 0 && reads.length === 0) return null
  let lastActivityAt: Date | null = null
  let passedQuizIds = ''
  let quizzesPassed = 0
  for (const q of quizzes) {
    lastActivityAt = later(lastActivityAt, q.lastSubmittedAt)
    if (!q.passed) continue
    quizzesPassed++
    passedQuizIds += `${q.quizId},`
  }
  for (const r of reads) lastActivityAt = later(lastActivityAt, r.lastReadAt)
  const readCounts = [...reads]
    .sort((a, b) => (a.courseId < b.courseId ? -1 : a.courseId > b.courseId ? 1 : 0))
    .map((r) => `${r.courseId}:${r.read}`)
    .join(',')
  return { lastActivityAt, quizzesPassed, passedQuizIds, readCounts }
}

/**
 * What a quiz close adds to the learner's row, given whether the quiz's roll-up counted a pass before it: the close's
 * submission as a candidate last activity, and the quiz once if this close is its first pass. Applied by one upsert
 * (the later instant, the count plus `passedAdded`, the ids plus `passedIdAdded`).
 */
export function closeAddition(quizId: string, passedBefore: boolean, passedAfter: boolean, submittedAt: Date) {
  const first = passedAfter && !passedBefore
  return { lastActivityAt: submittedAt, passedAdded: first ? 1 : 0, passedIdAdded: first ? `${quizId},` : '' }
}

/** The row after a close, from the row before (the upsert's arithmetic, for the table test against the recount). */
export function learnerProgressAfterClose(before: LearnerProgressFigures | null, addition: ReturnType<typeof closeAddition>): LearnerProgressFigures {
  return {
    lastActivityAt: later(before?.lastActivityAt ?? null, addition.lastActivityAt),
    quizzesPassed: (before?.quizzesPassed ?? 0) + addition.passedAdded,
    passedQuizIds: (before?.passedQuizIds ?? '') + addition.passedIdAdded,
    readCounts: before?.readCounts ?? '',
  }
}

/** The stored quiz ids as a list (the text ends with a comma). */
export const passedQuizIdsOf = (text: string): string[] => (text === '' ? [] : text.slice(0, -1).split(','))

/** The stored read counts as a map of course id → modules read. */
export function readCountsOf(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  // read in place (the people export reads one a learner): no array of pairs, the count's digits summed
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf(',', start)
    if (end === -1) end = text.length
    const colon = text.lastIndexOf(':', end - 1)
    let read = 0
    for (let i = colon + 1; i < end; i++) read = read * 10 + text.charCodeAt(i) - 48
    counts.set(text.slice(start, colon), read)
    start = end + 1
  }
  return counts
}

/**
 * The stored texts asked in place, one id at a time (the people export asks each learner a handful): no list of ids
 * and no map built a learner. They answer what passedQuizIdsOf(text).includes(id) and readCountsOf(text).get(id)
 * answer (a property test holds them to it).
 */
export class StoredPasses {
  constructor(private readonly text: string) {}

  includes(quizId: string): boolean {
    const { text } = this
    if (quizId === '') return text.startsWith(',') || text.includes(',,')
    for (let at = text.indexOf(quizId); at !== -1; at = text.indexOf(quizId, at + 1)) {
      // a whole id: at the start or after a comma, followed by its comma
      if ((at === 0 || text.charCodeAt(at - 1) === COMMA) && text.charCodeAt(at + quizId.length) === COMMA) return true
    }
    return false
  }
}

export class StoredReadCounts {
  constructor(private readonly text: string) {}

  get(courseId: string): number | undefined {
    const { text } = this
    for (let at = text.indexOf(courseId); at !== -1; at = text.indexOf(courseId, at + 1)) {
      if (at !== 0 && text.charCodeAt(at - 1) !== COMMA) continue
      const colon = at + courseId.length
      if (text.charCodeAt(colon) !== COLON) continue
      // the count is the digits after the field's last colon (a course id may hold a colon): all digits to the comma
      let read = 0
      let i = colon + 1
      for (; i < text.length; i++) {
        const code = text.charCodeAt(i)
        if (code === COMMA) break
        if (code < 48 || code > 57) break
        read = read * 10 + code - 48
      }
      if (i > colon + 1 && (i === text.length || text.charCodeAt(i) === COMMA)) return read
    }
    return undefined
  }
}

const COMMA = 44
const COLON = 58

/** Two rows hold the same facts (the ids compared as sets): the drift check and the tests. */
export function sameLearnerProgress(a: LearnerProgressFigures, b: LearnerProgressFigures): boolean {
  const ids = (text: string) => passedQuizIdsOf(text).sort().join()
  return (
    a.lastActivityAt?.getTime() === b.lastActivityAt?.getTime() &&
    a.quizzesPassed === b.quizzesPassed &&
    ids(a.passedQuizIds) === ids(b.passedQuizIds) &&
    a.readCounts === b.readCounts
  )
}
