// Sign-out is a POST (a link could be triggered by another site); a GET just goes home.
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { endSession } from '~/server/session.server'

export const loader = () => redirect('/')

export async function action({ request }: ActionFunctionArgs) {
  return endSession(request)
}
