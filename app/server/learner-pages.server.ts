// Everything a people row needs of each learner of a page of halls, in ONE statement: the whole people export reads
// a page of ~1 000 learners at a time with it. Per learner one primary-key seek into LearnerProgress, the row the
// writers keep in their transactions from the two roll-ups (decision 0041): last activity, quizzes passed in all and
// which, modules read per course. It replaced one seek and several rows into each roll-up folded to text
// (decision 0035), most of the statement's time.
import { StoredPasses, StoredReadCounts } from '~/core/learner-progress'
import type { LearnerFacts } from '~/core/unit-progress'
import { preparedColumnsRead, type Queries } from './kysely.server'
import { rolesOfGrants, type HallRange, type LearnerRef } from './people.server'
import { instantOrNull, TRUE } from './stored.server'

// each row an array of these columns (no object a row: a page is ~1 000 rows, the whole export 20 000)
const COLUMNS = ['id', 'username', 'name', 'hireDate', 'hallCode', 'hallPath', 'role', 'lastActivityAt', 'quizzesPassed', 'passedQuizIds', 'readCounts'] as const
const [ID, USERNAME, NAME, HIRE_DATE, HALL_CODE, HALL_PATH, ROLE, LAST_ACTIVITY_AT, QUIZZES_PASSED, PASSED_QUIZ_IDS, READ_COUNTS] = COLUMNS.map((_, i) => i) as [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

/** A page's statement (exported for its plan's test: halls by path, each hall's learners from the covering index in
 * username order, one seek into the grants and into LearnerProgress each — no sort, no table row of User). */
export const learnerPageQuery = (q: Queries, from: string, to: string) =>
  q
    .selectFrom('OrgUnit as h')
    .innerJoin('User as u', 'u.hallId', 'h.id')
    .innerJoin('RoleGrant as g', 'g.userId', 'u.id')
    .leftJoin('LearnerProgress as p', 'p.userId', 'u.id')
    .where('h.path', '>=', from)
    .where('h.path', '<', to)
    .where('u.active', '=', TRUE)
    .select(['u.id', 'u.username', 'u.name', 'u.hireDate', 'h.code as hallCode', 'h.path as hallPath', 'g.role', 'p.lastActivityAt', 'p.quizzesPassed', 'p.passedQuizIds', 'p.readCounts'])
    .orderBy('h.path')
    .orderBy('u.username')

const learnerPageRows = preparedColumnsRead(learnerPageQuery)(COLUMNS)

const noReads: ReadonlyMap<string, number> = new Map()
const noPasses: readonly string[] = []
const noDueDays: ReadonlyMap<string, string> = new Map()

/** A learner of a page with the facts of their row: the input of the rule (learnerRow), and their hall. */
export type LearnerPageFacts = LearnerFacts & { hallPath: string }

/**
 * The learners (clerks and mentors, active) of a range of halls, in hall order and by username within a hall, with
 * what their rows need: the modules read of each course they read, the quizzes they passed, and the due days
 * `dueDaysOf` gives them. Each learner is one object literal (no spreads: copying a learner's fields into the
 * rule's input cost more than the rule).
 */
export async function learnerFactsIn(
  halls: HallRange,
  dueDaysOf: (learner: LearnerRef) => ReadonlyMap<string, string>,
): Promise<LearnerPageFacts[]> {
  const rows = await learnerPageRows(halls.from, halls.to)
  const facts: LearnerPageFacts[] = []
  // one row per role grant; a person's grants are adjacent (ordered by hall, then username)
  for (let i = 0; i < rows.length; ) {
    const row = rows[i]
    const id = row[ID]
    const granted = [row[ROLE]]
    while (++i < rows.length && rows[i][ID] === id) granted.push(rows[i][ROLE])
    const roles = rolesOfGrants(granted)
    if (!roles.includes('clerk') && !roles.includes('mentor')) continue
    // the rule asks these for the courses assigned and the quizzes they require only: the others stay unread
    // asked in place, an id at a time: no list of ids, no map a learner
    const readCounts = row[READ_COUNTS] ? new StoredReadCounts(row[READ_COUNTS]) : noReads
    const passedQuizIds = row[PASSED_QUIZ_IDS] ? new StoredPasses(row[PASSED_QUIZ_IDS]) : noPasses
    // one object a learner: it is the LearnerRef the due days are asked with, then the rule's input
    const learner: LearnerPageFacts & LearnerRef = {
      id,
      username: row[USERNAME],
      name: row[NAME],
      hallCode: row[HALL_CODE],
      hallPath: row[HALL_PATH],
      roles,
      hireDate: instantOrNull(row[HIRE_DATE]),
      readCounts,
      passedQuizIds,
      quizzesPassed: Number(row[QUIZZES_PASSED] ?? 0),
      lastActivity: instantOrNull(row[LAST_ACTIVITY_AT]),
      dueDays: noDueDays,
    }
    learner.dueDays = dueDaysOf(learner)
    facts.push(learner)
  }
  return facts
}
