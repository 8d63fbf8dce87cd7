// Where a unit's clerks go wrong: the sample (the most recent closed days holding enough submitted attempts, quizzes
// and practice dialogues) read from the quality roll-up (quality-rollup.server.ts, decision 0033) — a few hundred
// summed rows, never the stored results — and the items, dialogues and 服务禁语 that app/core/unit-quality.ts
// picks out of them.
import { hallDay } from '~/core/dates'
import { closedDaysBefore, facilitiesFromSums, phraseCountsFromHits, sampleStart, type ItemFacility, type ItemSum, type PhraseHits } from '~/core/unit-quality'
import { loadForbiddenPhrases } from './phrases.server'
import { currentQuizVersion, quizVersionById, type LoadedQuizVersion } from './quiz-versions.server'
import { preparedRead } from './kysely.server'
import { foldMissingDays, phraseListFingerprint } from './quality-rollup.server'

/** The sample: the most recent closed days (before today, hall time) that hold this many attempts… */
export const QUALITY_SAMPLE_ATTEMPTS = 1000
/** …looking back at most this far: recent enough to be this month's coaching. */
export const QUALITY_WINDOW_DAYS = 90
/** A busy unit fills the sample within days: a short look first, the whole window only when it is short. */
const FIRST_LOOK_DAYS = 7

const hallIdsUnder = preparedRead((q, from: string, to: string) => q.selectFrom('OrgUnit').select('id').where('path', '>=', from).where('path', '<', to).where('kind', '=', 'hall').orderBy('id'))

// per closed day from `first` to yesterday: how many halls under the unit have it folded with this list, and their attempts
const foldedDaysUnder = preparedRead((q, from: string, to: string, first: string, today: string, fingerprint: string) =>
  q
    .selectFrom('OrgUnit as h')
    .innerJoin('QualityDay as d', 'd.hallId', 'h.id')
    .select((eb) => ['d.day', eb.fn.countAll<number | string>().as('halls'), eb.fn.sum<number | string>('d.attempts').as('attempts')])
    .where('h.path', '>=', from)
    .where('h.path', '<', to)
    .where('h.kind', '=', 'hall')
    .where('d.day', '>=', first)
    .where('d.day', '<', today)
    .where('d.phrases', '=', fingerprint)
    .groupBy('d.day')
    .orderBy('d.day', 'desc'),
  { bulk: true },
)

const itemSumsUnder = preparedRead((q, from: string, to: string, first: string, today: string) =>
  q
    .selectFrom('OrgUnit as h')
    .innerJoin('QualityItemDay as r', 'r.hallId', 'h.id')
    .select((eb) => ['r.quizId', 'r.itemId', eb.fn.min('r.type').as('type'), eb.fn.sum<number | string>('r.attempts').as('attempts'), eb.fn.sum<number | string>('r.share').as('share')])
    .where('h.path', '>=', from)
    .where('h.path', '<', to)
    .where('h.kind', '=', 'hall')
    .where('r.day', '>=', first)
    .where('r.day', '<', today)
    .groupBy(['r.quizId', 'r.itemId'])
    .orderBy('r.quizId')
    .orderBy('r.itemId'),
  { bulk: true },
)

const phraseHitsUnder = preparedRead((q, from: string, to: string, first: string, today: string) =>
  q
    .selectFrom('OrgUnit as h')
    .innerJoin('QualityPhraseDay as p', 'p.hallId', 'h.id')
    .select((eb) => ['p.phraseId', 'p.userId', eb.fn.sum<number | string>('p.hits').as('hits')])
    .where('h.path', '>=', from)
    .where('h.path', '<', to)
    .where('h.kind', '=', 'hall')
    .where('p.day', '>=', first)
    .where('p.day', '<', today)
    .groupBy(['p.phraseId', 'p.userId']),
  { bulk: true },
)

export interface QualitySample {
  /** first and last hall day of the sample (null: no closed day at all) */
  from: string | null
  to: string | null
  attempts: number
  items: ItemSum[]
  phraseHits: PhraseHits[]
}

