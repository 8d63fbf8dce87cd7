// Autosave: a moment after the learner changes an answer, the whole answers form is posted with intent=save.
import { useFetcher } from '@remix-run/react'
import { useEffect, useRef } from 'react'

type SaveData = { errors: Array<{ itemId: string; error: string }>; closed?: boolean }

export function useAutosave(formId: string, delayMs = 800) {
  const fetcher = useFetcher<SaveData>()
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const submit = fetcher.submit
  useEffect(() => {
    const form = document.getElementById(formId) as HTMLFormElement | null
    if (!form) return
    const onChange = (event: Event) => {
      const target = event.target as HTMLInputElement | null
      if (!target || target.form !== form) return
      clearTimeout(timer.current)
      timer.current = setTimeout(() => {
        const data = new FormData(form)
        data.set('intent', 'save')
        submit(data, { method: 'post' })
      }, delayMs)
    }
    document.addEventListener('change', onChange)
    document.addEventListener('input', onChange)
    return () => {
      document.removeEventListener('change', onChange)
      document.removeEventListener('input', onChange)
      clearTimeout(timer.current)
    }
  }, [formId, delayMs, submit])
  const errors = fetcher.data?.errors
  // "closed": the attempt was submitted elsewhere or timed out, so the save stored nothing (answered 409)
  const state =
    fetcher.state !== 'idle' ? 'saving' : fetcher.data?.closed ? 'closed' : fetcher.data ? (errors?.length ? 'failed' : 'saved') : 'idle'
  return { state, errors } as const
}
