// Where a stored roll-up differs from one recomputed from its source rows: the pairs missing, extra, or with other
// figures. One comparison for every roll-up (QuizRollup, CourseReadRollup), so that `db:rollup:rebuild -- --check`
// and the tests report drift alike.
export function rollupDrift<Row>(expected: readonly Row[], stored: readonly Row[], keyOf: (row: Row) => string, same: (a: Row, b: Row) => boolean, source: string): string[] {
  const storedBy = new Map(stored.map((r) => [keyOf(r), r]))
  const drift: string[] = []
  for (const row of expected) {
    const key = keyOf(row)
    const mine = storedBy.get(key)
    if (!mine) drift.push(`missing ${key}`)
    else if (!same(mine, row)) drift.push(`differs ${key}: stored ${JSON.stringify(mine)}, from ${source} ${JSON.stringify(row)}`)
    storedBy.delete(key)
  }
  for (const key of storedBy.keys()) drift.push(`extra ${key}`)
  return drift
}
