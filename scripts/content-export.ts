// `npm run content:export -- <dir>`: writes the published content tree (what content:import and the studio
// last stored) as files in the content/ format. Export then re-import creates no new version.
import { createPrismaClient, tuneConnection } from '~/server/db.server'
import { exportPublishedTree } from '~/server/studio/export.server'
import { resolveDatabaseUrl } from './database'

const dir = process.argv[2]
if (!dir || dir.startsWith('--')) {
  console.error('usage: npm run content:export -- <dir>')
  process.exit(2)
}
resolveDatabaseUrl()
const db = createPrismaClient()
await tuneConnection(db)
const { files } = await exportPublishedTree(db, dir)
await db.$disconnect()
console.log(`content:export: ${files} file(s) written to ${dir}`)
