// The CodeMirror 6 editor of the studio: Markdown (with the JSX-ish tags MDX adds), completion of our
// components and their attributes, and the checker's problems as diagnostics at their line and column.
// Imported with import() from the editor component only, so it is a chunk of its own, loaded on studio pages.
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete'
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands'
import { markdown } from '@codemirror/lang-markdown'
import { syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language'
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint'
import { EditorState } from '@codemirror/state'
import { EditorView, keymap, lineNumbers } from '@codemirror/view'
import { MDX_COMPONENTS } from '~/core/content/mdx-components'

export interface EditorProblem {
  line: number
  column: number
  message: string
}

/** `<Scr` completes component names; inside `<Script ` the attributes it takes, required ones first. */
export function completeComponents(context: CompletionContext): CompletionResult | null {
  const tag = context.matchBefore(/<[A-Z]?[A-Za-z]*$/)
  if (tag) {
    return {
      from: tag.from + 1,
      options: Object.entries(MDX_COMPONENTS).map(([name, rule]) => ({
        label: name,
        type: 'class',
        detail: rule.required.length ? rule.required.join(' ') : '',
        apply: rule.required.length ? `${name} ${rule.required.map((a) => `${a}=""`).join(' ')}` : name,
      })),
    }
  }
  const attribute = context.matchBefore(/<([A-Z][A-Za-z]*)\s(?:[^<>]*\s)?[a-z]*$/)
  if (!attribute) return null
  const name = /<([A-Z][A-Za-z]*)/.exec(attribute.text)?.[1] ?? ''
  const rule = MDX_COMPONENTS[name]
  if (!rule) return null
  const word = context.matchBefore(/[a-z]*$/)
  return {
    from: word ? word.from : context.pos,
    options: [...rule.required.map((a) => ({ label: a, type: 'property', detail: '*', apply: `${a}=""` })), ...rule.optional.map((a) => ({ label: a, type: 'property', apply: `${a}=""` }))],
  }
}

export function diagnosticsOf(state: EditorState, problems: readonly EditorProblem[]): Diagnostic[] {
  return problems.map((p) => {
    const line = state.doc.line(Math.min(Math.max(p.line, 1), state.doc.lines))
    const from = Math.min(line.from + Math.max(p.column - 1, 0), line.to)
    return { from, to: Math.max(from, Math.min(line.to, from + 40)), severity: 'error', message: p.message }
  })
}

export function createEditor(parent: HTMLElement, text: string, onChange: (text: string) => void): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        history(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        markdown(),
        syntaxHighlighting(defaultHighlightStyle),
        autocompletion({ override: [completeComponents] }),
        lintGutter(),
        EditorView.lineWrapping,
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString())
        }),
      ],
    }),
  })
}

export function showProblems(view: EditorView, problems: readonly EditorProblem[]): void {
  view.dispatch(setDiagnostics(view.state, diagnosticsOf(view.state, problems)))
}

export function replaceText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } })
}

export function insertAtCursor(view: EditorView, snippet: string): void {
  const { from, to } = view.state.selection.main
  view.dispatch({ changes: { from, to, insert: snippet }, selection: { anchor: from + snippet.length } })
  view.focus()
}
