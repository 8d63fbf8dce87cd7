// Starts the built app on a free port with a freshly seeded database, for the whole browser run: the same
// helper the benchmarks use (bench/lib/server.ts).
import { freePort, startSeededApp, waitFor } from '../../bench/lib/server'

export { freePort, waitFor }

export default async function setup({ provide }: { provide: (key: string, value: string) => void }) {
  const app = await startSeededApp()
  provide('baseURL', app.baseURL)
  return () => app.stop()
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
  }
}
