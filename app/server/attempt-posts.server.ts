// What the attempt page's posts (an item's autosave, 交卷, a dialogue reply) do and answer, in one place for both
// ways in: the Remix route's action, and the lean path server.js runs before Remix for the page's own data requests
// (`?_data=<this route>`: the item's fetcher and the script-driven forms). The lean path exists for CPU alone: Remix's
// router, its Fetch Request/Response copies and `formData()` cost twice what the save itself does
// (docs/decisions/0018-perf-hot-path.md). Same guards, same parsing, same replies; any refusal the guards throw
// (signed out, not a clerk, someone else's attempt, a bad intent) is left to the route, which answers it as it always
// has — nothing is written before those checks.
import type { FormEntries } from '~/core/quiz/form-answers'
import { replyInScenario, saveFormAnswers, submitFormAnswers } from './quiz-answers.server'
import { badRequest } from './responses.server'
import { AttemptIntent, AttemptParams } from './route-input.server'
import { requireArea, type GuardRequest } from './session.server'
import type { SessionUser } from './people.server'

export type AttemptErrors = Array<{ itemId: string; error: string }>

/** The JSON the page reads back (the item's fetcher, or the submit form's action data). */
export interface AttemptReplyData {
  itemId?: string
  errors: AttemptErrors
  invalid: AttemptErrors
  closed: boolean
}

/** A redirect back to the page, or JSON with a status (a refused save: 400; the attempt closed meanwhile: 409). */
export type AttemptReply = { redirect: string } | { status: number; data: AttemptReplyData }

// every key any of the intents reads, from the schema itself (so a new intent's field cannot be missed)
const INTENT_FIELDS: ReadonlySet<string> = new Set(AttemptIntent.options.flatMap((option) => Object.keys(option.shape)))

/**
 * The fields AttemptIntent reads, the last of each as `Object.fromEntries` takes it (the schema drops the others).
 * Not the whole form: a submit's ~50 answer fields, named after per-attempt option ids, made V8 build a new object
 * shape field by field (~4 % of a real quiz's submit).
 */
function intentFields(form: FormEntries): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const [key, value] of form) if (INTENT_FIELDS.has(key)) fields[key] = value
  return fields
}

/** Runs one post of the attempt page for a signed-in clerk; a malformed intent is thrown as a 400. */
export async function answerAttemptForm(user: SessionUser, quiz: string, attempt: string, form: FormEntries, now: Date): Promise<AttemptReply> {
  const intent = AttemptIntent.safeParse(intentFields(form))
  if (!intent.success) badRequest('unknown intent')
  const back = `/quizzes/${quiz}/attempts/${attempt}`
  if (intent.data.intent === 'reply') {
    const turn = await replyInScenario(user, quiz, attempt, intent.data.itemId, intent.data.replyId, now)
    if (!turn.ok && 'error' in turn && turn.error !== 'stale') {
      return { status: 400, data: { itemId: intent.data.itemId, errors: [{ itemId: intent.data.itemId, error: turn.error }], invalid: [], closed: false } }
    }
    return { redirect: back }
  }
  if (intent.data.intent === 'save') {
    const saved = await saveFormAnswers(user, quiz, attempt, form, intent.data.item, now)
    if (!saved.ok) return { status: 'closed' in saved ? 409 : 400, data: { itemId: intent.data.item, errors: 'errors' in saved ? saved.errors : [], invalid: [], closed: 'closed' in saved } }
    return { status: 200, data: { itemId: intent.data.item, errors: [], invalid: saved.invalid, closed: false } }
  }
  const submitted = await submitFormAnswers(user, quiz, attempt, form, now)
  if (!submitted.ok) return { status: 400, data: { errors: submitted.errors, invalid: [], closed: false } }
  return { redirect: back }
}

const ROUTE_ID = 'routes/quizzes.$quiz.attempts.$attempt'
// only plain segments: an address with escapes or a trailing slash is left to Remix's own matching
const ATTEMPT_PATH = /^\/quizzes\/([A-Za-z0-9_-]{1,64})\/attempts\/([A-Za-z0-9-]{1,64})$/
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(;|$)/i
const utf8 = new TextDecoder() // one for all posts: a whole-buffer decode keeps no state between calls

/** A post as server.js hands it over, after the same-origin check and the body gate (server/body-gate.js). */
export interface LeanPost {
  method: string
  /** path and query, as received */
  url: string
  contentType: string | undefined
  cookie: string | undefined
  /** the body the gate read and checked */
  body: Uint8Array
}

/** The HTTP answer, exactly as Remix would write it for a data request; no body for a redirect. */
export interface LeanReply {
  status: number
  headers: Record<string, string>
  body?: string
}

/** What the guards read (the Cookie header, and the address for the one-time-password gate), without a Fetch Request. */
function guardRequest(url: string, cookie: string | undefined): GuardRequest {
  const value = cookie ?? null
  return { url, headers: { get: (name) => (name.toLowerCase() === 'cookie' ? value : null) } }
}

/**
 * Answers the attempt page's data posts without Remix; null for anything else, or for a refusal the route answers.
 * (Exported through app/entry.server.tsx, so server.js finds it in the build and it shares the app's modules.)
 */
export async function leanAttemptPost(post: LeanPost): Promise<LeanReply | null> {
  if (post.method !== 'POST' || !FORM_TYPE.test(post.contentType ?? '')) return null
  // the address split by hand, not parsed as a URL (a tenth of the path's own CPU): the path must match exactly,
  // the query is read as URLSearchParams reads it
  const query = post.url.indexOf('?')
  const path = query < 0 ? null : ATTEMPT_PATH.exec(post.url.slice(0, query))
  if (!path || new URLSearchParams(post.url.slice(query + 1)).get('_data') !== ROUTE_ID) return null
  const params = AttemptParams.safeParse({ quiz: path[1], attempt: path[2] })
  if (!params.success) return null
  const { quiz, attempt } = params.data
  try {
    const user = await requireArea({ request: guardRequest(`http://lean.invalid${post.url}`, post.cookie), context: {} }, 'learn')
    // as undici's formData() reads a URL-encoded body: UTF-8 without a byte-order mark, then the URL-encoded parser
    const form = [...new URLSearchParams(utf8.decode(post.body))]
    const reply = await answerAttemptForm(user, quiz, attempt, form, new Date())
    if ('redirect' in reply) return { status: 204, headers: { 'X-Remix-Redirect': reply.redirect, 'X-Remix-Status': '302' } }
    return { status: reply.status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Remix-Response': 'yes' }, body: JSON.stringify(reply.data) }
  } catch {
    // a refusal (or a failure): the route runs the same checks again and answers in Remix's own words; nothing was
    // written before a refusal, and a save, a submit or a reply repeated after a failure records once
    return null
  }
}
