// Never lost on a closed tab: unsaved text is kept in localStorage as it is typed (recovered on the next visit),
// and a tab hidden or closed before the autosave's debounce sends the save at once with sendBeacon.
import { useEffect, useRef, useState } from 'react'

interface Kept {
  text: string
  revision: number
  at: number
}

const keyOf = (path: string) => `studio-unsaved:${path}`

function read(path: string): Kept | null {
  try {
    const raw = window.localStorage.getItem(keyOf(path))
    return raw ? (JSON.parse(raw) as Kept) : null
  } catch {
    return null
  }
}

export function useKeptOnClose(input: { path: string; text: string; savedText: string; revision: number; baseNumber: number; serverText: string; saveNow(): void }) {
  const [recovered, setRecovered] = useState<string | null>(null)
  const latest = useRef(input)
  latest.current = input

  // on opening: text kept from an earlier visit that the server does not have is offered back
  useEffect(() => {
    const kept = read(input.path)
    if (kept && kept.text !== input.serverText) setRecovered(kept.text)
    else window.localStorage.removeItem(keyOf(input.path))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [input.path])

  useEffect(() => {
    const key = keyOf(input.path)
    try {
      if (input.text === input.savedText) window.localStorage.removeItem(key)
      else window.localStorage.setItem(key, JSON.stringify({ text: input.text, revision: input.revision, at: Date.now() } satisfies Kept))
    } catch {
      // storage full or disabled: the beacon below still tries
    }
  }, [input.path, input.text, input.savedText, input.revision])

  useEffect(() => {
    const flush = () => {
      const { path, text, savedText, revision, baseNumber } = latest.current
      if (text === savedText) return
      const body = new FormData()
      body.set('intent', 'save')
      body.set('path', path)
      body.set('text', text)
      body.set('revision', String(revision))
      body.set('baseNumber', String(baseNumber))
      navigator.sendBeacon('/trainer/studio/edit', body)
    }
    // only hidden (switched away): the editor's own save, so the page learns the new revision; closing: a beacon
    const onVisibility = () => {
      if (document.visibilityState === 'hidden' && latest.current.text !== latest.current.savedText) latest.current.saveNow()
    }
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      window.removeEventListener('pagehide', flush)
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }, [])

  return { text: recovered, dismiss: () => setRecovered(null) }
}
