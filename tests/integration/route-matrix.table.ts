// The role × route matrix: every route of app/routes, what each kind of visitor gets from its page (GET) and
// from each action intent. A new route is one entry here; route-matrix.test.ts fails, naming the route, while
// a route file has no entry (or has an action and no action rows).
//
// "own" and "other" are relative to the resource in the entry's path, which is always in hall H01
// (clerk01's hall, branch B01, region R01): own = clerk01 / hall01mgr / branch01mgr / region01mgr,
// other = clerk02 (hall H02) / hall02mgr / branch02mgr / region02mgr. The test adds a pairing of clerk01 with
// mentor01 (so "mentor" is clerk01's mentor), an overdue assignment for H01, a picture; clerk01's certificate
// is seeded.

import { TEMPLATE_EXAMPLE, TEMPLATE_HEADER } from '~/core/people-import'
import { EVIDENCE_FILES } from '~/core/stars/evidence-files/registry'

export const ACTORS = {
  anonymous: null,
  clerkOwn: 'clerk01',
  clerkOther: 'clerk02',
  mentor: 'mentor01', // clerk01's mentor (fixture pairing), in H01
  trainer: 'trainer01',
  hallOwn: 'hall01mgr',
  hallOther: 'hall02mgr',
  branchOwn: 'branch01mgr',
  branchOther: 'branch02mgr',
  regionOwn: 'region01mgr',
  regionOther: 'region02mgr',
  admin: 'admin',
} as const

export type Actor = keyof typeof ACTORS
export type Expected = Record<Actor, number>

/** Ids the entries need, found once in the seeded test database. */
export interface Fixtures {
  moduleVersionId: string
  attemptId: string
  /** clerk01 with mentor01, active, no item practised yet. */
  pairingId: string
  /** clerk01's active ★★ certificate. */
  certificateCode: string
  /** A picture in the content store, as /media names it: <hash>.svg */
  mediaFile: string
  clerkOwnId: string
  /** An assignment of the demo course to H01, overdue (so clerk01 can be reminded of it). */
  overdueAssignmentId: string
}

/** A form field, or a file (the action is then posted as multipart/form-data). */
export type FormValue = string | { file: string; name: string; type: string }

export interface ActionRow {
  intent: string
  form: (fixtures: Fixtures, actor: Actor) => Record<string, FormValue>
  expect: Expected
}

export interface MatrixEntry {
  /** The route file's name without .tsx, e.g. "manage.halls.$code". */
  route: string
  /** The URL requested; for routes with params, the resource in hall H01. */
  path: (fixtures: Fixtures) => string
  get: Expected
  actions?: ActionRow[]
}

const ALL = Object.keys(ACTORS) as Actor[]
const SIGNED_IN_ACTORS = ALL.filter((a) => a !== 'anonymous')

/** `ok` for the listed actors, `refused` for the other signed-in ones, a redirect to sign-in for the anonymous. */
function only(allowed: readonly Actor[], ok = 200, refused = 403): Expected {
  return Object.fromEntries(ALL.map((a) => [a, a === 'anonymous' ? 302 : allowed.includes(a) ? ok : refused])) as Expected
}
const everyone = (status: number): Expected => Object.fromEntries(ALL.map((a) => [a, status])) as Expected

const LEARNERS: Actor[] = ['clerkOwn', 'clerkOther', 'mentor']
const MANAGERS: Actor[] = ['hallOwn', 'hallOther', 'branchOwn', 'branchOther', 'regionOwn', 'regionOther']
const OWN_MANAGERS: Actor[] = ['hallOwn', 'branchOwn', 'regionOwn']
const FAR_FUTURE = '2099-12-31'
/** A value no other visitor's form uses (new usernames, unit codes, later days). */
const nth = (actor: Actor) => ALL.indexOf(actor) + 1
/** clerks of H01 (clerk01's hall) other than clerk01 */
const H01_CLERKS = ['clerk09', 'clerk17', 'clerk25', 'clerk33', 'clerk41', 'clerk49', 'clerk57']
/** Managers of other units, refused beside a field (the row, the hall, the clerk) rather than by the door. */
const OTHER_MANAGERS_400: Partial<Expected> = { hallOther: 400, branchOther: 400, regionOther: 400 }
/** The learners other than the owner, for an attempt of the owner's. */
const OTHER_LEARNERS_404: Partial<Expected> = { clerkOther: 404, mentor: 404 }
/** Managers of other units, for a record they may not see: as if it did not exist. */
const OTHER_MANAGERS_404: Partial<Expected> = { hallOther: 404, branchOther: 404, regionOther: 404 }
const csv = (rows: readonly (readonly string[])[]) => rows.map((r) => r.join(',')).join('\n')

