// `npm run db:seed`: applies migrations and seeds the demo organisation (idempotent).
import { createPrismaClient } from '~/server/db.server'
import { DEFAULT_DEMO_PASSWORD, seedDemo } from '~/server/seed/demo.server'
import { applyMigrations, resolveDatabaseUrl } from './database'

resolveDatabaseUrl()
applyMigrations()
const db = createPrismaClient()
await seedDemo(db, { password: process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD, now: new Date(), log: console.log })
await db.$disconnect()
