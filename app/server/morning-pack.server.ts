// The 晨会 pack of one hall: its clerks' recent item sums and 服务禁语 hits (the quality sample, as on the overview), the quiz definitions they were scored on (current
// versions), the 服务禁语 list and who is overdue, handed to the pure selection in app/core/morning-pack.ts.
import { selectMorningPack, type QuizDefinition } from '~/core/morning-pack'
import { loadForbiddenPhrases } from './phrases.server'
import { unitProgress } from './unit-progress.server'
import { currentVersionsOfQuizzes, qualitySampleUnder } from './unit-quality.server'

export async function morningPackFor(hallPath: string, now: Date) {
  const sample = await qualitySampleUnder(hallPath, now)
  const definitions = new Map<string, QuizDefinition>()
  const titles = new Map<string, { zh: string; en: string }>()
  const versionOf = await currentVersionsOfQuizzes()
  for (const quizId of new Set(sample.items.map((i) => i.quizId))) {
    const version = await versionOf(quizId)
    if (!version) continue
    definitions.set(quizId, { items: version.quiz.items.map((i) => ({ id: i.id, type: i.type, scenario: i.type === 'scenario' ? i.scenario : undefined, prompt: 'prompt' in i ? i.prompt : undefined })), scenarios: version.context.scenarios })
    titles.set(quizId, { zh: version.titleZh, en: version.titleEn })
  }
  const progress = await unitProgress(hallPath, now)
  const courseTitle = (id: string) => progress.courses.find((c) => c.id === id)
  const overdue = progress.rows
    .filter((r) => r.overdue > 0)
    .map((r) => ({ username: r.username, name: r.name, courses: r.courses.filter((c) => c.overdue).map((c) => courseTitle(c.courseId)?.titleZh ?? c.courseId) }))
  const pack = selectMorningPack({ items: sample.items, phraseHits: sample.phraseHits, phrases: loadForbiddenPhrases(), definitions, overdue })
  return { ...pack, attempts: sample.attempts, sampleFrom: sample.from, sampleTo: sample.to, quizTitles: Object.fromEntries(titles) }
}
