// The scenario graph editor against a real SQLite file, as a browser posts to /trainer/studio/scenario: a reply
// added in the graph is saved as a draft, shows on the graph, plays from its node with the attempts' engine, and
// publishes as a new scenario version; a stale revision is a conflict and writes nothing (also under 50 parallel
// edits); clerks, managers and a trainer limited to other courses are refused.
import { parse } from 'yaml'
import { action, loader } from '~/routes/trainer.studio.scenario'
import { importContent } from '~/server/content/import.server'
import { seedDemo } from '~/server/seed/demo.server'
import { draftOf } from '~/server/studio/drafts.server'
import { publishedSources } from '~/server/studio/draft-check.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'
import { cookieFor, outcome, requestAs } from '../session'

const ROOT = 'tests/fixtures/content/good'
const PATH = 'scenarios/demo-talk.yaml'
const URL_ = `/trainer/studio/scenario?path=${PATH}`
let db: PrismaClient
const cookies: Record<string, string> = {}

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now: new Date() })
  process.env.CONTENT_DIR = ROOT
  expect((await importContent(db, ROOT)).ok).toBe(true)
  for (const u of ['clerk01', 'hall01mgr', 'trainer01', 'trainer02', 'admin']) cookies[u] = await cookieFor(db, u)
  const limited = await db.user.findUniqueOrThrow({ where: { username: 'trainer02' } })
  await db.studioCourseLimit.create({ data: { userId: limited.id, courseId: 'no-such-course' } })
}, 120_000)
afterAll(() => db.$disconnect())

const open = (who: string, query = '') => outcome(() => loader({ request: requestAs(cookies[who], URL_ + query), params: {}, context: {} }))
const post = (who: string, fields: Record<string, string>) => {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  return outcome(() => action({ request: requestAs(cookies[who], URL_, { method: 'POST', body: form }), params: {}, context: {} }))
}

/** The node form of n2 as the panel posts it, with one reply added in the empty row. */
const n2WithNewReply = (revision: number): Record<string, string> => ({
  intent: 'graph', op: 'edit-node', path: PATH, revision: String(revision), node: 'n2', kind: 'turn',
  customer: '那你快点给我办。', mood: 'calm',
  'reply-0-id': 'r1', 'reply-0-text': '好的，请您稍等，马上为您办理。', 'reply-0-points': '2', 'reply-0-feedback': '文明用语。', 'reply-0-next': 'end-ok',
  'reply-1-id': 'r2', 'reply-1-text': '急什么，前面还有好几个人在等，您以为就您一个人着急啊，慢慢等着吧。', 'reply-1-points': '0', 'reply-1-feedback': '服务禁语。', 'reply-1-next': 'end-bad',
  'reply-2-id': 'r3', 'reply-2-text': '好。', 'reply-2-points': '1', 'reply-2-feedback': '答应了，但没说请稍等。', 'reply-2-next': 'end-ok',
  'new-text': '请您稍等，我先核对一下您的资料。', 'new-points': '1', 'new-feedback': '说了请稍等，但没先致歉。', 'new-next': 'end-ok',
})

