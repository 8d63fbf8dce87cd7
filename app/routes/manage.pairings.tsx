// Pairing management in the manage area (the same page as /trainer/pairings, scoped to the viewer).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { PairingListQuery } from '~/server/mentoring-input.server'
import { managePairingsAction, managePairingsPage } from '~/server/pairing-management.server'
import { badRequest } from '~/server/responses.server'
import { requireArea } from '~/server/session.server'
import { PairingsManager } from '~/ui/mentoring/pairings-manager'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'manage')
  const query = PairingListQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) badRequest('unknown filter')
  return json(await managePairingsPage(user, query.data.status ?? null, new Date()))
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireArea({ request, context }, 'manage')
  const { status, body } = await managePairingsAction(user, await request.formData(), new Date())
  return json(body, { status })
}

export default function Pairings() {
  return <PairingsManager data={useLoaderData<typeof loader>()} base="/manage/pairings" />
}
