// Everything a people row needs of each learner of a page of halls, in ONE statement: the whole people export reads
// a page of ~1 000 learners at a time with it (decision 0035). Per learner one index seek into each roll-up kept in
// the writers' transactions, each folded to one text column with `||` and CAST, which read the same on both engines:
// - the module-read roll-up (CourseReadRollup): the last read, then the modules read of each course asked about;
// - the quiz roll-up (QuizRollup): the last submission, quizzes passed in all, then a pass flag per quiz asked about.
// The four statements it replaces (learners, read roll-up, required passes, activity: five seeks a learner and
// more per course and quiz) cost twice as much per learner, most of it in SQLite.
import type { Expression, ExpressionBuilder } from 'kysely'
import { distinctRoles, isRole, type Role } from '~/core/roles'
import type { LearnerFacts } from '~/core/unit-progress'
import { preparedRead } from './kysely.server'
import type { HallRange, LearnerRef } from './people.server'
import { instantOfText, instantOrNull, TRUE } from './stored.server'

/** Figures as one text column, "a,b,c", a missing (null) figure written as nothing. */
const packed = <D, T extends keyof D>(eb: ExpressionBuilder<D, T>, figures: Expression<unknown>[]) =>
  figures
    .map((figure) => eb.fn.coalesce(eb.cast<string>(figure, 'text'), eb.val('')))
    .reduce((text, figure) => eb(eb(text, '||', eb.val(',')), '||', figure))

const learnerPageRows = preparedRead((q, from: string, to: string, courseIds: readonly string[], quizIds: readonly string[]) =>
  q
    .selectFrom('OrgUnit as h')
    .innerJoin('User as u', 'u.hallId', 'h.id')
    .innerJoin('RoleGrant as g', 'g.userId', 'u.id')
    .where('h.path', '>=', from)
    .where('h.path', '<', to)
    .where('u.active', '=', TRUE)
    .select((eb) => [
      'u.id',
      'u.username',
      'u.name',
      'u.hireDate',
      'h.code as hallCode',
      'h.path as hallPath',
      'g.role',
      eb
        .selectFrom('CourseReadRollup as r')
        .whereRef('r.userId', '=', 'u.id')
        .select((s) => packed(s, [s.fn.max('r.lastReadAt'), ...courseIds.map((id) => s.fn.max(s.case().when('r.courseId', '=', id).then(s.ref('r.read')).else(0).end()))]).as('p'))
        .as('reads'),
      eb
        .selectFrom('QuizRollup as r')
        .whereRef('r.userId', '=', 'u.id')
        .select((s) => {
          const passes = s.case().when('r.passed', '=', TRUE).then(1).else(0).end()
          const passOf = (id: string) => s.fn.max(s.case().when(s.and([s('r.passed', '=', TRUE), s('r.quizId', '=', id)])).then(1).else(0).end())
          return packed(s, [s.fn.max('r.lastSubmittedAt'), s.fn.sum(passes), ...quizIds.map(passOf)]).as('p')
        })
        .as('quizzes'),
    ])
    .orderBy('h.path')
    .orderBy('u.username'),
)

/** A learner of a page with the facts of their row: the input of the rule (learnerRow), and their hall. */
export type LearnerPageFacts = LearnerFacts & { hallPath: string }

/** Roles as the grants give them (one row per grant), shared by every learner granted the same. */
const rolesGranted = new Map<string, Role[]>()
function rolesOf(granted: string[]): Role[] {
  const key = granted.join()
  let roles = rolesGranted.get(key)
  if (!roles) rolesGranted.set(key, (roles = distinctRoles(granted.filter(isRole))))
  return roles
}

/**
 * The learners (clerks and mentors, active) of a range of halls, in hall order and by username within a hall, with
 * what their rows need: the modules read of each course in `courseIds`, which of `quizIds` they passed, and the due
 * days `dueDaysOf` gives them. Each learner is one object literal (no spreads: copying a learner's fields into the
 * rule's input cost more than the rule).
 */
export async function learnerFactsIn(
  halls: HallRange,
  courseIds: readonly string[],
  quizIds: readonly string[],
  dueDaysOf: (learner: LearnerRef) => ReadonlyMap<string, string>,
): Promise<LearnerPageFacts[]> {
  const rows = await learnerPageRows(halls.from, halls.to, courseIds, quizIds)
  const facts: LearnerPageFacts[] = []
  // one row per role grant; a person's grants are adjacent (ordered by hall, then username)
  for (let i = 0; i < rows.length; ) {
    const row = rows[i]
    const granted = [row.role]
    while (++i < rows.length && rows[i].id === row.id) granted.push(rows[i].role)
    const roles = rolesOf(granted)
    if (!roles.includes('clerk') && !roles.includes('mentor')) continue
    const reads = row.reads?.split(',') ?? [] // last read, then one count per course
    const quizzes = row.quizzes?.split(',') ?? [] // last submission, passed in all, then one flag per quiz
    const readCounts = new Map<string, number>()
    for (let c = 0; c < courseIds.length; c++) readCounts.set(courseIds[c], Number(reads[c + 1] ?? 0))
    const passedQuizIds: string[] = []
    for (let k = 0; k < quizIds.length; k++) if (quizzes[k + 2] === '1') passedQuizIds.push(quizIds[k])
    // both instants are one engine's text of the same form: the later one compares as the greater text
    const lastRead = reads[0] || null
    const lastSubmitted = quizzes[0] || null
    const last = lastRead && lastSubmitted ? (lastRead > lastSubmitted ? lastRead : lastSubmitted) : (lastRead ?? lastSubmitted)
    const learner: LearnerRef = { id: row.id, username: row.username, name: row.name, hireDate: instantOrNull(row.hireDate), roles, hallCode: row.hallCode, hallPath: row.hallPath }
    facts.push({
      id: learner.id,
      username: learner.username,
      name: learner.name,
      hallCode: learner.hallCode,
      hallPath: learner.hallPath,
      roles,
      hireDate: learner.hireDate,
      readCounts,
      passedQuizIds,
      quizzesPassed: Number(quizzes[1] ?? 0),
      lastActivity: last === null ? null : instantOfText(last),
      dueDays: dueDaysOf(learner),
    })
  }
  return facts
}
