// The language switch: remembers the choice in a cookie and returns to the page it came from.
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { safeRedirect } from '~/core/safe-redirect'
import { badRequest } from '~/server/responses.server'
import { languageCookie } from '~/server/i18n.server'
import { LanguageForm } from '~/server/route-input.server'

export const loader = () => redirect('/')

export async function action({ request }: ActionFunctionArgs) {
  const parsed = LanguageForm.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) badRequest('unknown language')
  return redirect(safeRedirect(parsed.data.redirectTo, '/'), {
    headers: { 'Set-Cookie': await languageCookie.serialize(parsed.data.language) },
  })
}
