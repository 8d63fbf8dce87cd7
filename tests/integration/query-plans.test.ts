// The plans the people export's speed rests on (decisions 0045, 0047), read from SQLite's planner on the app's own
// read connection: a page of halls walks the halls by path, each hall's learners come from the covering index in
// username order (no sort, no User table row), and each learner costs one seek into their grants and one into
// LearnerProgress. A change to the statement or the indexes that loses one of these fails here, not in a bench.
import { CompiledQuery } from 'kysely'
import { learnerPageQuery } from '~/server/learner-pages.server'
import { queries } from '~/server/kysely.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'

let db: PrismaClient
beforeAll(async () => {
  ;({ db } = await useTestDatabase())
}, 120_000)
afterAll(() => db.$disconnect())

async function planOf(query: { compile(): CompiledQuery }): Promise<string[]> {
  const compiled = query.compile()
  const { rows } = await queries().executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]))
  return rows.map((row) => row.detail)
}

describe.skipIf(process.env.TEST_DATABASE === 'postgres')('the people export page’s plan (SQLite)', () => {
  it('walks halls by path, learners from the covering index, one seek each into grants and LearnerProgress, no sort', async () => {
    const plan = await planOf(learnerPageQuery(queries(), '/', '/\uffff'))
    expect(plan).toEqual([
      expect.stringMatching(/^SEARCH h USING INDEX OrgUnit_path_key \(path>\? AND path<\?\)$/),
      expect.stringMatching(/^SEARCH u USING COVERING INDEX User_hallId_active_username_id_name_hireDate_idx \(hallId=\? AND active=\?\)$/),
      expect.stringMatching(/^SEARCH g USING COVERING INDEX RoleGrant_userId_\w+ \(userId=\?\)$/),
      expect.stringMatching(/^SEARCH p USING INDEX sqlite_autoindex_LearnerProgress_1 \(userId=\?\)/),
    ])
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE|SCAN/)
  })
})
