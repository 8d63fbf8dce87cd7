import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { objectRows, rowMaker } from './sqlite-rows.server'

const db = new Database(':memory:')
db.exec(`create table t (id text primary key, n integer, x real, b blob, note text)`)
afterAll(() => db.close())

describe('objectRows', () => {
  const insert = db.prepare('insert into t values (?, ?, ?, ?, ?)')
  insert.run('a', 1, 1.5, Buffer.from([1, 2]), null)
  insert.run('b', -2, 0, null, '员工,"引号"')

  // better-sqlite3's own object rows, the reference: the same keys in the same order, the same values
  const own = (sql: string, parameters: unknown[]) => db.prepare(sql).all(parameters)

  it.each([
    ['every column', 'select * from t order by id', []],
    ['a parameter', 'select id, n from t where id = ?', ['b']],
    ['no row', 'select id, n from t where id = ?', ['none']],
    ['a repeated name: the last wins', 'select id, n as id from t order by id', []],
    ['names that are not identifiers', `select id as "a b", n as "1", note as "é" from t order by id`, []],
    ['an expression', 'select count(*), max(n) from t', []],
  ])('%s: the rows better-sqlite3 makes', (_, sql, parameters) => {
    const rows = objectRows(db.prepare(sql))
    const expected = own(sql, parameters)
    expect(rows.all(parameters)).toEqual(expected)
    for (let i = 0; i < expected.length; i++) expect(Object.keys(rows.all(parameters)[i])).toEqual(Object.keys(expected[i] as object))
    expect(rows.get(parameters)).toEqual(expected[0])
  })

  it('a write that returns rows (RETURNING) is read the same way', () => {
    const rows = objectRows(db.prepare('update t set n = n + 1 where id = ? returning id, n'))
    expect(rows.get(['a'])).toEqual({ id: 'a', n: 2 })
    expect(rows.get(['none'])).toBeUndefined()
  })

  it('refuses a statement that returns no rows, and a column named __proto__', () => {
    expect(() => objectRows(db.prepare('delete from t where id = ?'))).toThrow()
    expect(() => rowMaker(['id', '__proto__'])).toThrow(/__proto__/)
  })

  it('any column names: each value under its name, the last of a repeated name winning', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 12 }).filter((names) => !names.includes('__proto__')), (names) => {
        const values = names.map((_, i) => i)
        const expected: Record<string, unknown> = {}
        names.forEach((name, i) => (expected[name] = values[i]))
        expect(rowMaker(names)(values)).toEqual(expected)
      }),
    )
  })
})

describe('raw rows (better-sqlite3 patched: a row made in one call, up to 64 columns; past that as before)', () => {
  it.each([1, 11, 64, 65, 80])('%i columns: every value in its place', (n) => {
    const columns = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? `null as c${i}` : i % 3 === 1 ? `${i} as c${i}` : `'v${i}' as c${i}`))
    const row = db.prepare(`select ${columns.join(', ')}`).raw(true).get()
    expect(row).toEqual(Array.from({ length: n }, (_, i) => (i % 3 === 0 ? null : i % 3 === 1 ? i : `v${i}`)))
  })
})
