// The studio's scenario editor: one scenario file drawn as a graph, with content:check's problems on its nodes,
// and node edits saved into the same draft (revision, conflict) as the text editor's. Publishing and discarding
// go through studioEditAction, as for every other file.
import { parseYaml } from '~/core/content/yaml-document'
import { ScenarioSchema, type Scenario } from '~/core/quiz/scenario-graph'
import { graphConflict, type GraphConflict } from '~/core/studio/scenario-conflict'
import { addNode, deleteNode, editNode, type EditResult } from '~/core/studio/scenario-edits'
import { problemsOnNodes, scenarioGraph, type ScenarioGraph } from '~/core/studio/scenario-graph-view'
import type { Language } from '~/i18n/catalog'
import { prisma } from '../db.server'
import { notFound } from '../responses.server'
import type { SessionUser } from '../people.server'
import { checkDraft, publishedSources } from './draft-check.server'
import { draftOf, saveDraft, touchPresence } from './drafts.server'
import { inlineProblems, requireAuthorOf } from './studio-pages.server'
import { ScenarioEditForm } from './scenario-input.server'

/** The scenario file a URL or form names, if it is one and the user may author its course. */
export async function requireScenarioAuthor(user: SessionUser, path: string) {
  const { file, courseId } = await requireAuthorOf(user, path)
  if (file.kind !== 'scenario') notFound('scenario file')
  return { file, courseId }
}

/** The text the trainer edits now: the draft if there is one, else the published file. */
export async function currentScenarioText(path: string) {
  const [published, draft] = await Promise.all([publishedSources(prisma).then((files) => files.find((f) => f.path === path) ?? null), draftOf(prisma, path)])
  if (!published && !draft) notFound('scenario file')
  return { text: draft?.text ?? published?.text ?? '', published, draft }
}

/** The scenario parsed from YAML, or null when it does not parse (the text editor shows why). */
export function parseScenario(text: string): Scenario | null {
  const { source, problems } = parseYaml('scenario', text)
  if (problems.length) return null
  const parsed = ScenarioSchema.safeParse(source.document.toJS())
  return parsed.success ? parsed.data : null
}

export interface ScenarioPage {
  path: string
  title: { zh: string; en: string } | null
  published: number | null
  draft: { revision: number; baseNumber: number; updatedBy: string } | null
  others: string[]
  graph: ScenarioGraph | null
  /** The YAML the graph is drawn from: sent back with an edit, so a conflict can show theirs against yours. */
  text: string
  /** Problems of the file that belong to no node, and problems of other files this draft causes. */
  problems: string[]
  problemCount: number
}

export async function openScenario(user: SessionUser, path: string, language: Language, now: Date): Promise<ScenarioPage> {
  await requireScenarioAuthor(user, path)
  const [{ text, published, draft }, others] = await Promise.all([currentScenarioText(path), touchPresence(prisma, path, user.id, now)])
  const problems = inlineProblems(path, await checkDraft(prisma, path, text, language), language)
  const own = problems.filter((p) => p.file === null)
  const placed = problemsOnNodes(text, own)
  const scenario = parseScenario(text)
  return {
    path,
    title: scenario?.title ?? null,
    published: published?.number ?? null,
    draft: draft ? { revision: draft.revision, baseNumber: draft.baseNumber, updatedBy: draft.updatedBy } : null,
    others,
    graph: scenario ? scenarioGraph(scenario, placed.byNode) : null,
    text,
    problems: [...placed.scenario, ...problems.filter((p) => p.file !== null).map((p) => `${p.file}:${p.line} ${p.message}`)],
    problemCount: problems.length,
  }
}

export type ScenarioEditResult =
  | { intent: 'graph'; ok: true; revision: number; nodeId: string }
  | { intent: 'graph'; ok: false; conflict: { revision: number; updatedBy: string } & GraphConflict }
  | { intent: 'graph'; ok: false; refused: string }

/**
 * A node edit, an added node or a deleted one, applied to the draft at the revision the page showed and saved
 * against that revision: if another trainer saved meanwhile, nothing is written and the page gets their change.
 */
export async function scenarioGraphAction(user: SessionUser, form: FormData, now: Date): Promise<ScenarioEditResult> {
  const parsed = ScenarioEditForm.safeParse(form)
  if (!parsed.success) {
    // authorise before saying anything about the form
    await requireScenarioAuthor(user, String(form.get('path') ?? ''))
    return { intent: 'graph', ok: false, refused: 'invalid' }
  }
  const input = parsed.data
  await requireScenarioAuthor(user, input.path)
  const { text, published, draft } = await currentScenarioText(input.path)
  const apply = (on: string): EditResult =>
    input.op === 'delete-node' ? deleteNode(on, input.node) : input.op === 'add-node' ? addNode(on, input.edit) : editNode(on, input.node, input.edit)
  // the page showed another revision: nothing is written; the trainer sees their text against yours
  if ((draft?.revision ?? 0) !== input.revision) {
    return { intent: 'graph', ok: false, conflict: { revision: draft?.revision ?? 0, updatedBy: draft?.updatedBy ?? '', ...graphConflict(text, input.base, apply) } }
  }
  const edited = apply(text)
  if (!edited.ok) return { intent: 'graph', ok: false, refused: edited.reason }
  const saved = await saveDraft(prisma, { path: input.path, text: edited.text, revision: input.revision, baseNumber: draft?.baseNumber ?? published?.number ?? 0, userId: user.id, now })
  if (saved.ok) return { intent: 'graph', ok: true, revision: saved.revision, nodeId: edited.nodeId }
  if ('refused' in saved) return { intent: 'graph', ok: false, refused: saved.refused.code }
  // another save won the race since the read above: theirs is the draft now (or the published file, the draft gone)
  const theirs = saved.conflict.revision === 0 ? (published?.text ?? '') : saved.conflict.text
  return { intent: 'graph', ok: false, conflict: { revision: saved.conflict.revision, updatedBy: saved.conflict.updatedBy, ...graphConflict(theirs, input.base ?? text, apply) } }
}
