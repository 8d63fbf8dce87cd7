import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { scaled } from '../lib/scale-org.ts'
import { reusableSeed, scaleFile } from '../lib/scale-reuse.ts'
const file = scaleFile(scaled(1))
const db = new Database(file, { readonly: true })
db.pragma('mmap_size = 268435456'); db.pragma('cache_size = -16384')
const sqlText = `select "u"."id", "u"."username", "u"."name", "u"."hireDate", "h"."code" as "hallCode", "h"."path" as "hallPath", "g"."role", "p"."lastActivityAt", "p"."quizzesPassed", "p"."passedQuizIds", "p"."readCounts" from "OrgUnit" as "h" inner join "User" as "u" on "u"."hallId" = "h"."id" inner join "RoleGrant" as "g" on "g"."userId" = "u"."id" left join "LearnerProgress" as "p" on "p"."userId" = "u"."id" where "h"."path" >= ? and "h"."path" < ? and "u"."active" = ? order by "h"."path", "u"."username"`
const objects = db.prepare(sqlText)
const raw = db.prepare(sqlText).raw(true)
const ranges: [string, string][] = []
const halls = db.prepare(`select path from OrgUnit where kind = 'hall' order by path`).pluck().all() as string[]
for (let i = 0; i < halls.length; i += 25) ranges.push([halls[i], i + 25 < halls.length ? halls[i + 25] : '\uffff'])
const run = (s: Database.Statement) => { let n = 0; const c = process.cpuUsage(); for (const [a, b] of ranges) n += s.all(a, b, 1).length; const u = process.cpuUsage(c); return (u.user + u.system) / n }
for (let i = 0; i < 6; i++) console.log('objects', run(objects).toFixed(2), 'raw', run(raw).toFixed(2), 'us/row', readFileSync('/proc/loadavg', 'utf8').trim())
