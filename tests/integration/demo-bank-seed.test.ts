// The demo's question bank: content/banks/*.gift imported through the upload's import, once however often the
// demo is seeded, with every question mapped (a refused one would fail the seed).
import { seedBanks } from '~/server/seed/banks.server'
import { seedDemo } from '~/server/seed/demo.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'

let db: PrismaClient
beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now: new Date() })
}, 120_000)
afterAll(() => db.$disconnect())

it('seeding twice leaves one demo bank with all its questions, imported by trainer01', async () => {
  expect(await seedBanks(db, new Date(), 'content')).toEqual(['营业厅服务基本功.gift (8 items)'])
  expect(await seedBanks(db, new Date(), 'content')).toEqual(['营业厅服务基本功.gift (already there)'])
  const banks = await db.questionBank.findMany({ select: { name: true, importedById: true, _count: { select: { items: true } } } })
  const trainer = await db.user.findUniqueOrThrow({ where: { username: 'trainer01' } })
  expect(banks).toEqual([{ name: '营业厅服务基本功', importedById: trainer.id, _count: { items: 8 } }])
})
