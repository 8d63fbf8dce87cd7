// Resource route: the draft's problems and, for a module, its HTML as clerks will see it, compiled and rendered
// by the importer's pipeline. Called (debounced) by the editor as the trainer types.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { requireArea } from '~/server/session.server'
import { studioPreviewAction } from '~/server/studio/studio-actions.server'

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireArea({ request, context }, 'trainer')
  return json({ problems: [], html: null, error: null }, { status: 405 })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireArea({ request, context }, 'trainer')
  return json(await studioPreviewAction(user, await request.formData()), { headers: { 'Cache-Control': 'no-store' } })
}
