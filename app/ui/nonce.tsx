// The CSP nonce of the response being rendered, for Remix's <Scripts> and <ScrollRestoration>. Set by
// entry.server.tsx on the server; in the browser it is empty (scripts are already running by then).
import { createContext, useContext } from 'react'

const NonceContext = createContext<string>('')

export const NonceProvider = NonceContext.Provider

export function useNonce(): string {
  return useContext(NonceContext)
}
