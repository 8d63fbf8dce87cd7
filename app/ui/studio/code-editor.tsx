// The editor on the page: a plain textarea until CodeMirror's chunk has loaded (and without JavaScript), then
// CodeMirror over the same text. Problems arrive from the server's check and are drawn at their line.
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react'
import type { EditorProblem } from './codemirror-setup'

type Setup = typeof import('./codemirror-setup')

export interface CodeEditorHandle {
  insert(snippet: string): void
  replace(text: string): void
}

interface Props {
  name: string
  initialText: string
  problems: readonly EditorProblem[]
  onChange(text: string): void
  label: string
}

export const CodeEditor = forwardRef<CodeEditorHandle, Props>(function CodeEditor({ name, initialText, problems, onChange, label }, ref) {
  const host = useRef<HTMLDivElement>(null)
  const area = useRef<HTMLTextAreaElement>(null)
  const editor = useRef<{ view: import('@codemirror/view').EditorView; setup: Setup } | null>(null)
  const changed = useRef(onChange)
  changed.current = onChange

  useEffect(() => {
    let cancelled = false
    void import('./codemirror-setup').then((setup) => {
      if (cancelled || !host.current || !area.current) return
      const view = setup.createEditor(host.current, area.current.value, (text) => {
        if (area.current) area.current.value = text
        changed.current(text)
      })
      area.current.hidden = true
      editor.current = { view, setup }
      setup.showProblems(view, problems)
    })
    return () => {
      cancelled = true
      editor.current?.view.destroy()
      editor.current = null
    }
    // mounted once per file; later text comes from the editor itself
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    if (editor.current) editor.current.setup.showProblems(editor.current.view, problems)
  }, [problems])

  useImperativeHandle(ref, () => ({
    insert(snippet) {
      if (editor.current) editor.current.setup.insertAtCursor(editor.current.view, snippet)
      else if (area.current) {
        area.current.setRangeText(snippet, area.current.selectionStart, area.current.selectionEnd, 'end')
        changed.current(area.current.value)
      }
    },
    replace(text) {
      if (editor.current) editor.current.setup.replaceText(editor.current.view, text)
      else if (area.current) area.current.value = text
      changed.current(text)
    },
  }))

  return (
    <div className="studio-code">
      <textarea
        ref={area}
        name={name}
        aria-label={label}
        defaultValue={initialText}
        spellCheck={false}
        onChange={(event) => changed.current(event.currentTarget.value)}
      />
      <div ref={host} />
    </div>
  )
})
