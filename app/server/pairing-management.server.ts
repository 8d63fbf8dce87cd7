// The pairing management page shared by /trainer/pairings and /manage/pairings: the list in scope by filter
// and the forms to pair, extend and reassign, their refusals beside the field they concern.
import { parseWithZod } from '@conform-to/zod'
import type { PairingFilter } from '~/core/mentoring/check-ins'
import { pairingManagementForm } from './mentoring-input.server'
import { mentoringLimits } from './mentoring-limits.server'
import { defaultStarLevels, type StarLevelProvider } from './mentor-star-levels.server'
import { pairingChoices, pairingsInScope } from './pairing-lists.server'
import { createPairing, extendPairing, reassignPairing } from './pairings.server'
import type { SessionUser, UnitSummary } from './people.server'

export async function managePairingsPage(user: SessionUser, filter: PairingFilter | null, now: Date, unit: UnitSummary | null = null) {
  const [list, choices] = await Promise.all([pairingsInScope(user.viewer, filter, now, unit?.path), pairingChoices(user.viewer, now)])
  return { ...list, choices, filter, unit, limits: mentoringLimits(), requestKey: crypto.randomUUID() }
}

export async function managePairingsAction(user: SessionUser, formData: FormData, now: Date, starLevels: StarLevelProvider = defaultStarLevels) {
  const formId = String(formData.get('formId') ?? '')
  const submission = parseWithZod(formData, { schema: pairingManagementForm(mentoringLimits().maxNoteLength) })
  if (submission.status !== 'success') return { status: 400, body: { formId, result: submission.reply() } }
  const value = submission.value
  const outcome =
    value.intent === 'create'
      ? await createPairing(user.viewer, value, now, starLevels)
      : value.intent === 'extend'
        ? await extendPairing(user.viewer, value.pairingId, value, now)
        : await reassignPairing(user.viewer, value.pairingId, value, now, starLevels)
  if (!outcome.ok) {
    const fieldErrors = Object.fromEntries(Object.entries(outcome.errors).map(([field, key]) => [field, [key ?? '']]))
    return { status: 400, body: { formId, result: submission.reply({ fieldErrors }) } }
  }
  const done = { create: 'mentoring.manage.created', extend: 'mentoring.manage.extended', reassign: 'mentoring.manage.reassigned' }[value.intent]
  return { status: 200, body: { formId, result: submission.reply({ resetForm: true }), done } }
}
