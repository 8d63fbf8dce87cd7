// A quiz's statistics for managers: the same page as trainers see, counting only the attempts of their halls, or of
// one unit of theirs (?unit=CODE, checked for scope: the page behind that unit's quiz figures on its overview).
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { unitOfAddress } from '~/server/manage-people.server'
import { quizStatisticsFor } from '~/server/quiz-statistics.server'
import { parseParams } from '~/server/responses.server'
import { requireArea } from '~/server/session.server'
import { QuizStatistics } from '~/ui/quiz-stats/quiz-statistics'
import { QuizParams } from '~/server/route-input.server'
import { unitHref } from '~/ui/manage/links'
import { unitName } from '~/ui/page'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { quiz } = parseParams(QuizParams, params)
  const user = await requireArea({ request, context }, 'manage')
  const search = new URL(request.url).searchParams
  const unit = search.has('unit') ? await unitOfAddress(user.viewer, search) : null
  const page = await quizStatisticsFor(user.viewer, quiz, unit?.path)
  return json({ page, units: unit ? [unit] : user.managedUnits, from: unit })
}

export default function ManagerQuizStatistics() {
  const { page, units, from } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  // opened from a unit's figures: back to that unit's page
  const back = from ? { to: unitHref(from), label: unitName(from, i18n.language) } : { to: '/manage', label: t('stats.backManage') }
  return <QuizStatistics page={page} units={units} back={back} />
}
