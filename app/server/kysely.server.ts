// The typed query layer: Kysely over the database DATABASE_URL names, with row types generated from
// schema.prisma (app/generated/kysely). Page reads go through it; Prisma keeps migrations and most writes.
// On SQLite it is a second, read-only connection whose prepared statements are kept (Kysely prepares every
// query afresh; preparing costs more than these small reads). On PostgreSQL it is a small pg pool.
import path from 'node:path'
import Database from 'better-sqlite3'
import {
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
  type CompiledQuery,
  DummyDriver,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely'
import pg from 'pg'
import type { DB } from '~/generated/kysely/types'
import type { PrismaClient } from '~/generated/prisma/client'
import { databaseEngine, databaseUrl, prisma } from './db.server'
import { openReadConnection } from './sqlite-read.server'
import { objectRows, type ObjectRows } from './sqlite-rows.server'

export type Queries = Kysely<DB>

interface Opened {
  url: string
  queries: Queries
  /** A compiled read made ready to run with each call's arguments: on SQLite its statement prepared once and
   * run straight (no executor, no lookup by SQL text, no copy of the compiled query per call), on the mapped
   * connection when `bulk` (sqlite-read.server.ts says why the point reads are not). */
  ready<Args extends Arguments, Row>(read: CompiledWithArguments<Args, Row>, bulk: boolean): (args: Args) => Promise<Row[]>
  /** The same, each row an array of `columns` in order (SQLite: better-sqlite3's raw mode, no object a row): a bulk
   * read always. */
  readyColumns<Args extends Arguments, Row>(read: CompiledWithArguments<Args, Row>, columns: ReadonlyArray<keyof Row & string>): (args: Args) => Promise<unknown[][]>
  /** SQLite: the two read connections' mmap_size and cache_size, as the connections report them. */
  settings?(): { point: ReadSettings; bulk: ReadSettings }
}

export interface ReadSettings {
  mmapSize: number
  cacheSize: number
}

let current: Opened | null = null

function opened(): Opened {
  const url = databaseUrl()
  if (current?.url !== url) {
    void current?.queries.destroy()
    current = open(url)
  }
  return current
}

/** SQLite: what the query layer's two read connections report of their map and cache; null on PostgreSQL. */
export function readConnectionSettings(): { point: ReadSettings; bulk: ReadSettings } | null {
  return opened().settings?.() ?? null
}

/** The query layer for the current DATABASE_URL (reopened when a test points it at another database). */
export function queries(): Queries {
  return opened().queries
}

function open(url: string): Opened {
  if (databaseEngine(url) === 'postgres') {
    const pool = postgresPool(url)
    const queries = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
    return {
      url,
      queries,
      ready: <Args extends Arguments, Row>(read: CompiledWithArguments<Args, Row>) => async (args: Args) =>
        (await queries.executeQuery<Row>({ ...read.query, parameters: read.parameters(args) })).rows,
      // pg's array rows (no object a row, then no array made from it), the columns checked once against the result's
      readyColumns: <Args extends Arguments, Row>(read: CompiledWithArguments<Args, Row>, columns: ReadonlyArray<keyof Row & string>) => {
        let checked = false
        return async (args: Args) => {
          const result = await pool.query<unknown[]>({ text: read.query.sql, values: [...read.parameters(args)], rowMode: 'array' })
          if (!checked) checked = selectsColumns(result.fields.map((field) => field.name), columns)
          return result.rows
        }
      },
    }
  }
  const file = path.resolve(url.replace(/^file:/, ''))
  // the point reads (Kysely's own queries too) on a connection of their own; the bulk reads' mapped one is opened at
  // the first bulk read (most requests make none)
  const connection = openReadConnection(file, { mapped: false })
  const reads = keptReads(connection)
  let bulk: Database.Database | null = null
  const bulkConnection = () => (bulk ??= openReadConnection(file, { mapped: true }))
  const close = () => {
    connection.close()
    bulk?.close()
  }
  const settingsOf = (on: Database.Database): ReadSettings => ({
    mmapSize: Number(on.pragma('mmap_size', { simple: true })),
    cacheSize: Number(on.pragma('cache_size', { simple: true })),
  })
  const queries = new Kysely<DB>({ dialect: readOnlySqlite(reads, close) })
  return {
    url,
    queries,
    ready: <Args extends Arguments, Row>(read: CompiledWithArguments<Args, Row>, isBulk: boolean) => {
      // its own statement (raw mode is the statement's), its rows made by one literal (sqlite-rows.server.ts)
      const rows = objectRows((isBulk ? bulkConnection() : connection).prepare(read.query.sql))
      // rows are typed by the query that compiled the SQL, as in Kysely's own driver
      return async (args: Args) => rows.all(read.parameters(args)) as Row[]
    },
    settings: () => ({ point: settingsOf(connection), bulk: settingsOf(bulkConnection()) }),
    readyColumns: <Args extends Arguments, Row>(read: CompiledWithArguments<Args, Row>, columns: ReadonlyArray<keyof Row & string>) => {
      const statement = bulkConnection().prepare(read.query.sql).raw(true) // its own statement: raw mode is the statement's
      selectsColumns(statement.columns().map((column) => column.name), columns)
      return async (args: Args) => statement.all(read.parameters(args)) as unknown[][]
    },
  }
}

/** A read of columns by position holds only if the statement selects exactly the columns asked, in their order. */
function selectsColumns(selected: readonly string[], asked: readonly string[]): true {
  if (selected.join() !== asked.join()) throw new Error(`columns ${asked.join()} asked of a read selecting ${selected.join()}`)
  return true
}

/**
 * Kysely's SQLite dialect with a lighter driver: better-sqlite3 runs a statement synchronously, so a read-only
 * connection needs no lock around it (Kysely's own driver queues every query behind a mutex, for transactions,
 * which cost more CPU per page than the reads). Transactions are refused: writes go through Prisma.
 */
function readOnlySqlite(reads: (sql: string) => ObjectRows, close: () => void): Dialect {
  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      // rows are typed by the query that compiled the SQL, as in Kysely's own driver
      return { rows: reads(query.sql).all(query.parameters) as R[] }
    },
    streamQuery() {
      throw new Error('streaming is not used')
    },
  }
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    releaseConnection: async () => {},
    beginTransaction: async () => {
      throw new Error('the query layer reads only: write through Prisma')
    },
    commitTransaction: async () => {},
    rollbackTransaction: async () => {},
    destroy: async () => close(),
  }
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => driver,
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  }
}

