// What the app's own SQLite write connections (the attempt store's, the session touch's) share.

// A write waiting for another connection's lock must not block the event loop (that connection may be Prisma's,
// waiting on this loop to commit): the busy timeout is 0 and a busy write is retried after a short pause instead.
const RETRY_FOR_MS = 5000
const isBusy = (error: unknown) => error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY')

export async function retryWhileBusy<T>(write: () => T): Promise<T> {
  const until = Date.now() + RETRY_FOR_MS
  for (let pause = 1; ; pause = Math.min(pause * 2, 20)) {
    try {
      return write()
    } catch (error) {
      if (!isBusy(error) || Date.now() > until) throw error
      await new Promise((resolve) => setTimeout(resolve, pause))
    }
  }
}
