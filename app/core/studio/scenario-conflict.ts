// A graph edit that lost the revision race: what the trainer is shown, as the text editor shows a conflict, is a
// line diff of the scenario's YAML from the other trainer's version ("theirs") to "yours". The graph page holds
// no text of its own, so "yours" is the edit applied to the text the page was drawn from (sent with the edit);
// without it (no script, or a text the server will not take) the edit applied to their version, which still
// shows exactly what your save would have changed.
import { draftTextProblem } from './draft-text'
import type { EditResult } from './scenario-edits'
import { lineDiff, type DiffLine } from './text-diff'

export interface GraphConflict {
  /** The line diff from their text to yours; empty when the edit applies to neither text. */
  diff: DiffLine[]
  /** Which text the edit was applied to for "yours". */
  yoursFrom: 'your-page' | 'their-version' | 'none'
}

export function graphConflict(theirs: string, base: string | null, apply: (text: string) => EditResult): GraphConflict {
  if (base !== null && draftTextProblem(base) === null) {
    const yours = apply(base)
    if (yours.ok) return { diff: lineDiff(theirs, yours.text), yoursFrom: 'your-page' }
  }
  const onTheirs = apply(theirs)
  if (onTheirs.ok) return { diff: lineDiff(theirs, onTheirs.text), yoursFrom: 'their-version' }
  return { diff: [], yoursFrom: 'none' }
}
