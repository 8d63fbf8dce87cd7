// "/" sends a signed-in user to their first home and everyone else to sign in.
import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { homeFor } from '~/core/roles'
import { optionalUser } from '~/server/session.server'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await optionalUser({ request, context })
  return redirect(user ? homeFor(user.roles) : '/login')
}
