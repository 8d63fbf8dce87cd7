// The review of one submitted attempt, for anyone who may read its learner's record (403 otherwise).
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { findPerson } from '~/server/people.server'
import { attemptReviewFor } from '~/server/person-record.server'
import { notFound, parseParams } from '~/server/responses.server'
import { PersonAttemptParams } from '~/server/route-input.server'
import { requireUser } from '~/server/session.server'
import { AttemptReviewView } from '~/ui/quiz/attempt-review'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { username, attempt } = parseParams(PersonAttemptParams, params)
  const user = await requireUser({ request, context })
  const person = await findPerson(username)
  if (!person) notFound('person')
  return json({ person: { username: person.username, name: person.name }, page: await attemptReviewFor(user, person, attempt) })
}

export default function PersonAttempt() {
  const { person, page } = useLoaderData<typeof loader>()
  const { i18n } = useTranslation()
  return (
    <>
      <nav className="crumb">
        <Link to={`/people/${person.username}`}>{person.name}</Link>
      </nav>
      <AttemptReviewView title={i18n.language === 'en' ? page.title.en : page.title.zh} page={page.page} quizId={page.quizId} />
    </>
  )
}
