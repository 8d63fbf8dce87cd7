// Pairing management in the manage area (the same page as /trainer/pairings, scoped to the viewer, or to one unit
// of theirs with ?unit=CODE: the list behind that unit's pairing figures on its overview; checked for scope).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { unitOfAddress } from '~/server/manage-people.server'
import { PairingListQuery } from '~/server/mentoring-input.server'
import { managePairingsAction, managePairingsPage } from '~/server/pairing-management.server'
import { badRequest } from '~/server/responses.server'
import { requireArea } from '~/server/session.server'
import { PairingsManager } from '~/ui/mentoring/pairings-manager'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'manage')
  const search = new URL(request.url).searchParams
  const query = PairingListQuery.safeParse(Object.fromEntries(search))
  if (!query.success) badRequest('unknown filter')
  const unit = search.has('unit') ? await unitOfAddress(user.viewer, search) : null
  return json(await managePairingsPage(user, query.data.status ?? null, new Date(), unit))
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireArea({ request, context }, 'manage')
  const { status, body } = await managePairingsAction(user, await request.formData(), new Date())
  return json(body, { status })
}

export default function Pairings() {
  return <PairingsManager data={useLoaderData<typeof loader>()} base="/manage/pairings" />
}
