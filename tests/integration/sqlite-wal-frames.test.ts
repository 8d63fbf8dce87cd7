// patches/better-sqlite3+11.10.0.patch changes SQLite's walFrames(): a commit's frames are written to the WAL in one
// call (up to 128 KiB a call), not two writes a frame (decision 0052). What must hold: the WAL it writes is the WAL
// SQLite writes, frame for frame — a database opened from a copy of the file and its WAL (no wal-index: SQLite
// rebuilds it by reading every frame and checking its checksum chain) holds every committed transaction, whatever
// the page size, the pages a transaction writes (past one call's 128 KiB), overflow pages, and a transaction that
// spills pages before its commit (frames written twice, their checksums written again at the commit).
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const onPostgres = process.env.TEST_DATABASE === 'postgres'
const folders: string[] = []
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })))

function scratch(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'ssa-wal-'))
  folders.push(folder)
  return folder
}

/** A WAL database that never checkpoints on its own: every commit stays in the WAL until the test copies it. */
function walDatabase(file: string, pageSize: number, cachePages?: number) {
  const db = new Database(file)
  db.pragma(`page_size = ${pageSize}`)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('wal_autocheckpoint = 0')
  if (cachePages !== undefined) db.pragma(`cache_size = ${cachePages}`)
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB NOT NULL)')
  return db
}

/** What a crash leaves: the file and its WAL, without the wal-index; opened elsewhere, SQLite recovers from the WAL. */
function recovered(file: string): { rows: Map<number, string>; integrity: string } {
  const copy = path.join(scratch(), 'copy.db')
  copyFileSync(file, copy)
  copyFileSync(`${file}-wal`, `${copy}-wal`)
  const db = new Database(copy)
  const integrity = db.pragma('integrity_check', { simple: true }) as string
  const rows = new Map((db.prepare('SELECT id, hex(body) AS body FROM t').all() as Array<{ id: number; body: string }>).map((r) => [r.id, r.body]))
  db.close()
  return { rows, integrity }
}

const bodyOf = (size: number, seed: number) => Buffer.alloc(size, seed % 251)
const hex = (body: Buffer) => body.toString('hex').toUpperCase()

type Change = { kind: 'put'; id: number; size: number; seed: number } | { kind: 'delete'; id: number }
const change: fc.Arbitrary<Change> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('put' as const), id: fc.integer({ min: 1, max: 400 }), size: fc.integer({ min: 0, max: 40_000 }), seed: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 1, max: 400 }) }) },
)

describe.skipIf(onPostgres)('the WAL SQLite writes in one call a commit (SQLite)', () => {
  it('the SQLite built in is the patched one (its compile options name the patch)', () => {
    const db = new Database(':memory:')
    const options = db.pragma('compile_options', { simple: false }) as Array<{ compile_options: string }>
    db.close()
    expect(options.map((o) => o.compile_options)).toContain('SSA_WAL_FRAMES_IN_ONE_WRITE')
  })

  it('a commit of 40 pages is written in a handful of write calls, not two a page', () => {
    const db = walDatabase(path.join(scratch(), 'calls.db'), 4096)
    const insert = db.prepare('INSERT INTO t (id, body) VALUES (?, ?)')
    const writes = () => Number(/^syscw: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))![1])
    insert.run(1, bodyOf(10, 1)) // the WAL's header written, the statement compiled
    const before = writes()
    insert.run(2, bodyOf(40 * 4096, 2)) // ~41 pages: the row's page and its overflow pages
    const calls = writes() - before
    db.close()
    // two calls of up to 31 frames (128 KiB), where SQLite alone makes ~82
    expect(calls).toBeLessThanOrEqual(4)
  })

  it.each([
    ['1 KiB pages', 1024, undefined],
    ['4 KiB pages', 4096, undefined],
    ['64 KiB pages', 65_536, undefined],
    ['4 KiB pages, a cache of 8 pages (transactions spill before their commit)', 4096, 8],
  ])('recovery from the WAL finds every committed transaction: %s', (_, pageSize, cachePages) => {
    fc.assert(
      fc.property(fc.array(fc.array(change, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 8 }), (transactions) => {
        const file = path.join(scratch(), 'wal.db')
        const db = walDatabase(file, pageSize, cachePages)
        const put = db.prepare('INSERT INTO t (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body')
        const drop = db.prepare('DELETE FROM t WHERE id = ?')
        const expected = new Map<number, string>()
        for (const changes of transactions) {
          db.transaction(() => {
            for (const c of changes) {
              if (c.kind === 'put') put.run(c.id, bodyOf(c.size, c.seed))
              else drop.run(c.id)
            }
          })()
          for (const c of changes) {
            if (c.kind === 'put') expected.set(c.id, hex(bodyOf(c.size, c.seed)))
            else expected.delete(c.id)
          }
        }
        const found = recovered(file)
        db.close()
        expect(found.integrity).toBe('ok')
        expect(found.rows).toEqual(expected)
      }),
      { numRuns: 12 },
    )
  })

  it('a transaction of 300 pages that spills half-way is recovered whole, and one rolled back leaves nothing', () => {
    const file = path.join(scratch(), 'spill.db')
    const db = walDatabase(file, 4096, 8)
    const put = db.prepare('INSERT INTO t (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body')
    db.transaction(() => {
      for (let id = 1; id <= 300; id++) put.run(id, bodyOf(3000, id))
      for (let id = 1; id <= 300; id += 7) put.run(id, bodyOf(5000, id + 1)) // pages written again after the spill
    })()
    expect(() =>
      db.transaction(() => {
        for (let id = 301; id <= 400; id++) put.run(id, bodyOf(3000, id))
        throw new Error('rolled back')
      })(),
    ).toThrow('rolled back')
    const found = recovered(file)
    db.close()
    expect(found.integrity).toBe('ok')
    expect(found.rows.size).toBe(300)
    expect(found.rows.get(8)).toBe(hex(bodyOf(5000, 9)))
    expect(found.rows.get(9)).toBe(hex(bodyOf(3000, 9)))
  })
})
