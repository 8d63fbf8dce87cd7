// Resource route: a picture uploaded from the editor's toolbar into the module's course images/ folder, as a draft
// published with the module. The body is capped in server/body-limits.js; the file's own rules in core/studio.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { requireArea } from '~/server/session.server'
import { studioImageAction } from '~/server/studio/studio-review-actions.server'
import { uploadFormOf } from '~/server/upload-form.server'

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireArea({ request, context }, 'trainer')
  return json({ ok: false }, { status: 405 })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireArea({ request, context }, 'trainer')
  // the body gate has parsed the picture already (server/body-upload.js): not parsed a second time here
  const result = await studioImageAction(user, await uploadFormOf(request, context), new Date())
  return json(result, { status: result.ok ? 200 : 422 })
}
