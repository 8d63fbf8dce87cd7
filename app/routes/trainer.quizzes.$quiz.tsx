// A quiz's statistics for trainers: every hall's attempts on its current version.
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { quizStatisticsFor } from '~/server/quiz-statistics.server'
import { parseParams } from '~/server/responses.server'
import { requireArea } from '~/server/session.server'
import { QuizStatistics } from '~/ui/quiz-stats/quiz-statistics'
import { QuizParams } from '~/server/route-input.server'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { quiz } = parseParams(QuizParams, params)
  const user = await requireArea({ request, context }, 'trainer')
  const page = await quizStatisticsFor(user.viewer, quiz)
  return json({ quiz, page, units: user.managedUnits })
}

export default function TrainerQuizStatistics() {
  const { quiz, page, units } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <>
      <QuizStatistics page={page} units={units} back={{ to: '/trainer/quizzes', label: t('stats.back') }} />
      <p className="actions">
        <Link className="button secondary" to={`/trainer/quizzes/${quiz}/answers`}>
          {t('lang.grading.open')} →
        </Link>
      </p>
    </>
  )
}
