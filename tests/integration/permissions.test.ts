// Every guarded loader refuses what is out of scope, called as the real route with a real session cookie.
import { loader as adminLoader } from '~/routes/admin._index'
import { loader as learnLoader } from '~/routes/learn._index'
import { loader as manageLoader } from '~/routes/manage._index'
import { loader as hallLoader } from '~/routes/manage.halls.$code'
import { loader as mentorLoader } from '~/routes/mentor._index'
import { loader as personLoader } from '~/routes/people.$username'
import { loader as trainerLoader } from '~/routes/trainer._index'
import { seedDemo } from '~/server/seed/demo.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useTestDatabase } from '../database'
import { cookieFor, outcome, requestAs } from '../session'

let db: PrismaClient
const cookies: Record<string, string> = {}

beforeAll(async () => {
  ;({ db } = await useTestDatabase())
  await seedDemo(db, { password: 'Test@2026', now: new Date() })
  for (const u of ['clerk01', 'clerk02', 'mentor01', 'trainer01', 'hall01mgr', 'branch01mgr', 'region02mgr', 'admin']) {
    cookies[u] = await cookieFor(db, u)
  }
})
afterAll(() => db.$disconnect())

type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>
const homes: Record<string, Loader> = {
  '/learn': learnLoader as Loader,
  '/mentor': mentorLoader as Loader,
  '/trainer': trainerLoader as Loader,
  '/manage': manageLoader as Loader,
  '/admin': adminLoader as Loader,
}

describe('role homes', () => {
  it.each([
    { user: 'clerk01', path: '/learn', status: 200 },
    { user: 'clerk01', path: '/mentor', status: 403 },
    { user: 'clerk01', path: '/trainer', status: 403 },
    { user: 'clerk01', path: '/manage', status: 403 },
    { user: 'clerk01', path: '/admin', status: 403 },
    { user: 'mentor01', path: '/learn', status: 200 },
    { user: 'mentor01', path: '/mentor', status: 200 },
    { user: 'trainer01', path: '/trainer', status: 200 },
    { user: 'trainer01', path: '/admin', status: 403 },
    { user: 'hall01mgr', path: '/manage', status: 200 },
    { user: 'hall01mgr', path: '/learn', status: 403 },
    { user: 'admin', path: '/admin', status: 200 },
    { user: 'admin', path: '/manage', status: 200 },
  ])('$user → $path: $status', async ({ user, path, status }) => {
    const response = await outcome(async () => homes[path]({ request: requestAs(cookies[user], path), params: {}, context: {} }))
    expect(response.status).toBe(status)
  })

  it('sends an anonymous visitor to /login and back afterwards', async () => {
    const response = await outcome(async () => manageLoader({ request: requestAs(null, '/manage'), params: {}, context: {} }))
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Fmanage')
  })

  it('refuses a forged cookie', async () => {
    const forged = cookies.clerk01.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))
    const response = await outcome(async () => learnLoader({ request: requestAs(forged, '/learn'), params: {}, context: {} }))
    expect(response.status).toBe(302)
  })
})

describe('a hall page', () => {
  it.each([
    { user: 'hall01mgr', hall: 'H01', status: 200 },
    { user: 'hall01mgr', hall: 'H02', status: 403 },
    { user: 'branch01mgr', hall: 'H02', status: 200 },
    { user: 'branch01mgr', hall: 'H03', status: 403 },
    { user: 'region02mgr', hall: 'H08', status: 200 },
    { user: 'region02mgr', hall: 'H01', status: 403 },
    { user: 'admin', hall: 'H05', status: 200 },
    { user: 'clerk01', hall: 'H01', status: 403 },
    { user: 'hall01mgr', hall: 'H99', status: 403 }, // unknown answers as out of scope does (decision 0023)
    { user: 'hall01mgr', hall: 'B01', status: 403 }, // the branch above: out of scope
    { user: 'branch01mgr', hall: 'B01', status: 404 }, // their own branch is not a hall: no such page
    { user: 'hall01mgr', hall: 'H01;drop', status: 404 }, // malformed
  ])('$user opening $hall: $status', async ({ user, hall, status }) => {
    const response = await outcome(async () =>
      hallLoader({ request: requestAs(cookies[user], `/manage/halls/${hall}`), params: { code: hall }, context: {} }),
    )
    expect(response.status).toBe(status)
  })
})

// Issue 13, finding 9: out of scope answers as unknown does (404), so usernames cannot be enumerated.
describe("a person's record", () => {
  it.each([
    { user: 'clerk01', person: 'clerk01', status: 200 },
    { user: 'clerk01', person: 'clerk02', status: 404 },
    { user: 'clerk01', person: 'hall01mgr', status: 404 },
    { user: 'hall01mgr', person: 'clerk01', status: 200 }, // clerk01 works in H01
    { user: 'hall01mgr', person: 'clerk02', status: 404 }, // clerk02 works in H02
    { user: 'branch01mgr', person: 'clerk02', status: 200 },
    { user: 'region02mgr', person: 'clerk01', status: 404 },
    { user: 'mentor01', person: 'clerk09', status: 404 }, // no pairing yet
    { user: 'trainer01', person: 'clerk40', status: 200 },
    { user: 'clerk01', person: 'nobody', status: 404 },
    { user: 'clerk01', person: '../admin', status: 404 },
  ])('$user reading $person: $status', async ({ user, person, status }) => {
    const response = await outcome(async () =>
      personLoader({ request: requestAs(cookies[user], `/people/${person}`), params: { username: person }, context: {} }),
    )
    expect(response.status).toBe(status)
  })

  it('answers a real person out of scope exactly as an unknown one', async () => {
    const read = (person: string) =>
      outcome(async () => personLoader({ request: requestAs(cookies.clerk01, `/people/${person}`), params: { username: person }, context: {} }))
    const [real, unknown] = [await read('clerk02'), await read('nobody')]
    expect([real.status, real.statusText, await real.text()]).toEqual([unknown.status, unknown.statusText, await unknown.text()])
  })
})