const MAX_STATEMENTS = 500

/** The reads of Kysely's own queries on a connection, each SQL text's statement kept (bounded: IN lists vary in
 * length), its rows made by one literal (sqlite-rows.server.ts). */
function keptReads(database: Database.Database): (sql: string) => ObjectRows {
  const statements = new Map<string, ObjectRows>()
  return (sql) => {
    let rows = statements.get(sql)
    if (!rows) {
      if (statements.size >= MAX_STATEMENTS) statements.clear()
      rows = objectRows(database.prepare(sql))
      statements.set(sql, rows)
    }
    return rows
  }
}

/**
 * A query layer that only compiles SQLite SQL (no connection): for code that runs the statements itself on a
 * connection of its own (the quiz attempt store's synchronous write transactions).
 */
export const sqliteStatements: Queries = new Kysely<DB>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
})

// PostgreSQL's TIMESTAMP(3) (type 1114), as Prisma writes it: UTC wall time without a zone. pg would read
// it as local time; read it as UTC.
const TIMESTAMP = 1114

function postgresPool(url: string): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === TIMESTAMP ? (text: string) => new Date(`${text.replace(' ', 'T')}Z`) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  })
}

// A query's argument while it is being compiled: compiled once, the query's parameters name the argument
// (and the list element) each value comes from.
class Argument {
  constructor(
    readonly index: number,
    readonly element?: number,
  ) {}
}

export type Arguments = ReadonlyArray<string | number | null | readonly string[]>

/** A query compiled with placeholders for its arguments, and the parameters of one call. */
export interface CompiledWithArguments<Args extends Arguments, Row> {
  query: CompiledQuery<Row>
  parameters(args: Args): readonly unknown[]
}

/**
 * Compiles `build` once for arguments shaped like `shapeOf` (a list argument's length counts): `build` must pass
 * its arguments to Kysely as values only (no branching on them), since it sees placeholders.
 */