export const ROUTE_MATRIX: MatrixEntry[] = [
  { route: '_index', path: () => '/', get: everyone(302) },
  { route: 'login', path: () => '/login', get: { ...everyone(302), anonymous: 200 }, actions: [
    // a wrong password from each visitor, each for its own username (so no limit is reached)
    { intent: 'sign-in', form: (_, actor) => ({ username: `${ACTORS[actor] ?? 'nobody'}`, password: 'wrong' }), expect: everyone(401) },
  ] },
  { route: 'logout', path: () => '/logout', get: everyone(302), actions: [{ intent: 'sign-out', form: () => ({}), expect: everyone(302) }] },
  { route: 'language', path: () => '/language', get: everyone(302), actions: [{ intent: 'switch', form: () => ({ language: 'en', redirectTo: '/learn' }), expect: everyone(302) }] },
  { route: 'learn._index', path: () => '/learn', get: only(LEARNERS) },
  { route: 'learn.$course._index', path: () => '/learn/demo', get: only(LEARNERS) },
  { route: 'learn.$course.$module', path: () => '/learn/demo/intro', get: only(LEARNERS), actions: [
    { intent: 'read', form: (f) => ({ intent: 'read', versionId: f.moduleVersionId }), expect: only(LEARNERS) },
  ] },
  { route: 'practice', path: () => '/practice', get: only(LEARNERS), actions: [{ intent: 'check', form: () => ({ text: '这个不归我管' }), expect: only(LEARNERS) }] },
  { route: 'quizzes.$quiz._index', path: () => '/quizzes/demo-quiz', get: only(LEARNERS), actions: [{ intent: 'start', form: () => ({}), expect: only(LEARNERS, 302) }] },
  // clerk01's attempt: nobody else's, not even a mentor's or an admin's to answer; another learner is answered as
  // for an unknown attempt id (404), the other roles are refused the learning area (403)
  { route: 'quizzes.$quiz.attempts.$attempt', path: (f) => `/quizzes/demo-quiz/attempts/${f.attemptId}`, get: { ...only(['clerkOwn']), ...OTHER_LEARNERS_404 }, actions: [
    { intent: 'save', form: () => ({ intent: 'save' }), expect: { ...only(['clerkOwn']), ...OTHER_LEARNERS_404 } },
    { intent: 'reply', form: () => ({ intent: 'reply', itemId: 'no-such-item', replyId: 'x' }), expect: { ...only(['clerkOwn'], 400), ...OTHER_LEARNERS_404 } },
    { intent: 'submit', form: () => ({ intent: 'submit' }), expect: { ...only(['clerkOwn'], 302), ...OTHER_LEARNERS_404 } },
  ] },
  // ---- learning: checklist, star application, certificates, pictures (merged in session 3) ----
  { route: 'learn.checklist', path: () => '/learn/checklist', get: only(LEARNERS), actions: [
    // the mentee marks an item of her pairing practised; her mentor sees it but may not (403), another clerk
    // is answered as for an unknown pairing (404)
    { intent: 'practised', form: (f) => ({ formId: 'm', intent: 'practised', pairingId: f.pairingId, itemId: 'patient-explanation', note: '' }), expect: { ...only(['clerkOwn']), clerkOther: 404 } },
  ] },
  { route: 'stars.apply', path: () => '/stars/apply', get: everyone(302), actions: [{ intent: 'apply', form: () => ({}), expect: only(LEARNERS, 302) }] },
  // clerk01's certificate: as visible as clerk01's record (her mentor included); out of scope as unknown
  { route: 'certificates.$code[.pdf]', path: (f) => `/certificates/${f.certificateCode}.pdf`, get: only(['clerkOwn', 'mentor', 'trainer', ...OWN_MANAGERS, 'admin'], 200, 404) },
  // public: anyone holding the code may check it (the masked holder only)
  { route: 'verify.$code', path: (f) => `/verify/${f.certificateCode}`, get: everyone(200) },
  { route: 'media.$file', path: (f) => `/media/${f.mediaFile}`, get: only(SIGNED_IN_ACTORS) },
  // ---- mentoring ----
  { route: 'mentor._index', path: () => '/mentor', get: only(['mentor']), actions: [
    // clerk01 marked it practised in the learn.checklist row: her mentor signs it off
    { intent: 'sign', form: (f) => ({ formId: 'sign', intent: 'sign', pairingId: f.pairingId, itemId: 'patient-explanation', note: '' }), expect: only(['mentor']) },
  ] },
  // the pairing's mentee and those who run pairings in her hall see it; anyone else as if it did not exist
  { route: 'mentor.$pairing', path: (f) => `/mentor/${f.pairingId}`, get: only(['clerkOwn', 'mentor', 'trainer', ...OWN_MANAGERS, 'admin'], 200, 404), actions: [
    // only the mentor writes the mentor's note; those who see the pairing are refused (403)
    {
      intent: 'checkIn',
      form: (f) => ({ formId: 'checkIn', intent: 'checkIn', pairingId: f.pairingId, number: '1', note: '第一周跟进：进展正常。' }),
      expect: { ...only(['mentor'], 200, 404), clerkOwn: 403, trainer: 403, hallOwn: 403, branchOwn: 403, regionOwn: 403, admin: 403 },
    },
  ] },
  { route: 'trainer.pairings', path: () => '/trainer/pairings', get: only(['trainer', 'admin']), actions: [
    { intent: 'extend', form: (f, actor) => ({ formId: 'extend', intent: 'extend', pairingId: f.pairingId, endDay: `2098-01-${String(nth(actor)).padStart(2, '0')}`, reason: '门店装修，延后两周' }), expect: only(['trainer', 'admin']) },
  ] },
  { route: 'manage.pairings', path: () => '/manage/pairings', get: only([...MANAGERS, 'admin']), actions: [
    { intent: 'extend', form: (f, actor) => ({ formId: 'extend', intent: 'extend', pairingId: f.pairingId, endDay: `2098-02-${String(nth(actor)).padStart(2, '0')}`, reason: '门店装修，延后两周' }), expect: { ...only([...OWN_MANAGERS, 'admin']), hallOther: 404, branchOther: 404, regionOther: 404 } },
  ] },
  { route: 'trainer._index', path: () => '/trainer', get: only(['trainer', 'admin']) },
  { route: 'trainer.quizzes._index', path: () => '/trainer/quizzes', get: only(['trainer', 'admin']) },
  { route: 'trainer.quizzes.$quiz', path: () => '/trainer/quizzes/demo-quiz', get: only(['trainer', 'admin']) },
  { route: 'trainer.quizzes.$quiz_.answers', path: () => '/trainer/quizzes/demo-quiz/answers', get: only(['trainer', 'admin']), actions: [
    // an override without a reason is refused beside the field; only trainers (and admins) get that far
    { intent: 'override', form: (f) => ({ intent: 'override', attemptId: f.attemptId, itemId: 'q1', points: '1', reason: '' }), expect: only(['trainer', 'admin'], 400) },
    { intent: 'regrade', form: () => ({ intent: 'regrade' }), expect: only(['trainer', 'admin']) },
  ] },
  { route: 'trainer.banks._index', path: () => '/trainer/banks', get: only(['trainer', 'admin']), actions: [
    // a form without a file: trainers and admins are told beside the field, everyone else is refused first
    { intent: 'check', form: () => ({ intent: 'check' }), expect: only(['trainer', 'admin'], 400) },
  ] },
  { route: 'trainer.banks.$bank', path: () => '/trainer/banks/no-such-bank', get: only(['trainer', 'admin'], 404), actions: [
    // picking items from a bank that does not exist: not found for authors, refused to everyone else first
    { intent: 'pick', form: () => ({ quiz: 'quizzes/demo-quiz.yaml', items: 'x' }), expect: only(['trainer', 'admin'], 404) },
  ] },
  { route: 'trainer.banks.$bank_.export.$format', path: () => '/trainer/banks/no-such-bank/export/gift', get: only(['trainer', 'admin'], 404) },
  { route: 'trainer.studio._index', path: () => '/trainer/studio', get: only(['trainer', 'admin']) },
  { route: 'trainer.studio.edit', path: () => '/trainer/studio/edit?path=courses/demo/intro.mdx', get: only(['trainer', 'admin']), actions: [
    // discarding a draft revision that does not exist: harmless, and refused to everyone but authors
    { intent: 'discard', form: () => ({ intent: 'discard', path: 'courses/demo/intro.mdx', revision: '999' }), expect: only(['trainer', 'admin']) },
  ] },
  { route: 'trainer.studio.preview', path: () => '/trainer/studio/preview', get: only(['trainer', 'admin'], 405), actions: [
    { intent: 'preview', form: () => ({ path: 'courses/demo/intro.mdx', text: '---\nid: intro\n---\n\n您好。\n' }), expect: only(['trainer', 'admin']) },
  ] },
  { route: 'trainer.studio.history', path: () => '/trainer/studio/history?path=courses/demo/intro.mdx', get: only(['trainer', 'admin']), actions: [
    { intent: 'restore', form: () => ({ intent: 'restore', path: 'courses/demo/intro.mdx', number: '999' }), expect: only(['trainer', 'admin'], 400) },
  ] },
  { route: 'trainer.studio.items', path: () => '/trainer/studio/items?path=quizzes/demo-quiz.yaml', get: only(['trainer', 'admin']), actions: [
    // deleting an item that is not there: refused beside the list for authors, refused to everyone else first
    { intent: 'delete-item', form: () => ({ intent: 'delete-item', path: 'quizzes/demo-quiz.yaml', revision: '0', baseNumber: '0', index: '999' }), expect: only(['trainer', 'admin'], 400) },
  ] },
  { route: 'trainer.studio.item-preview', path: () => '/trainer/studio/item-preview?path=quizzes/demo-quiz.yaml&item=0', get: only(['trainer', 'admin']), actions: [
    { intent: 'answer', form: () => ({ 'a.q1': 'nonsense' }), expect: only(['trainer', 'admin']) },
  ] },
  { route: 'trainer.studio.scenario', path: () => '/trainer/studio/scenario?path=scenarios/demo-talk.yaml', get: only(['trainer', 'admin']), actions: [
    // a node edit at a revision that is not the draft's: a conflict for authors (nothing written), refused to everyone else
    { intent: 'graph', form: () => ({ intent: 'graph', op: 'delete-node', path: 'scenarios/demo-talk.yaml', revision: '999', node: 'end-ok' }), expect: only(['trainer', 'admin'], 409) },
    { intent: 'play', form: () => ({ intent: 'play', path: 'scenarios/demo-talk.yaml', from: 'n1', taken: '' }), expect: only(['trainer', 'admin']) },
  ] },
  { route: 'trainer.studio.images', path: () => '/trainer/studio/images', get: only(['trainer', 'admin'], 405), actions: [
    // a zip renamed .png: refused with its reason beside the field, nothing stored
    { intent: 'upload', form: () => ({ path: 'courses/demo/intro.mdx', name: 'x.png', alt: '示意图', file: { file: 'PK\u0003\u0004 not a picture', name: 'x.png', type: 'image/png' } }), expect: only(['trainer', 'admin'], 422) },
  ] },
  { route: 'trainer.studio.reviews._index', path: () => '/trainer/studio/reviews', get: only(['trainer', 'admin']) },
  { route: 'trainer.studio.reviews.$review', path: () => '/trainer/studio/reviews/no-such-review', get: only(['trainer', 'admin'], 404), actions: [
    { intent: 'approve', form: () => ({ intent: 'approve', comment: '' }), expect: only(['trainer', 'admin'], 404) },
  ] },
  { route: 'manage._index', path: () => '/manage', get: only([...MANAGERS, 'admin']) },
  { route: 'manage.halls.$code', path: () => '/manage/halls/H01', get: only([...OWN_MANAGERS, 'admin']), actions: [
    // 催学 for the whole hall: its managers and admins; a fresh request key each time
    { intent: 'remindOverdue', form: () => ({ intent: 'remindOverdue', requestKey: crypto.randomUUID() }), expect: only([...OWN_MANAGERS, 'admin']) },
  ] },
  { route: 'manage.quizzes.$quiz', path: () => '/manage/quizzes/demo-quiz', get: only([...MANAGERS, 'admin']) },
  // ---- managers' views of units and people (merged in session 3); out-of-scope units answer 404 ----
  // B01 itself: its branch and region managers; a hall manager below it sees halls, not the branch
  { route: 'manage.units.$code', path: () => '/manage/units/B01', get: only(['branchOwn', 'regionOwn', 'admin'], 200, 403) },
  { route: 'manage.halls.$code_.morning', path: () => '/manage/halls/H01/morning', get: only([...OWN_MANAGERS, 'admin']) },
  { route: 'manage.people', path: () => '/manage/people?unit=H01', get: only([...OWN_MANAGERS, 'admin']) },
  { route: 'manage.export', path: () => '/manage/export?table=people&format=csv&unit=H01', get: only([...OWN_MANAGERS, 'admin']) },
  { route: 'people.$username.attempts.$attempt', path: (f) => `/people/clerk01/attempts/${f.attemptId}`, get: only(['clerkOwn', 'mentor', 'trainer', ...OWN_MANAGERS, 'admin'], 200, 404) },
  { route: 'audit', path: () => '/audit', get: only([...MANAGERS, 'admin']) },
  // ---- stars: evidence, nominations, star of the month ----
  { route: 'manage.stars._index', path: () => '/manage/stars', get: only([...MANAGERS, 'admin']), actions: [
    // each visitor nominates a different clerk of H01: a clerk outside one's units is unknown (400)
    { intent: 'nominate', form: (_, actor) => ({ intent: 'nominate', username: H01_CLERKS[nth(actor) % H01_CLERKS.length], level: '1' }), expect: { ...only([...OWN_MANAGERS, 'admin']), ...OTHER_MANAGERS_400 } },
  ] },
  { route: 'manage.stars.month', path: () => '/manage/stars/month', get: only([...MANAGERS, 'admin']), actions: [
    // clerk01 is not on H01's shortlist this month: in scope 409, out of scope 403
    { intent: 'pick', form: (f) => ({ hall: 'H01', userId: f.clerkOwnId }), expect: only([...OWN_MANAGERS, 'admin'], 409) },
  ] },
  { route: 'manage.evidence.import', path: () => '/manage/evidence/import', get: only([...MANAGERS, 'admin']), actions: [
    // a dry run of the template's own example row (clerk01): a row outside one's units is a problem (400)
    {
      intent: 'dry-run',
      form: () => ({ kind: 'inspection', dryRun: 'on', file: { file: csv([EVIDENCE_FILES.inspection.columns, EVIDENCE_FILES.inspection.example]), name: 'inspection.csv', type: 'text/csv' } }),
      expect: { ...only([...OWN_MANAGERS, 'admin']), ...OTHER_MANAGERS_400 },
    },
  ] },
  { route: 'manage.evidence.template.$file', path: () => '/manage/evidence/template/inspection.csv', get: only([...MANAGERS, 'admin']) },
  { route: 'assignments', path: () => '/assignments', get: only(['trainer', ...MANAGERS, 'admin']), actions: [
    {
      intent: 'assign',
      form: () => ({ courseId: 'demo', unitCode: 'H01', audience: 'everyone', dueDay: FAR_FUTURE, requestKey: crypto.randomUUID() }),
      expect: only(['trainer', ...OWN_MANAGERS, 'admin']),
    },
  ] },
  // out of scope answers as unknown does (404), so usernames cannot be tried out
  { route: 'people.$username', path: () => '/people/clerk01', get: only(['clerkOwn', 'mentor', 'trainer', ...OWN_MANAGERS, 'admin'], 200, 404), actions: [
    // 催学: managers of clerk01's units remind her of an overdue course; a fresh request key each time
    // those who see her record but are not her managers are refused (403); the others as for an unknown name
    {
      intent: 'remind',
      form: (f) => ({ intent: 'remind', assignmentId: f.overdueAssignmentId, requestKey: crypto.randomUUID() }),
      expect: { ...only([...OWN_MANAGERS, 'admin'], 200, 404), clerkOwn: 403, mentor: 403, trainer: 403 },
    },
  ] },
  // ---- accounts (merged in session 3): managers run the frontline accounts of their units ----
  { route: 'account.password', path: () => '/account/password', get: only(SIGNED_IN_ACTORS), actions: [
    // a wrong current password: refused beside the field, for everyone signed in
    { intent: 'change', form: () => ({ current: 'not-my-password', next: 'Another@2027pw', confirm: 'Another@2027pw' }), expect: only(SIGNED_IN_ACTORS, 400) },
  ] },
  { route: 'accounts.new', path: () => '/accounts/new', get: only([...MANAGERS, 'admin']), actions: [
    // each visitor creates a different clerk in H01: outside one's halls the hall is refused beside the field
    { intent: 'create', form: (_, actor) => ({ username: `matrix${nth(actor)}`, name: '测试员工', hallCode: 'H01', hireDay: '2026-03-02' }), expect: { ...only([...OWN_MANAGERS, 'admin']), ...OTHER_MANAGERS_400 } },
  ] },
  // managers of other units: an account they do not manage answers as an unknown name (404, scope-refusals.test.ts)
  { route: 'accounts.$username', path: () => '/accounts/clerk09', get: { ...only([...OWN_MANAGERS, 'admin']), ...OTHER_MANAGERS_404 }, actions: [
    { intent: 'unlock', form: () => ({ intent: 'unlock' }), expect: { ...only([...OWN_MANAGERS, 'admin']), ...OTHER_MANAGERS_404 } },
    { intent: 'reset', form: () => ({ intent: 'reset' }), expect: { ...only([...OWN_MANAGERS, 'admin']), ...OTHER_MANAGERS_404 } },
    { intent: 'grant', form: () => ({ intent: 'grant', role: 'mentor' }), expect: { ...only([...OWN_MANAGERS, 'admin']), ...OTHER_MANAGERS_404 } },
  ] },
  { route: 'admin._index', path: () => '/admin', get: only(['admin']) },
  // ---- administration (merged in session 3): the organisation tree and bulk imports are the admin's ----
  { route: 'admin.org._index', path: () => '/admin/org', get: only(['admin']), actions: [
    { intent: 'create', form: (_, actor) => ({ kind: 'hall', code: `HM${nth(actor)}`, nameZh: '测试营业厅', nameEn: 'Test hall', parentCode: 'B01' }), expect: only(['admin']) },
  ] },
  { route: 'admin.org.$code', path: () => '/admin/org/H01', get: only(['admin']), actions: [
    { intent: 'rename', form: () => ({ intent: 'rename', nameZh: '滕州龙泉路营业厅', nameEn: 'Longquan Road hall, Tengzhou' }), expect: only(['admin']) },
  ] },
  { route: 'admin.people.import', path: () => '/admin/people/import', get: only(['admin']), actions: [
    { intent: 'check', form: () => ({ intent: 'check', file: { file: csv([TEMPLATE_HEADER, TEMPLATE_EXAMPLE]), name: 'people.csv', type: 'text/csv' } }), expect: only(['admin']) },
  ] },
  { route: 'admin.people.template.$format', path: () => '/admin/people/template/csv', get: only(['admin']) },
  { route: 'admin.studio', path: () => '/admin/studio', get: only(['admin']), actions: [
    { intent: 'limits', form: () => ({ intent: 'limits', trainerId: 'no-such-trainer' }), expect: only(['admin'], 422) },
  ] },
  { route: 'admin.sessions', path: () => '/admin/sessions?username=clerk40', get: only(['admin']), actions: [
    { intent: 'sign-out-everywhere', form: () => ({ intent: 'sign-out-everywhere', username: 'clerk40' }), expect: only(['admin']) },
    { intent: 'unlock', form: () => ({ intent: 'unlock', username: 'clerk40' }), expect: only(['admin']) },
  ] },
]


/**
 * Routes whose rows are not written yet, each with the tests that cover its permissions meanwhile. The matrix
 * test fails for a route in neither ROUTE_MATRIX nor here, and for a route listed here that gained a row (so
 * this list only shrinks). Empty: every route has its row.
 */
export const MATRIX_PENDING: Record<string, string> = {}

/** Routes with a row whose actions have no action rows yet, with the tests that cover them. Empty. */
export const ACTIONS_PENDING: Record<string, string> = {}
