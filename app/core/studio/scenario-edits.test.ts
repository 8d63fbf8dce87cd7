import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { parse } from 'yaml'
import { ScenarioSchema, isEndNode, type Scenario } from '../quiz/scenario-graph'
import { addNode, deleteNode, editNode, freeId, type NodeEdit } from './scenario-edits'
import { scenarioGraph } from './scenario-graph-view'

const FILES = readdirSync('content/scenarios').filter((f) => f.endsWith('.yaml'))
const textOf = (file: string) => readFileSync(`content/scenarios/${file}`, 'utf8')
const read = (text: string): Scenario => ScenarioSchema.parse(parse(text))

/** The node edit that says exactly what the graph shows of a node now: saving it must change nothing. */
function editFromGraph(scenario: Scenario, nodeId: string): NodeEdit {
  const node = scenarioGraph(scenario).nodes.find((n) => n.id === nodeId)!
  return node.kind === 'end' ? { kind: 'end', end: node.end, text: node.text } : { kind: 'turn', customer: node.customer, mood: node.mood, replies: node.replies }
}

describe('parse → graph → serialise gives the same scenario', () => {
  it.each(FILES)('%s: saving every node unchanged from its graph gives back the very same text', (file) => {
    const original = textOf(file)
    let text = original
    for (const node of read(original).nodes) {
      const result = editNode(text, node.id, editFromGraph(read(text), node.id))
      expect(result.ok).toBe(true)
      if (result.ok) text = result.text
    }
    expect(text).toBe(original)
  })

  it('a random edit of a reply changes that reply and nothing else', () => {
    const file = 'et-closing-time.yaml'
    const original = read(textOf(file))
    const turns = original.nodes.flatMap((n) => (isEndNode(n) ? [] : [n]))
    fc.assert(
      fc.property(fc.nat(turns.length - 1), fc.nat(10), fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s.length > 0), fc.integer({ min: 0, max: 5 }), (t, r, words, points) => {
        const node = turns[t]
        const edit = editFromGraph(original, node.id)
        if (edit.kind !== 'turn') return
        const at = r % edit.replies.length
        edit.replies[at] = { ...edit.replies[at], text: words, points }
        const result = editNode(textOf(file), node.id, edit)
        expect(result.ok).toBe(true)
        if (!result.ok) return
        const after = read(result.text)
        const expected = structuredClone(original)
        const changed = expected.nodes.find((n) => n.id === node.id)!
        if (!isEndNode(changed)) changed.replies[at] = { ...changed.replies[at], text: words, points }
        expect(after).toEqual(expected)
      }),
      { numRuns: 60 },
    )
  })
})

describe('graph edits', () => {
  const demo = textOf('et-closing-time.yaml')

  it('adds a reply with the next free id, keeping the others (and their notForbidden note)', () => {
    // a turn of the curriculum whose replies carry a notForbidden note (which ones do changes with the detector)
    const found = FILES.flatMap((file) =>
      read(textOf(file)).nodes.flatMap((node) => {
        const noted = isEndNode(node) ? -1 : node.replies.findIndex((r) => r.notForbidden)
        return noted < 0 ? [] : [{ file, nodeId: node.id, noted }]
      }),
    )[0]
    if (!found) throw new Error('no scenario reply carries a notForbidden note')
    const text = textOf(found.file)
    const edit = editFromGraph(read(text), found.nodeId)
    if (edit.kind !== 'turn') throw new Error(`${found.nodeId} is a turn`)
    const before = edit.replies.map((r) => r.id)
    const original = read(text).nodes.find((n) => n.id === found.nodeId)!
    const note = isEndNode(original) ? null : original.replies[found.noted].notForbidden
    edit.replies.push({ text: '您稍等，我先把资费单打印给您看。', points: 2, feedback: '先讲清再办。', next: edit.replies[0].next })
    const result = editNode(text, found.nodeId, edit)
    expect(result.ok).toBe(true)
    const node = read(result.ok ? result.text : '').nodes.find((n) => n.id === found.nodeId)!
    const ids = isEndNode(node) ? [] : node.replies.map((r) => r.id)
    expect(ids.slice(0, -1)).toEqual(before)
    expect(before).not.toContain(ids.at(-1)) // a new id, free in the node
    expect(note).toBeTruthy()
    expect(isEndNode(node) ? null : node.replies[found.noted].notForbidden).toBe(note)
  })

  it('removes a reply left out of the edit', () => {
    const edit = editFromGraph(read(demo), 'n1')
    if (edit.kind !== 'turn') throw new Error('n1 is a turn')
    const result = editNode(demo, 'n1', { ...edit, replies: edit.replies.filter((r) => r.id !== 'r3') })
    const n1 = read(result.ok ? result.text : '').nodes[0]
    expect(isEndNode(n1) ? [] : n1.replies.map((r) => r.id)).toEqual(['r1', 'r2', 'r4'])
  })

  it.each([
    { what: 'a customer turn', edit: { kind: 'turn', customer: '我还有一个问题。', mood: 'calm', replies: [] } as NodeEdit, id: 'n4' },
    { what: 'an ending', edit: { kind: 'end', end: 'satisfied', text: '客户离开。' } as NodeEdit, id: 'end-1' },
  ])('adds $what as $id, last in the file', ({ edit, id }) => {
    const result = addNode(demo, edit)
    expect(result).toMatchObject({ ok: true, nodeId: id })
    expect(parse(result.ok ? result.text : '').nodes.at(-1).id).toBe(id)
  })

  it.each([
    { node: 'n1', expected: { ok: false, reason: 'node-in-use' } }, // the start
    { node: 'n3', expected: { ok: false, reason: 'node-in-use' } }, // replies lead to it
    { node: 'nope', expected: { ok: false, reason: 'no-node' } },
  ])('refuses to delete $node', ({ node, expected }) => expect(deleteNode(demo, node)).toEqual(expected))

  it('deletes a node nothing leads to', () => {
    const added = addNode(demo, { kind: 'end', end: 'complaint', text: '客户走了。' })
    const result = deleteNode(added.ok ? added.text : '', 'end-1')
    expect(result.ok && result.text).toBe(demo)
  })

  it.each([
    { text: 'nodes: [', reason: 'not-yaml' },
    { text: 'id: x\n', reason: 'not-yaml' },
  ])('refuses text that is not a scenario document ($reason)', ({ text, reason }) =>
    expect(editNode(text, 'n1', { kind: 'end', end: 'satisfied', text: 'x' })).toEqual({ ok: false, reason }))

  it('refuses to turn an ending into a customer turn', () =>
    expect(editNode(demo, 'end-ok', { kind: 'turn', customer: 'x', mood: 'calm', replies: [] })).toEqual({ ok: false, reason: 'kind-changed' }))

  it.each([
    { prefix: 'r', taken: [], id: 'r1' },
    { prefix: 'r', taken: ['r1', 'r2', 'r4'], id: 'r3' },
    { prefix: 'end-', taken: ['end-ok', 'end-1'], id: 'end-2' },
  ])('the next free id after $taken is $id', ({ prefix, taken, id }) => expect(freeId(prefix, taken)).toBe(id))
})
