// Whether a submission was one item's autosave on an attempt page. Such a save changes nothing any loader of the
// page shows (the inputs already hold what was saved; the reply marks the item), so re-running the root's and the
// attempt's loaders after it only doubled the server's work per save (measured: docs/decisions/0018-perf-hot-path.md).
// A save that failed (refused, or the attempt closed meanwhile) still revalidates: the page must show what is stored.
import type { ShouldRevalidateFunctionArgs } from '@remix-run/react'

const ATTEMPT_PATH = /^\/quizzes\/[^/]+\/attempts\/[^/]+\/?$/

type Submission = Pick<ShouldRevalidateFunctionArgs, 'formMethod' | 'formAction' | 'formData' | 'actionResult'>

export function isSuccessfulAnswerSave({ formMethod, formAction, formData, actionResult }: Submission): boolean {
  if (formMethod?.toUpperCase() !== 'POST' || !formAction || formData?.get('intent') !== 'save') return false
  if (!ATTEMPT_PATH.test(new URL(formAction, 'http://page.invalid').pathname)) return false
  const reply = actionResult as { closed?: unknown; errors?: unknown } | undefined
  return typeof reply === 'object' && reply !== null && reply.closed === false && Array.isArray(reply.errors) && reply.errors.length === 0
}
