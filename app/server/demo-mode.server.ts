// Demo mode: only `npm run demo` (scripts/demo.ts) starts the server with DEMO_MODE=1. In demo mode the login
// page may print the shared demo password; `npm start` never does.
import { DEFAULT_DEMO_PASSWORD } from './seed/demo.server'
export function isDemoMode(): boolean {
  return process.env.DEMO_MODE === '1'
}

/** The password the demo accounts share, for the login page's hint — null outside demo mode. */
export function demoPasswordHint(): string | null {
  if (!isDemoMode()) return null
  return process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD
}
