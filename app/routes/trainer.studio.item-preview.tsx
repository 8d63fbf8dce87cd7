// Resource route: one quiz item of a draft as a clerk's browser gets it (GET: the client view, no key), and the
// trainer's answer scored on the server by the item type's scorer (POST).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { badRequest } from '~/server/responses.server'
import { requireArea } from '~/server/session.server'
import { itemPreview, scoreItemPreview } from '~/server/studio/item-preview.server'
import { ItemPreviewQuery } from '~/server/studio/quiz-item-input.server'

const noStore = { headers: { 'Cache-Control': 'no-store' } }

function previewQuery(request: Request) {
  const query = ItemPreviewQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) badRequest('item preview')
  return query.data
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea({ request, context }, 'trainer')
  const { path, item } = previewQuery(request)
  return json(await itemPreview(user, path, item), noStore)
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireArea({ request, context }, 'trainer')
  const { path, item } = previewQuery(request)
  return json(await scoreItemPreview(user, path, item, await request.formData()), noStore)
}