/** The closed days of the window, folded for every hall under the unit (folding the missing ones first), newest first. */
async function foldedDays(from: string, to: string, days: string[], today: string) {
  const phrases = loadForbiddenPhrases()
  const fingerprint = phraseListFingerprint(phrases)
  const read = () => foldedDaysUnder(from, to, days.at(-1)!, today, fingerprint)
  let rows = await read()
  const halls = (await hallIdsUnder(from, to)).map((h) => h.id)
  const complete = new Set(rows.filter((r) => Number(r.halls) === halls.length).map((r) => r.day))
  const missing = days.filter((day) => !complete.has(day))
  if (halls.length && missing.length) {
    await foldMissingDays(halls, missing, phrases)
    rows = await read()
  }
  // PostgreSQL's sum is a bigint, read as text; a day nobody worked holds 0 attempts
  const attemptsOn = new Map(rows.map((r) => [r.day, Number(r.attempts)]))
  return days.map((day) => ({ day, attempts: attemptsOn.get(day) ?? 0 }))
}

/** The unit's quality sample: the latest closed days holding QUALITY_SAMPLE_ATTEMPTS attempts, at most the window. */
export async function qualitySampleUnder(unitPath: string, now: Date): Promise<QualitySample> {
  const from = unitPath
  const to = `${unitPath}\uffff`
  const today = hallDay(now)
  let days: Array<{ day: string; attempts: number }> = []
  for (const look of [FIRST_LOOK_DAYS, QUALITY_WINDOW_DAYS]) {
    days = await foldedDays(from, to, closedDaysBefore(today, look), today)
    if (days.reduce((n, d) => n + d.attempts, 0) >= QUALITY_SAMPLE_ATTEMPTS) break
  }
  const first = sampleStart(days, QUALITY_SAMPLE_ATTEMPTS)
  if (!first) return { from: null, to: null, attempts: 0, items: [], phraseHits: [] }
  const [items, hits] = await Promise.all([itemSumsUnder(from, to, first, today), phraseHitsUnder(from, to, first, today)])
  return {
    from: first,
    to: days[0].day,
    attempts: days.filter((d) => d.day >= first).reduce((n, d) => n + d.attempts, 0),
    items: items.map((r) => ({ quizId: r.quizId, itemId: r.itemId, type: r.type, attempts: Number(r.attempts), share: Number(r.share) })),
    phraseHits: hits.map((r) => ({ phraseId: r.phraseId, userId: r.userId, hits: Number(r.hits) })),
  }
}

export interface LabelledFacility extends ItemFacility {
  labelZh: string
  labelEn: string
  quizTitleZh: string
  quizTitleEn: string
}

const currentVersionOrNull = (quizId: string) => currentQuizVersion(quizId).catch(() => null)

// every quiz's current version id in one read (a few dozen rows): the labels of a view cost no query per quiz
const currentVersionIds = preparedRead((q) => q.selectFrom('Quiz').select(['id', 'currentVersionId']))

/** The current version of each quiz a view labels, looked up once per view (versions are cached by id). */
export async function currentVersionsOfQuizzes(): Promise<(quizId: string) => Promise<LoadedQuizVersion | null>> {
  const ids = new Map((await currentVersionIds()).map((q) => [q.id, q.currentVersionId]))
  const versions = new Map<string, Promise<LoadedQuizVersion | null>>()
  return (quizId) => {
    const id = ids.get(quizId)
    if (!id) return Promise.resolve(null)
    return versions.get(id) ?? versions.set(id, quizVersionById(id).catch(() => null)).get(id)!
  }
}

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
  const sample = await qualitySampleUnder(unitPath, now)
  const facilities = facilitiesFromSums(sample.items)
  // the weakest items mostly share a few quizzes: each quiz's current version looked up once per view
  const versionOf = await currentVersionsOfQuizzes()
  const label = (f: ItemFacility) => labelFacility(f, versionOf)
  return {
    attempts: sample.attempts,
    from: sample.from,
    to: sample.to,
    items: await Promise.all(facilities.filter((f) => f.type !== 'scenario').slice(0, count).map(label)),
    dialogues: await Promise.all(facilities.filter((f) => f.type === 'scenario').slice(0, count).map(label)),
    phrases: phraseCountsFromHits(sample.phraseHits, loadForbiddenPhrases()).slice(0, count),
  }
}
