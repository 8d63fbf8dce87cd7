// Where to send someone after sign-in: only a path on this site, never another host.
export function safeRedirect(target: unknown, fallback: string): string {
  if (typeof target !== 'string' || !target.startsWith('/')) return fallback
  // "//evil.example" and "/\evil.example" are read by browsers as another host.
  if (target.startsWith('//') || target.startsWith('/\\')) return fallback
  return target
}
