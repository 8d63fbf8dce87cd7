import { importContent } from '~/server/content/import.server'
import { createPrismaClient } from '~/server/db.server'
import { seedDemo } from '~/server/seed/demo.server'
import { demoVerifyCodes } from '~/server/seed/stars.server'
import { starEvidenceOf, catalogueTitles } from '~/server/stars/evidence.server'
import { currentLadder } from '~/server/stars/ladder.server'
import { starEligibility } from '~/core/stars'
import { applyMigrations } from './database'
const now = new Date()
applyMigrations()
const db = createPrismaClient()
if (process.argv[2] !== 'skip') {
  await importContent(db, 'content')
  await seedDemo(db, { password: 'Demo@2026', now, log: console.log, history: true })
}
console.log(await demoVerifyCodes(db))
const ladder = (await currentLadder(db))!
const titles = await catalogueTitles(db)
const clerks = await db.user.findMany({ where: { roles: { some: { role: { in: ['clerk', 'mentor'] } } } }, select: { id: true, username: true, hall: { select: { code: true } }, starCertificates: { select: { level: true, revokedAt: true } }, starApplications: { select: { level: true, status: true } } }, orderBy: { username: 'asc' } })
const ev = await starEvidenceOf(clerks.map((c) => c.id), now, db)
for (const c of clerks) {
  const e = starEligibility(ladder.ladder, ev.get(c.id)!, now)
  const miss = e.next ? e.next.missing.map((m) => `${m.kind}:${JSON.stringify(m).slice(0, 140)}`).join(' | ') : ''
  console.log(c.username, c.hall?.code, 'H', e.highestLevel, 'apply', e.canApplyFor, 'certs', c.starCertificates.map((x) => x.level).join(','), 'apps', c.starApplications.map((a) => `${a.level}${a.status}`).join(','), 'missing', e.next?.missing.length, miss)
}
