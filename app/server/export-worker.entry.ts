// An export worker (export-workers.server.ts): for each export it is sent, its share of the people table's pages,
// read through its own read-only connection, built by the same code as in the request's thread (peopleCellPages) and
// written by csvBody (csv-write.server.ts); each run of pages is posted as text once the request has taken all but AHEAD - 1 of those
// before.
// Bundled beside the server build by scripts/build-export-worker.mjs; run from source through tsx otherwise.
import { parentPort } from 'node:worker_threads'
import { csvBody } from './csv-write.server'
import { AHEAD, type FromWorker, type ToWorker } from './export-workers.server'
import { peopleCellPages } from './manage-exports.server'

const port = parentPort!
const post = (message: FromWorker) => port.postMessage(message)

interface Running {
  untaken: number
  cancelled: boolean
  wake: (() => void) | null
}
const running = new Map<number, Running>()

port.on('message', (message: ToWorker) => {
  if (message.type === 'job') return void run(message)
  const state = running.get(message.id)
  if (!state) return
  if (message.type === 'ack') state.untaken--
  else state.cancelled = true
  state.wake?.()
  state.wake = null
})

async function run({ id, url, job, share }: Extract<ToWorker, { type: 'job' }>) {
  const state: Running = { untaken: 0, cancelled: false, wake: null }
  running.set(id, state)
  try {
    process.env.DATABASE_URL = url // the query layer opens (or keeps) its read connection on it
    const pages = peopleCellPages(job.basis, share, new URLSearchParams(job.params), new Date(job.now), job.words, job.language)
    // a message is a run of job.group pages (the last run of the export may be shorter)
    let text = ''
    let inRun = 0
    const send = async () => {
      while (state.untaken >= AHEAD && !state.cancelled) await new Promise<void>((resolve) => (state.wake = resolve))
      if (state.cancelled) return
      state.untaken++
      post({ id, page: text })
      text = ''
      inRun = 0
    }
    for await (const page of pages) {
      if (state.cancelled) break
      text += csvBody(page)
      if (++inRun === job.group) await send()
    }
    if (inRun > 0 && !state.cancelled) await send()
    if (!state.cancelled) post({ id, done: true })
  } catch (error) {
    post({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  } finally {
    running.delete(id)
  }
}
