// `npm run demo` (after the build): database, migrations, seed, content, the logins table, then the server.
import { spawn } from 'node:child_process'
import { formatProblem } from '~/core/content/problems'
import { importContent } from '~/server/content/import.server'
import { createPrismaClient } from '~/server/db.server'
import { DEFAULT_DEMO_PASSWORD, seedDemo } from '~/server/seed/demo.server'
import { demoVerifyCodes } from '~/server/seed/stars.server'
import { DEMO_UNITS } from '~/server/seed/demo-data'
import { applyMigrations, resolveDatabaseUrl } from './database'
import { sessionSecret } from './session-secret'
import { textTable } from './text-table'

const ROLE_NAMES: Record<string, string> = { clerk: '营业员', mentor: '导师', trainer: '内训师', manager: '经理', admin: '管理员' }

const databaseUrl = resolveDatabaseUrl()
const secret = sessionSecret()
console.log(`database: ${databaseUrl}`)
applyMigrations()
console.log('migrations: applied')

const password = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD
const db = createPrismaClient()
// Content first: the demo history and the stars' evidence name the imported module and quiz versions.
const imported = await importContent(db, 'content')
const people = await seedDemo(db, { password, now: new Date(), log: console.log, history: true })
const verifyCodes = await demoVerifyCodes(db)
await db.$disconnect()
if (!imported.ok) {
  for (const problem of imported.problems) console.error(formatProblem(problem))
  console.error('content: not imported (see the problems above); the app serves the last good content')
} else {
  const { coursesChanged, modulesCreated, quizzesChanged } = imported.summary
  console.log(`content: ${coursesChanged.length} course(s), ${modulesCreated} module version(s), ${quizzesChanged.length} quiz version(s) imported`)
}

const unitName = new Map(DEMO_UNITS.map((u) => [u.code, u.nameZh]))
const rows = people.map((p) => [
  p.roles.map((r) => ROLE_NAMES[r.role]).join('+'),
  p.name,
  p.hall ? (unitName.get(p.hall) ?? '') : (p.roles.find((r) => r.unit)?.unit ? unitName.get(p.roles.find((r) => r.unit)!.unit!) ?? '' : '—'),
  p.username,
  password,
])
console.log(`\n演示账号 / demo logins (${rows.length})\n`)
console.log(textTable(['角色 role', '姓名 name', '营业厅/单位 hall', '工号 username', '密码 password'], rows))

const port = process.env.PORT ?? '3000'
console.log('\n星级证书查验 / certificate verification')
for (const [state, code] of Object.entries(verifyCodes)) console.log(`  ${state.padEnd(12)} http://localhost:${port}/verify/${code}`)
console.log(`\nStarting on http://localhost:${port} …`)
const server = spawn(process.execPath, ['server.js'], {
  stdio: 'inherit',
  env: { ...process.env, DEMO_MODE: '1', DEMO_PASSWORD: password, NODE_ENV: 'production', SESSION_SECRET: secret, DATABASE_URL: databaseUrl, PORT: port },
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
