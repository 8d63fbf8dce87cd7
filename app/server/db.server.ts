// The one Prisma client of the process: SQLite through better-sqlite3 (WAL mode with a busy timeout), or
// PostgreSQL through pg when DATABASE_URL is postgres://….
import path from 'node:path'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient, type Prisma } from '~/generated/prisma/client'
import { PrismaClient as PostgresPrismaClient } from '~/generated/prisma-postgres/client'

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? `file:${path.resolve('data/demo.db')}`
}

export type DatabaseEngine = 'sqlite' | 'postgres'

/** postgres://… or postgresql://… is PostgreSQL; anything else (file:…) is the embedded SQLite file. */
export function databaseEngine(url = databaseUrl()): DatabaseEngine {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite'
}

export function createPrismaClient(url = databaseUrl()): PrismaClient {
  if (databaseEngine(url) === 'postgres') {
    // Generated from the same models (prisma/postgres/schema.prisma, kept in step by db:migration:postgres):
    // only the SQL it compiles differs, so the app types it as the one client.
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) })
    // 50 parallel requests share a pool of 10: a transaction may wait longer than Prisma's 2 s for a connection
    return new PostgresPrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 15_000 } }) as unknown as PrismaClient
  }
  const adapter = new PrismaBetterSQLite3({ url, timeout: 5000 })
  return new PrismaClient({ adapter })
}

/** WAL lets readers run beside the writer; NORMAL sync is safe in WAL mode and much faster. (SQLite only.) */
export async function tuneConnection(client: PrismaClient, url = databaseUrl()): Promise<void> {
  if (databaseEngine(url) === 'postgres') return
  await client.$queryRawUnsafe('PRAGMA journal_mode = WAL')
  await client.$queryRawUnsafe('PRAGMA synchronous = NORMAL')
  await client.$queryRawUnsafe('PRAGMA foreign_keys = ON')
}

const globalForPrisma = globalThis as unknown as { __prisma?: PrismaClient; __prismaTuned?: Promise<void> }

function singleton(): PrismaClient {
  if (!globalForPrisma.__prisma) {
    globalForPrisma.__prisma = createPrismaClient()
    // queued first on the one connection, so every later query runs with these settings
    globalForPrisma.__prismaTuned = tuneConnection(globalForPrisma.__prisma).catch((error) =>
      console.error('could not tune the SQLite connection', error),
    )
  }
  return globalForPrisma.__prisma
}

/** Lazily opened, so that importing a module does not open the database. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = singleton()
    const value = Reflect.get(client, property, client)
    // An interactive transaction takes the connection before queued queries run: had it been the first
    // call, the pragmas would run inside it, where SQLite refuses them ("Safety level may not be changed").
    if (property === '$transaction') {
      const tuned = globalForPrisma.__prismaTuned ?? Promise.resolve()
      return (...args: unknown[]) => tuned.then(() => Reflect.apply(value, client, args))
    }
    return typeof value === 'function' ? value.bind(client) : value
  },
})

/** A write refused by a unique constraint (Prisma's P2002): the row is already there. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002'
}

/**
 * PostgreSQL refused a serializable transaction because another committed first (40001, Prisma's P2034), or
 * chose it as a deadlock's victim (40P01, which the pg adapter does not name): running it again is correct.
 */
export function isWriteConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  // inside an interactive transaction the pg adapter's own error surfaces, named by its kind
  const { code, name, message, cause, meta } = error as {
    code?: unknown
    name?: unknown
    message?: unknown
    cause?: { kind?: unknown; originalCode?: unknown }
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } }
  }
  const sqlState = cause?.originalCode ?? meta?.driverAdapterError?.cause?.originalCode
  return (
    code === 'P2034' ||
    name === 'TransactionWriteConflict' ||
    message === 'TransactionWriteConflict' ||
    cause?.kind === 'TransactionWriteConflict' ||
    sqlState === '40001' ||
    sqlState === '40P01'
  )
}

/**
 * Runs a transaction again when PostgreSQL reports a write conflict (SQLite serializes writers and never
 * does). Conflicts are retried for up to `budgetMs`, not a fixed number of times: 50–70 parallel requests
 * on one row may each lose many rounds before their turn. The pause grows and is random, to spread them.
 */
export async function retryingWriteConflicts<T>(transaction: () => Promise<T>, budgetMs = 30_000): Promise<T> {
  const started = Date.now()
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction()
    } catch (error) {
      if (!isWriteConflict(error) || Date.now() - started > budgetMs) throw error
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 5 * attempt)))
    }
  }
}

export type Transaction = Prisma.TransactionClient

export interface CheckThenWriteOptions {
  /** The client to run on (seeding and tests pass theirs); the app's by default. */
  db?: PrismaClient
  /** How long the transaction may run once started (Prisma's default is 5 s). */
  timeout?: number
}

/**
 * THE way a check and the write it guards run (house rule 3: limits, counters, approvals, sign-offs hold
 * under 50 parallel requests). One transaction at Serializable: SQLite runs one writer at a time anyway
 * (and Prisma's SQLite accepts only this level); PostgreSQL's default READ COMMITTED would let parallel
 * transactions each pass the check on what was committed before any of them wrote, while at Serializable it
 * refuses all but one of them, which are then run again on what the winner wrote.
 *
 * So `work` may run more than once: it must only read and write through `tx` (a read through the app's
 * client would also wait for a second pooled connection while holding one) and have no other side effect.
 */
export function checkThenWrite<T>(work: (tx: Transaction) => Promise<T>, options: CheckThenWriteOptions = {}): Promise<T> {
  const db = options.db ?? prisma
  const timeout = options.timeout ? { timeout: options.timeout } : {}
  return retryingWriteConflicts(() => db.$transaction(work, { isolationLevel: 'Serializable', ...timeout }))
}
