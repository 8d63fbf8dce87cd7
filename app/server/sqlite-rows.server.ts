// A statement's rows as plain objects of one shape, each made by a function compiled once per statement from its
// column names. better-sqlite3 11 on Node 20 makes a row object through V8's API: every column's name looked up in
// V8's string table and the property added one at a time, for every row. The statement runs in raw mode instead
// (an array a row) and a literal `{ "id": values[0], … }` makes the object: one shape for all its rows, which V8's
// compiled code reads fast. Inside the server (caches cold between requests) a one-row read of 11 columns cost
// ~39–49 µs as better-sqlite3 makes it and ~29–34 µs this way, a read of 20–30 steps ~72–117 against ~49–86
// (decision 0051). better-sqlite3 12 keeps the old way on Node 20; 13, which makes rows this way, needs Node 22.
import type Database from 'better-sqlite3'

export type ObjectRow = Record<string, unknown>

/** The reads of one statement, its rows made as objects keyed by its columns' names (the last of a repeated name wins,
 * as in better-sqlite3's own rows). The statement is put in raw mode: it is this reader's alone. */
export interface ObjectRows {
  get(parameters: readonly unknown[]): ObjectRow | undefined
  all(parameters: readonly unknown[]): ObjectRow[]
}

export function objectRows(statement: Database.Statement): ObjectRows {
  const make = rowMaker(statement.columns().map((column) => column.name))
  statement.raw(true)
  return {
    get: (parameters) => {
      const values = statement.get(parameters) as unknown[] | undefined
      return values === undefined ? undefined : make(values)
    },
    all: (parameters) => (statement.all(parameters) as unknown[][]).map(make),
  }
}

/** The function that makes a row of these column names from its values. */
export function rowMaker(names: readonly string[]): (values: readonly unknown[]) => ObjectRow {
  // a `__proto__` key in a literal sets the prototype instead of a property: no query of the app selects one
  if (names.includes('__proto__')) throw new Error('a column named __proto__ cannot be a row object’s key')
  const fields = names.map((name, i) => `${JSON.stringify(name)}: values[${i}]`)
  // the names are the statement's own columns, each written as a JSON string literal: nothing else enters the code
  return new Function('values', `return { ${fields.join(', ')} }`) as (values: readonly unknown[]) => ObjectRow
}
