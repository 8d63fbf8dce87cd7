// Prisma CLI settings: the JS engine over better-sqlite3, so nothing native is downloaded.
import path from 'node:path'
import { defineConfig } from 'prisma/config'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'

// The schema reads DATABASE_URL; give the CLI the demo database when none is set.
process.env.DATABASE_URL ??= 'file:./data/demo.db'

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL as string })
  },
})
