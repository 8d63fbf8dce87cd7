// preparedColumnsRead (the query layer's reads of thousands of rows, the people export's among them): each row an
// array of the named columns in the query's order, the same values an object read gives; a column list that is not
// the query's selection refused, naming both. SQLite reads raw rows (better-sqlite3), PostgreSQL array rows (pg).
import { preparedColumnsRead, preparedRead, type Queries } from '~/server/kysely.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'

let db: PrismaClient
beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  const region = await db.orgUnit.create({ data: { kind: 'region', code: 'CR1', nameZh: '东区', nameEn: 'East', path: '/CR1' } })
  for (const code of ['CR1-H2', 'CR1-H1'])
    await db.orgUnit.create({ data: { kind: 'hall', code, nameZh: `营业厅 ${code}`, nameEn: `Hall ${code}`, path: `/CR1/${code}`, parentId: region.id } })
}, 120_000)
afterAll(() => db.$disconnect())

// an argument is a placeholder while the query compiles: the pattern is passed whole
const unitsUnder = (q: Queries, pattern: string) =>
  q.selectFrom('OrgUnit').select(['code', 'kind', 'nameZh']).where('path', 'like', pattern).orderBy('code')

it('reads each row as the named columns in order, the values an object read gives', async () => {
  const rows = await preparedColumnsRead(unitsUnder)(['code', 'kind', 'nameZh'])('/CR1%')
  const objects = await preparedRead(unitsUnder)('/CR1%')
  expect(rows).toEqual([
    ['CR1', 'region', '东区'],
    ['CR1-H1', 'hall', '营业厅 CR1-H1'],
    ['CR1-H2', 'hall', '营业厅 CR1-H2'],
  ])
  expect(rows).toEqual(objects.map((o) => [o.code, o.kind, o.nameZh]))
  expect(await preparedColumnsRead(unitsUnder)(['code', 'kind', 'nameZh'])('/none%')).toEqual([])
})

it('refuses a column list that is not the selection in its order', async () => {
  const misnamed = preparedColumnsRead(unitsUnder)(['kind', 'code', 'nameZh'])
  await expect(misnamed('/CR1%')).rejects.toThrow('columns kind,code,nameZh asked of a read selecting code,kind,nameZh')
})
