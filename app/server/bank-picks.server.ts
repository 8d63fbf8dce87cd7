// Picking bank items into a quiz draft from /trainer/banks/<id>. The quizzes offered are the studio tree's (the
// quizzes of the courses this trainer may author, studio course limits included); every item id must belong to
// the bank the page shows; the items go through the two seams (bankItemsAsQuizItems → addItemsToQuizDraft), so the
// draft is then checked and published like anything typed in the studio.
import { z } from 'zod'
import { prisma } from './db.server'
import type { SessionUser } from './people.server'
import { bankItemsAsQuizItems } from './question-banks.server'
import { addItemsToQuizDraft } from './studio/drafts.server'
import { requireAuthorOf, studioTree } from './studio/studio-pages.server'

/** Conform turns one ticked box into a string and several into an array; an unticked form sends none. */
export const BankPickForm = z.object({
  quiz: z.string({ required_error: 'banks.pick.quizRequired' }).max(200),
  items: z.array(z.string().max(64), { required_error: 'banks.pick.noItems' }).min(1, 'banks.pick.noItems').max(500),
})

export interface PickableQuiz {
  path: string
  label: string
  courseZh: string
  courseEn: string
}

/** The quizzes this trainer may add items to: the studio tree's quizzes, course by course. */
export async function pickableQuizzes(user: SessionUser): Promise<PickableQuiz[]> {
  const tree = await studioTree(user)
  return tree.flatMap((course) =>
    course.quizzes.map((quiz) => ({
      path: quiz.path,
      label: quiz.label,
      courseZh: course.titleZh,
      courseEn: course.titleEn,
    })),
  )
}

export type PickOutcome = { ok: true; path: string } | { ok: false; field: 'quiz' | 'items'; error: string }

// A parallel pick of the same quiz loses the draft's revision race; a second try sees the winner's text.
const TRIES = 3

export async function pickBankItems(user: SessionUser, bankId: string, input: z.infer<typeof BankPickForm>, now: Date): Promise<PickOutcome> {
  const ids = [...new Set(input.items)]
  const inBank = await prisma.bankItem.count({
    where: { bankId, id: { in: ids } },
  })
  if (inBank !== ids.length) return { ok: false, field: 'items', error: 'banks.pick.foreignItem' }
  const quizzes = await pickableQuizzes(user)
  if (!quizzes.some((quiz) => quiz.path === input.quiz)) return { ok: false, field: 'quiz', error: 'banks.pick.unknownQuiz' }
  await requireAuthorOf(user, input.quiz)
  const items = await bankItemsAsQuizItems(ids)
  if (items.length !== ids.length) return { ok: false, field: 'items', error: 'banks.pick.foreignItem' }
  for (let attempt = 0; attempt < TRIES; attempt++) {
    const saved = await addItemsToQuizDraft(prisma, {
      path: input.quiz,
      items,
      userId: user.id,
      now,
    })
    if (saved.ok) return { ok: true, path: input.quiz }
    if ('refused' in saved) return { ok: false, field: 'quiz', error: 'banks.pick.tooLong' }
  }
  return { ok: false, field: 'quiz', error: 'banks.pick.busy' }
}
