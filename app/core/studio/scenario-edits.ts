// Graph edits written back into the scenario's YAML: the document is edited in place (yaml's Document), so what
// the trainer did not touch — comments, `source`, `notForbidden`, the order of nodes, flow or block style — stays
// exactly as it was, and the result is the YAML the importer reads (scenarios/<id>.yaml).
import { isMap, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml'
import type { EndKind, Mood } from '../quiz/scenario-graph'

export interface ReplyEdit {
  /** An existing reply's id; absent for a reply added in this edit (it gets the next free r<n>). */
  id?: string
  text: string
  points: number
  feedback: string
  next: string
}

export type NodeEdit = { kind: 'turn'; customer: string; mood: Mood; replies: ReplyEdit[] } | { kind: 'end'; end: EndKind; text: string }

export type EditResult = { ok: true; text: string; nodeId: string } | { ok: false; reason: 'not-yaml' | 'no-node' | 'kind-changed' | 'node-in-use' }

function documentOf(text: string): Document.Parsed | null {
  const document = parseDocument(text, { uniqueKeys: true })
  if (document.errors.length > 0 || !isSeq(document.get('nodes', true))) return null
  return document
}

function nodesOf(document: Document.Parsed): YAMLMap[] {
  const seq = document.get('nodes', true)
  return isSeq(seq) ? seq.items.filter(isMap) : []
}

const idOf = (node: YAMLMap) => String(node.get('id'))
// long lines stay on one line, as authors wrote them (the default folds at 80 columns)
const KEEP_LINES = { lineWidth: 0 }

/** `prefix` followed by the smallest number from 1 that no id in `taken` has. */
export function freeId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`
}

/** Sets the node's own fields and its replies: kept replies are edited in place, missing ones removed, new ones appended. */
export function editNode(text: string, nodeId: string, edit: NodeEdit): EditResult {
  const document = documentOf(text)
  if (!document) return { ok: false, reason: 'not-yaml' }
  const node = nodesOf(document).find((n) => idOf(n) === nodeId)
  if (!node) return { ok: false, reason: 'no-node' }
  if ((node.has('end') ? 'end' : 'turn') !== edit.kind) return { ok: false, reason: 'kind-changed' }
  if (edit.kind === 'end') {
    node.set('end', edit.end)
    node.set('text', edit.text)
    return { ok: true, text: document.toString(KEEP_LINES), nodeId }
  }
  node.set('customer', edit.customer)
  node.set('mood', edit.mood)
  const existing = node.get('replies', true)
  const old = isSeq(existing) ? existing.items.filter(isMap) : []
  const taken = [...old.map(idOf), ...edit.replies.flatMap((r) => (r.id ? [r.id] : []))]
  const replies = edit.replies.map((reply) => {
    const kept = reply.id ? old.find((r) => idOf(r) === reply.id) : undefined
    const id = reply.id ?? freeId('r', taken)
    if (!reply.id) taken.push(id)
    const map = kept ?? (document.createNode({ id }) as YAMLMap)
    map.set('text', reply.text)
    map.set('points', reply.points)
    map.set('feedback', reply.feedback)
    map.set('next', reply.next)
    return map
  })
  const seq = isSeq(existing) ? existing : document.createNode([])
  if (isSeq(seq)) seq.items = replies
  node.set('replies', seq)
  return { ok: true, text: document.toString(KEEP_LINES), nodeId }
}

/** Appends a node (n<k> for a customer turn, end-<k> for an ending); it is unreachable until a reply leads to it. */
export function addNode(text: string, edit: NodeEdit): EditResult {
  const document = documentOf(text)
  if (!document) return { ok: false, reason: 'not-yaml' }
  const ids = nodesOf(document).map(idOf)
  const nodeId = freeId(edit.kind === 'end' ? 'end-' : 'n', ids)
  const value = edit.kind === 'end' ? { id: nodeId, end: edit.end, text: edit.text } : { id: nodeId, customer: edit.customer, mood: edit.mood, replies: [] }
  document.addIn(['nodes'], document.createNode(value))
  if (edit.kind === 'turn' && edit.replies.length > 0) return editNode(document.toString(KEEP_LINES), nodeId, edit)
  return { ok: true, text: document.toString(KEEP_LINES), nodeId }
}

/** Removes a node that no reply leads to and that is not the start (remove or redirect those replies first). */
export function deleteNode(text: string, nodeId: string): EditResult {
  const document = documentOf(text)
  if (!document) return { ok: false, reason: 'not-yaml' }
  const nodes = nodesOf(document)
  if (!nodes.some((n) => idOf(n) === nodeId)) return { ok: false, reason: 'no-node' }
  const start = String(document.get('start'))
  const pointedAt = nodes.some((n) => {
    const replies = n.get('replies', true)
    return idOf(n) !== nodeId && isSeq(replies) && replies.items.some((r) => isMap(r) && String(r.get('next')) === nodeId)
  })
  if (start === nodeId || pointedAt) return { ok: false, reason: 'node-in-use' }
  const seq = document.get('nodes', true)
  if (isSeq(seq)) seq.items = seq.items.filter((item) => !(isMap(item) && idOf(item) === nodeId))
  return { ok: true, text: document.toString(KEEP_LINES), nodeId }
}
