// Server CPU per request of the clerk's and mentor's own pages (issue 13's load bench: where /learn's tail comes
// from), one request at a time so that each is charged only its own CPU: robust to the shared machine's load,
// unlike wall-clock times. The first /learn of each clerk is counted apart (the load bench's tail was there).
//   npx tsx bench/lib/page-cpu.ts            (REMIX_BUILD / REMIX_PUBLIC to measure another build; PAGES=/learn for
//   one page; NODE_ARGS to the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof --import=./bench/lib/exit-on-term.mjs`)
import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { processCpuSeconds, signIn, startSeededApp } from './server.ts'

const TURNS = Number(process.env.TURNS ?? 30)

const app = await startSeededApp((process.env.NODE_ARGS ?? '').split(' ').filter(Boolean))
const only = process.env.PAGES?.split(',')
try {
  const db = new Database(app.dbFile, { readonly: true })
  const mentees = db.prepare(`SELECT DISTINCT u.username FROM Pairing p JOIN User u ON u.id = p.menteeId WHERE p.status = 'active' ORDER BY u.username`).all() as Array<{ username: string }>
  const mentor = db.prepare(`SELECT u.username FROM Pairing p JOIN User u ON u.id = p.mentorId WHERE p.status = 'active' ORDER BY u.username LIMIT 1`).get() as { username: string }
  db.close()
  const clerks = [...mentees.map((m) => m.username), ...Array.from({ length: 20 }, (_, i) => `clerk${String(i + 30).padStart(2, '0')}`)].slice(0, 24)
  const cookies = new Map<string, string>()
  for (const name of [...clerks, mentor.username]) cookies.set(name, await signIn(app.baseURL, name))
  const get = async (path: string, cookie: string) => {
    const response = await fetch(app.baseURL + path, { headers: { cookie, 'accept-encoding': 'br, gzip' } })
    await response.arrayBuffer()
    if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`)
  }
  const measure = async (label: string, calls: Array<[string, string]>) => {
    if (only && !only.includes(calls[0][0].replace(/\/clerk\d+$/, '/<me>'))) return
    const before = processCpuSeconds(app.pid)
    for (const [path, cookie] of calls) await get(path, cookie)
    console.log(`bench page-cpu ${label}: ${(((processCpuSeconds(app.pid) - before) * 1000) / calls.length).toFixed(1)} ms/request (${calls.length} requests)`)
  }
  await measure('GET /learn, first visit of each clerk', clerks.map((c) => ['/learn', cookies.get(c)!]))
  const me = clerks[0]
  const menteeCookie = cookies.get(me)!
  await measure(`GET /learn (mentee ${me})`, Array.from({ length: TURNS }, () => ['/learn', menteeCookie]))
  await measure('GET /learn (clerk not paired)', Array.from({ length: TURNS }, () => ['/learn', cookies.get(clerks[clerks.length - 1])!]))
  await measure('GET /practice', Array.from({ length: TURNS }, () => ['/practice', menteeCookie]))
  await measure(`GET /people/${me} (own record)`, Array.from({ length: TURNS }, () => [`/people/${me}`, menteeCookie]))
  await measure(`GET /mentor (${mentor.username})`, Array.from({ length: TURNS }, () => ['/mentor', cookies.get(mentor.username)!]))
  console.log(`load ${readFileSync('/proc/loadavg', 'utf8').trim()}`)
} finally {
  await app.stop()
}
