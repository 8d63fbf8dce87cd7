// The draft's autosave as a plain fetch of the route's action (Remix's data request), not a fetcher: a fetcher whose
// request fails — the network drops for a moment — sends the page to the error boundary and the editor with it. Here
// a failed save is only reported; the text stays in the editor (and in localStorage, see kept-on-close), and the
// next save retries. A redirect (the session ended) is followed as a fetcher would.
import { useCallback, useState } from 'react'

export interface QuietSave<T> {
  state: 'idle' | 'submitting'
  data: T | undefined
  /** the fields of the last save sent, kept until the next */
  sent: Record<string, string> | undefined
  failed: boolean
  submit(fields: Record<string, string>): void
}

export function useQuietSave<T>(routeId: string): QuietSave<T> {
  const [state, setState] = useState<'idle' | 'submitting'>('idle')
  const [data, setData] = useState<T>()
  const [sent, setSent] = useState<Record<string, string>>()
  const [failed, setFailed] = useState(false)
  const submit = useCallback(
    (fields: Record<string, string>) => {
      const url = new URL(window.location.href)
      url.searchParams.set('_data', routeId)
      setState('submitting')
      setSent(fields)
      fetch(url, { method: 'POST', body: new URLSearchParams(fields) })
        .then(async (response) => {
          const redirect = response.headers.get('X-Remix-Redirect')
          if (redirect) return window.location.assign(redirect)
          if (!(response.headers.get('Content-Type') ?? '').includes('json')) throw new Error(`save answered ${response.status}`)
          setData((await response.json()) as T)
          setFailed(false)
        })
        .catch(() => setFailed(true))
        .finally(() => setState('idle'))
    },
    [routeId],
  )
  return { state, data, sent, failed, submit }
}
