// Starts the built app on a free port with a freshly seeded database, for the whole browser run: the same
// helper the benchmarks use (bench/lib/server.ts).
import { freePort, startSeededApp, waitFor } from '../../bench/lib/server'

export { freePort, waitFor }

export default async function setup({ provide }: { provide: (key: string, value: string) => void }) {
  const app = await startSeededApp()
  provide('baseURL', app.baseURL)
  // journeys that need a state no form can make (a due day in the past) set it in this file directly
  provide('databaseFile', app.dbFile)
  return () => app.stop()
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    databaseFile: string
  }
}