describe('the scenario graph editor', () => {
  it('shows the scenario as a graph with no problems on its nodes', async () => {
    const page = await (await open('trainer01')).json()
    expect(page.graph.nodes.map((n: { id: string }) => n.id)).toEqual(['n1', 'n2', 'end-ok', 'end-bad'])
    expect(page.graph.nodes.every((n: { problems: string[] }) => n.problems.length === 0)).toBe(true)
    expect(page.problemCount).toBe(0)
  })

  it('a reply added in the graph is a draft; a stale revision is a conflict; it plays and publishes as a new version', async () => {
    const saved = await post('trainer01', n2WithNewReply(0))
    expect(await saved.json()).toMatchObject({ intent: 'graph', ok: true, revision: 1, nodeId: 'n2' })
    const draft = (await draftOf(db, PATH))!
    const n2 = (parse(draft.text) as { nodes: Array<{ id: string; replies?: Array<{ id: string; text: string }> }> }).nodes[1]
    expect(n2.replies!.map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r4'])

    // someone else's page still at revision 0: nothing written
    const stale = await post('admin', n2WithNewReply(0))
    expect(stale.status).toBe(409)
    expect(await stale.json()).toMatchObject({ ok: false, conflict: { revision: 1 } })
    expect((await draftOf(db, PATH))!.revision).toBe(1)

    const page = await (await open('trainer01', '&node=n2')).json()
    expect(page.graph.edges.map((e: { id: string }) => e.id)).toContain('n2/r4')

    // play from n2: the new reply is offered, scored and fed back by the server
    const start = await (await post('trainer01', { intent: 'play', path: PATH, from: 'n2', taken: '' })).json()
    expect(start).toMatchObject({ ok: true, node: { type: 'turn', customer: '那你快点给我办。' } })
    const offered = start.node.replies.find((r: { text: string }) => r.text === '请您稍等，我先核对一下您的资料。')
    expect(offered.id).not.toBe('r4') // opaque, as for clerks
    const played = await (await post('trainer01', { intent: 'play', path: PATH, from: 'n2', taken: start.taken.join(','), choose: offered.id })).json()
    expect(played).toMatchObject({ ok: true, taken: ['r4'], turns: [{ points: 1, bestPoints: 2, feedback: '说了请稍等，但没先致歉。' }], node: { type: 'end', end: 'satisfied' }, score: { points: 1, best: 2, percent: 50 } })

    const before = (await publishedSources(db)).find((f) => f.path === PATH)!.number
    const practiceVersions = () => db.quizVersion.count({ where: { quizId: 'practice-demo-talk' } })
    const practiceBefore = await practiceVersions()
    const published = await post('trainer01', { intent: 'publish', path: PATH, revision: '1' })
    expect(await published.json()).toMatchObject({ intent: 'publish', ok: true })
    expect((await publishedSources(db)).find((f) => f.path === PATH)!.number).toBe(before + 1)
    expect(await draftOf(db, PATH)).toBeNull()
    // the scenario's practice quiz gets a new version, so the next practice plays the new reply
    expect(await practiceVersions()).toBe(practiceBefore + 1)
  })

  it('puts the check\'s problems on the node: a new turn nobody reaches, with no replies', async () => {
    const revision = (await draftOf(db, PATH))?.revision ?? 0
    const added = await (await post('trainer01', { intent: 'graph', op: 'add-node', path: PATH, revision: String(revision), kind: 'turn', customer: '还有别的事吗？', mood: 'calm' })).json()
    expect(added).toMatchObject({ ok: true, nodeId: 'n3' })
    const page = await (await open('trainer01')).json()
    const n3 = page.graph.nodes.find((n: { id: string }) => n.id === 'n3')
    expect(n3.problems).toEqual(expect.arrayContaining([expect.stringMatching(/无法到达/), expect.stringMatching(/死路/)]))
    expect(page.graph.nodes.find((n: { id: string }) => n.id === 'n1').problems).toEqual([])
    // publishing is refused while the check fails
    expect(await (await post('trainer01', { intent: 'publish', path: PATH, revision: String(added.revision) })).json()).toMatchObject({ ok: false, reason: 'problems' })
    // the node can be deleted again (nothing leads to it); the start cannot
    expect(await (await post('trainer01', { intent: 'graph', op: 'delete-node', path: PATH, revision: String(added.revision), node: 'n1' })).json()).toMatchObject({ ok: false, refused: 'node-in-use' })
    expect(await (await post('trainer01', { intent: 'graph', op: 'delete-node', path: PATH, revision: String(added.revision), node: 'n3' })).json()).toMatchObject({ ok: true })
  })

  it('a reply without feedback is refused with a reason and nothing is saved', async () => {
    const revision = (await draftOf(db, PATH))?.revision ?? 0
    const fields = { ...n2WithNewReply(revision), 'reply-0-feedback': ' ' }
    expect(await (await post('trainer01', fields)).json()).toEqual({ intent: 'graph', ok: false, refused: 'invalid' })
    expect((await draftOf(db, PATH))?.revision ?? 0).toBe(revision)
  })

  it('50 parallel edits on one revision: exactly one is saved', async () => {
    const revision = (await draftOf(db, PATH))?.revision ?? 0
    const results = await Promise.all(Array.from({ length: 50 }, () => post('trainer01', n2WithNewReply(revision)).then((r) => r.json())))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect((await draftOf(db, PATH))!.revision).toBe(revision + 1)
  })

  it('two trainers save from the same revision: the later one gets a conflict with their YAML against theirs, and can apply it again', async () => {
    // both pages drawn from one revision, with its text
    const [mine, theirs] = await Promise.all([open('admin'), open('trainer01')].map(async (p) => (await p).json()))
    expect(mine.text).toBe(theirs.text)
    const revision = String(mine.draft?.revision ?? 0)
    const first = await post('trainer01', { intent: 'graph', op: 'edit-node', path: PATH, revision, node: 'n1', kind: 'turn', customer: '请问您的工号是多少？', mood: 'annoyed', base: theirs.text,
      'reply-0-id': 'r1', 'reply-0-text': '好的，我的工号是1023，工牌我马上戴好。', 'reply-0-points': '2', 'reply-0-feedback': '挂牌上岗：主动告知工号。', 'reply-0-next': 'n2',
      'reply-1-id': 'r2', 'reply-1-text': '问这个干什么？工号是保密的，公司规定不能随便告诉客户，您有意见可以找经理。', 'reply-1-points': '0', 'reply-1-feedback': '服务禁语：反问客户。', 'reply-1-next': 'end-bad' })
    expect(await first.json()).toMatchObject({ ok: true })
    const after = (await draftOf(db, PATH))!

    const ending = { intent: 'graph', op: 'edit-node', path: PATH, revision, node: 'end-ok', kind: 'end', end: 'satisfied', text: '客户办完业务，道谢离开。' }
    const second = await post('admin', { ...ending, base: mine.text })
    expect(second.status).toBe(409)
    const { conflict } = await second.json()
    expect(conflict).toMatchObject({ revision: after.revision, yoursFrom: 'your-page' })
    const changed = (kind: string) => conflict.diff.filter((l: { kind: string }) => l.kind === kind).map((l: { text: string }) => l.text.trim())
    // theirs (−): their new customer line and the old ending; yours (+): the line as you saw it and your ending
    expect(changed('removed')).toEqual(['customer: 请问您的工号是多少？', 'text: 客户满意离开。'])
    expect(changed('added')).toEqual(['customer: 你工号多少？我要记下来。', 'text: 客户办完业务，道谢离开。'])
    expect(conflict.diff.some((l: { kind: string }) => l.kind === 'fold')).toBe(true)
    expect((await draftOf(db, PATH))!.text).toBe(after.text) // nothing written

    // no page text (a browser without script): the diff is your edit on their version
    const bare = await (await post('admin', ending)).json()
    expect(bare.conflict.yoursFrom).toBe('their-version')
    expect(bare.conflict.diff.filter((l: { kind: string }) => l.kind !== 'same' && l.kind !== 'fold').map((l: { text: string }) => l.text.trim())).toEqual(['text: 客户满意离开。', 'text: 客户办完业务，道谢离开。'])

    // applied again on their revision: both changes are kept
    expect(await (await post('admin', { ...ending, revision: String(conflict.revision), base: after.text })).json()).toMatchObject({ ok: true })
    const merged = (await draftOf(db, PATH))!.text
    expect(merged).toContain('customer: 请问您的工号是多少？')
    expect(merged).toContain('text: 客户办完业务，道谢离开。')
  })

  it.each([
    ['clerk01', 403],
    ['hall01mgr', 403],
    ['trainer02', 403], // limited to another course
  ])('%s is refused (%i) on the page, the edit and the play; nothing is written', async (who, status) => {
    const before = await draftOf(db, PATH)
    expect((await open(who)).status).toBe(status)
    expect((await post(who, n2WithNewReply(before?.revision ?? 0))).status).toBe(status)
    expect((await post(who, { intent: 'play', path: PATH, from: 'n1', taken: '' })).status).toBe(status)
    expect((await draftOf(db, PATH))?.revision).toBe(before?.revision)
  })

  it.each([
    ['a module path', 'courses/demo/intro.mdx', 404],
    ['a path outside the tree', '../etc/passwd', 404],
  ])('%s is not a scenario here', async (_, path, status) => {
    const response = await outcome(() => loader({ request: requestAs(cookies.trainer01, `/trainer/studio/scenario?path=${encodeURIComponent(path)}`), params: {}, context: {} }))
    expect(response.status).toBe(status)
  })
})
