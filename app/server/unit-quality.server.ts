// Where a unit's clerks go wrong: their recent submitted attempts (quizzes and practice dialogues), read once, and
// the items, dialogues and 服务禁语 that app/core/unit-quality.ts picks out of them.
import { z } from 'zod'
import { itemFacilities, phraseCounts, type AttemptFacts, type ItemFacility } from '~/core/unit-quality'
import { loadForbiddenPhrases } from './phrases.server'
import { currentQuizVersion, type LoadedQuizVersion } from './quiz-versions.server'
import { preparedRead, type Queries } from './kysely.server'
import { instant, storedInstant } from './stored.server'

const DAY = 86_400_000
/** The window and the cap: recent enough to be this month's coaching, few enough to read on a page view. */
export const QUALITY_WINDOW_DAYS = 90
export const QUALITY_MAX_ATTEMPTS = 1000

const StoredFacts = z.object({
  items: z.array(z.object({ itemId: z.string(), points: z.number(), maxPoints: z.number() })),
  reviews: z.array(z.object({ itemId: z.string(), review: z.object({ type: z.string().optional(), text: z.string().optional(), steps: z.array(z.object({ reply: z.string() })).optional() }) })),
})

const attemptsUnder = (q: Queries, from: string, to: string, since: string) =>
  q
    .selectFrom('OrgUnit as h')
    .innerJoin('User as u', 'u.hallId', 'h.id')
    .innerJoin('Attempt as a', 'a.userId', 'u.id')
    .where('h.path', '>=', from)
    .where('h.path', '<', to)
    .where('a.submittedAt', '>=', since)

// The submission time of the n-th newest attempt: read from the Attempt(userId, submittedAt) index alone.
const nthNewestRows = preparedRead((q, from: string, to: string, since: string, offset: number) =>
  attemptsUnder(q, from, to, since).select('a.submittedAt').orderBy('a.submittedAt', 'desc').limit(1).offset(offset),
)

const recentAttemptRows = preparedRead((q, from: string, to: string, since: string, limit: number) =>
  attemptsUnder(q, from, to, since).select(['a.userId', 'a.quizId', 'a.result']).where('a.status', '=', 'submitted').orderBy('a.submittedAt', 'desc').limit(limit),
)

/** A busy region fills the cap within days: look at a short window first, the whole window only when it is short. */
const FIRST_LOOK_DAYS = 7

/** From when the latest QUALITY_MAX_ATTEMPTS attempts under a unit reach back (at most the window). */
async function recentCutoff(from: string, to: string, now: Date): Promise<string> {
  for (const days of [FIRST_LOOK_DAYS, QUALITY_WINDOW_DAYS]) {
    const since = storedInstant(new Date(now.getTime() - days * DAY))
    const [nth] = await nthNewestRows(from, to, since, QUALITY_MAX_ATTEMPTS - 1)
    if (nth?.submittedAt) return storedInstant(instant(nth.submittedAt))
    if (days === QUALITY_WINDOW_DAYS) return since
  }
  throw new Error('unreachable')
}

/** The latest submitted attempts of learners under a unit within the window, newest first. */
export async function recentAttemptsUnder(unitPath: string, now: Date): Promise<AttemptFacts[]> {
  // SQLite keeps Prisma's ISO text ("…+00:00"), which compares as text; PostgreSQL compares the timestamp.
  // Two steps so that only the attempts kept have their stored result read (the cut-off from the index alone).
  const from = unitPath
  const to = `${unitPath}\uffff`
  const since = await recentCutoff(from, to, now)
  const rows = await recentAttemptRows(from, to, since, QUALITY_MAX_ATTEMPTS)
  return rows.flatMap((row) => {
    const parsed = StoredFacts.safeParse(JSON.parse(row.result ?? 'null'))
    return parsed.success ? [{ userId: row.userId, quizId: row.quizId, ...parsed.data }] : []
  })
}

export interface LabelledFacility extends ItemFacility {
  labelZh: string
  labelEn: string
  quizTitleZh: string
  quizTitleEn: string
}

const currentVersionOrNull = (quizId: string) => currentQuizVersion(quizId).catch(() => null)

/** An item's prompt (or its dialogue's title) in the quiz's current version; the id when the item is gone. */
export async function labelFacility(facility: ItemFacility, versionOf: (quizId: string) => Promise<LoadedQuizVersion | null> = currentVersionOrNull): Promise<LabelledFacility> {
  const version = await versionOf(facility.quizId)
  const item = version?.quiz.items.find((i) => i.id === facility.itemId)
  const dialogue = item?.type === 'scenario' ? version?.context.scenarios.get(item.scenario) : undefined
  const prompt = item && 'prompt' in item && item.prompt ? item.prompt : null
  return {
    ...facility,
    labelZh: dialogue?.title.zh ?? prompt ?? facility.itemId,
    labelEn: dialogue?.title.en ?? prompt ?? facility.itemId,
    quizTitleZh: version?.titleZh ?? facility.quizId,
    quizTitleEn: version?.titleEn ?? facility.quizId,
  }
}

/** The weakest quiz items and the weakest dialogues of a unit, labelled. */
export async function weakestUnder(unitPath: string, now: Date, count = 5) {
  const attempts = await recentAttemptsUnder(unitPath, now)
  const facilities = itemFacilities(attempts)
  // the weakest items mostly share a few quizzes: each quiz's current version looked up once per view
  const versions = new Map<string, Promise<LoadedQuizVersion | null>>()
  const versionOf = (quizId: string) => versions.get(quizId) ?? versions.set(quizId, currentVersionOrNull(quizId)).get(quizId)!
  const label = (f: ItemFacility) => labelFacility(f, versionOf)
  return {
    attempts: attempts.length,
    items: await Promise.all(facilities.filter((f) => f.type !== 'scenario').slice(0, count).map(label)),
    dialogues: await Promise.all(facilities.filter((f) => f.type === 'scenario').slice(0, count).map(label)),
    phrases: phraseCounts(attempts, loadForbiddenPhrases()).slice(0, count),
  }
}
