// The star routes as a browser calls them: refusals by role, the public verify page, its per-address limit.
import { action as manageAction, loader as manageLoader } from '~/routes/manage.stars._index'
import { loader as verifyLoader } from '~/routes/verify.$code'
import { loader as pdfLoader } from '~/routes/certificates.$code[.pdf]'
import { seedDemo } from '~/server/seed/demo.server'
import { demoVerifyCodes } from '~/server/seed/stars.server'
import { importContent } from '~/server/content/import.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'
import { cookieFor, outcome, requestAs } from '../session'

let db: PrismaClient
let codes: Record<string, string>
const cookies: Record<string, string> = {}

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  expect((await importContent(db, 'content')).ok).toBe(true)
  await seedDemo(db, { password: 'Test@2026', now: new Date() })
  codes = await demoVerifyCodes(db)
  for (const u of ['clerk01', 'clerk02', 'hall01mgr', 'hall02mgr']) cookies[u] = await cookieFor(db, u)
})
afterAll(() => db.$disconnect())

const verify = (code: string, address = '10.0.0.1') => outcome(async () => verifyLoader({ request: requestAs(null, `/verify/${code}`), params: { code }, context: { clientAddress: address } }))

describe('star routes', () => {
  it('a clerk cannot open or post to the manager star page', async () => {
    expect((await outcome(() => manageLoader({ request: requestAs(cookies.clerk01, '/manage/stars'), params: {}, context: {} }))).status).toBe(403)
    const body = new URLSearchParams({ intent: 'approve', applicationId: 'x' })
    expect((await outcome(() => manageAction({ request: requestAs(cookies.clerk01, '/manage/stars', { method: 'POST', body }), params: {}, context: {} }))).status).toBe(403)
  })

  it('a manager cannot revoke a certificate of another hall', async () => {
    const cert = await db.starCertificate.findFirstOrThrow({ where: { code: codes.active } }) // clerk01, hall H01
    const body = new URLSearchParams({ intent: 'revoke', certificateId: cert.id, reason: '测试撤销原因' })
    expect((await outcome(() => manageAction({ request: requestAs(cookies.hall02mgr, '/manage/stars', { method: 'POST', body }), params: {}, context: {} }))).status).toBe(403)
    expect((await db.starCertificate.findUniqueOrThrow({ where: { id: cert.id } })).revokedAt).toBeNull()
  })

  it.each(['active', 'expiring', 'expired', 'revoked', 'renewal due'])('verify shows the %s certificate with its state and a masked name only', async (state) => {
    const response = await verify(codes[state])
    expect(response.status).toBe(200)
    const data = await response.json()
    expect(data.certificate.state).toBe(state.replace(' ', '-'))
    expect(data.certificate.holder).toMatch(/\*/)
    expect(JSON.stringify(data)).not.toMatch(/clerk0|userId|snapshot/)
  })

  it.each(['AAAAAAAAAAAAAAAAAAAA', 'not-a-code', "'; DROP TABLE x; --"])('verify %s: not found', async (code) => {
    expect((await verify(code)).status).toBe(404)
  })

  it('limits look-ups per address', async () => {
    const address = '10.9.9.9'
    const statuses = await Promise.all(Array.from({ length: 70 }, () => verify('AAAAAAAAAAAAAAAAAAAA', address).then((r) => r.status)))
    expect(statuses.filter((s) => s === 404)).toHaveLength(60)
    expect(statuses.filter((s) => s === 429)).toHaveLength(10)
    expect((await verify(codes.active, '10.9.9.10')).status).toBe(200)
  })

  it('the PDF is for the holder and managers in scope only', async () => {
    const code = codes.active // clerk01's
    const get = (who: string) => outcome(() => pdfLoader({ request: requestAs(cookies[who], `/certificates/${code}.pdf`), params: { code }, context: {} }))
    expect((await get('clerk01')).headers.get('Content-Type')).toBe('application/pdf')
    expect((await get('hall01mgr')).status).toBe(200)
    expect((await get('clerk02')).status).toBe(404)
    expect((await get('hall02mgr')).status).toBe(404)
  })
})
