// POST /stars/apply: a clerk applies for the level they may apply for now (a double submit opens one).
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { requireArea } from '~/server/session.server'
import { applyForStar } from '~/server/stars/applications.server'

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireArea({ request, context }, 'learn')
  await applyForStar(user.id, new Date())
  return redirect('/learn')
}

export const loader = () => redirect('/learn')