export function compileWithArguments<Args extends Arguments, Row>(
  queries: Queries,
  build: (q: Queries, ...args: Args) => Compilable<Row>,
  shapeOf: Args,
): CompiledWithArguments<Args, Row> {
  const placeholders = shapeOf.map((arg, index) => (Array.isArray(arg) ? arg.map((_, element) => new Argument(index, element)) : new Argument(index)))
  const query = build(queries, ...(placeholders as unknown as Args)).compile()
  // the usual case: the parameters are the arguments themselves, in order (no constants, no lists)
  const inOrder = query.parameters.length === shapeOf.length && query.parameters.every((value, i) => value instanceof Argument && value.index === i && value.element === undefined)
  return {
    query,
    parameters: inOrder
      ? (args) => args
      : (args) =>
          query.parameters.map((value) => {
            if (!(value instanceof Argument)) return value
            const arg = args[value.index]
            return value.element === undefined ? arg : (arg as readonly string[])[value.element]
          }),
  }
}

/**
 * One compiled statement per database and per argument shape, made by `make` the first time a shape is seen on the
 * database in use (tests point DATABASE_URL elsewhere: a new database starts with no statements).
 */
function statementsByShape<Args extends Arguments, Run>(make: (database: Opened, args: Args) => Run): (args: Args) => Run {
  let readyFor: Opened | null = null
  let shapes = new Map<string, Run>()
  return (args) => {
    const database = opened()
    if (database !== readyFor) {
      readyFor = database
      shapes = new Map()
    }
    const shape = shapeOf(args)
    let run = shapes.get(shape)
    if (run === undefined) shapes.set(shape, (run = make(database, args)))
    return run
  }
}

/**
 * A read compiled once per database and argument shape (a list argument's length), then run with the
 * arguments of each call: building and compiling a Kysely query costs more than running these small reads,
 * and the same SQL text reuses SQLite's prepared statement. `{ bulk: true }` for a read of a unit's many rows (an
 * overview's figures): it runs on the mapped connection, as the raw-row reads do (sqlite-read.server.ts).
 */
export function preparedRead<Args extends Arguments, Row>(
  build: (q: Queries, ...args: Args) => Compilable<Row>,
  { bulk = false }: { bulk?: boolean } = {},
): (...args: Args) => Promise<Row[]> {
  const statementFor = statementsByShape((database, args: Args) => database.ready(compileWithArguments(database.queries, build, args), bulk))
  return (...args) => statementFor(args)(args)
}

/** A row of `columns` of Row, in that order. */
export type ColumnsOf<Row, Columns extends ReadonlyArray<keyof Row>> = { [I in keyof Columns]: Row[Columns[I]] }

/**
 * preparedRead for reads of thousands of rows: each row an array of `columns`, which must be the query's selection
 * in its order (checked when the statement is prepared). On SQLite no object is made a row (better-sqlite3's raw
 * mode: the people export, decision 0043).
 */
export function preparedColumnsRead<Args extends Arguments, Row>(build: (q: Queries, ...args: Args) => Compilable<Row>) {
  return <const Columns extends ReadonlyArray<keyof Row & string>>(columns: Columns): ((...args: Args) => Promise<Array<ColumnsOf<Row, Columns>>>) => {
    const statementFor = statementsByShape((database, args: Args) => database.readyColumns(compileWithArguments(database.queries, build, args), columns))
    // typed by the query that compiled the SQL and the column names checked against it
    return async (...args) => (await statementFor(args)(args)) as unknown as Array<ColumnsOf<Row, Columns>>
  }
}

/** A call's argument shape: '' for scalars only, else each list argument's length (an IN list compiles per length). */
function shapeOf(args: Arguments): string {
  let shape = ''
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (Array.isArray(arg)) shape += `${i}:${arg.length},`
  }
  return shape
}

/** What a read needs of a Prisma client to run inside its transaction. */
export type TransactionReader = Pick<PrismaClient, '$queryRawUnsafe'>

/**
 * A prepared read that a check-then-write can also run inside its transaction, so that a fact keeps one query
 * whichever connection reads it: given the app's client (`prisma`), the prepared read; given a transaction's
 * (or a test's) client, the same compiled SQL on that client's connection. The one place reads run raw SQL;
 * its rows carry the stored forms (instant(), flag(), Number() read them, as for the prepared read).
 */
export function preparedReadFor<Args extends Arguments, Row>(build: (q: Queries, ...args: Args) => Compilable<Row>): (db: TransactionReader, ...args: Args) => Promise<Row[]> {
  const prepared = preparedRead(build)
  return (db, ...args) => {
    if (db === prisma) return prepared(...args)
    const { query, parameters } = compileWithArguments(opened().queries, build, args)
    return db.$queryRawUnsafe<Row[]>(query.sql, ...parameters(args))
  }
}
