// The mentee's checklist on /learn (issue 13's load bench: the last Prisma reads of every clerk's home) reads
// through prepared statements: the pairing with both people and its checklist version in one read, then the
// chain's events and check-ins. Compared with what Prisma's typed client reads of the same rows on the demo.
import { isItemEventKind } from '~/core/mentoring/sign-off'
import { menteePairing } from '~/server/pairing-lists.server'
import { pairingSelect } from '~/server/pairing-state.server'
import type { PrismaClient } from '~/generated/prisma/client'
import { useDemoDatabase } from '../database'

let db: PrismaClient
const now = new Date()

beforeAll(async () => {
  ;({ db } = await useDemoDatabase(now))
}, 600_000)
afterAll(() => db.$disconnect())

it('reads each mentee the pairing Prisma reads (active first, else the latest), with its events and check-ins', async () => {
  const mentees = [...new Set((await db.pairing.findMany({ select: { menteeId: true } })).map((p) => p.menteeId))]
  expect(mentees.length).toBeGreaterThan(1)
  let withEvents = 0
  for (const menteeId of mentees) {
    const [expected] = await db.pairing.findMany({ where: { menteeId, status: { in: ['active', 'completed'] } }, select: pairingSelect, orderBy: [{ status: 'asc' }, { createdAt: 'desc' }, { id: 'asc' }], take: 1 })
    const state = await menteePairing(menteeId, now)
    if (!expected) {
      expect(state).toBeNull()
      continue
    }
    expect(state?.pairing).toEqual(expected)
    const events = await db.pairingEvent.findMany({ where: { chainId: expected.chainId, itemId: { not: null } }, orderBy: { id: 'asc' } })
    const itemEvents = state!.items.flatMap((item) => item.events).sort((a, b) => a.id - b.id)
    const items = new Set(state!.items.map((item) => item.id))
    const row = (e: { id: number; itemId: string | null; kind: string; note: string; actorId: string; createdAt: Date }) => [e.id, e.itemId, e.kind, e.note, e.actorId, e.createdAt.toISOString()]
    expect(itemEvents.map(row)).toEqual(events.filter((e) => isItemEventKind(e.kind) && items.has(e.itemId!)).map(row))
    withEvents += itemEvents.length > 0 ? 1 : 0
    const checkIns = await db.checkIn.findMany({ where: { chainId: expected.chainId, doneAt: { not: null } }, orderBy: { number: 'asc' } })
    expect(state!.checkIns.filter((c) => c.done).map((c) => [c.number, c.doneAt?.toISOString(), c.mentorNote, c.reflection])).toEqual(
      checkIns.filter((c) => c.number <= state!.checkIns.length).map((c) => [c.number, c.doneAt?.toISOString(), c.mentorNote, c.reflection]),
    )
  }
  expect(withEvents).toBeGreaterThan(0) // the demo's mentees have practised and signed items, so the events are compared
})

it('is null for a clerk never paired', async () => {
  const never = await db.user.findFirstOrThrow({ where: { menteePairings: { none: {} }, roles: { some: { role: 'clerk' } } }, select: { id: true } })
  expect(await menteePairing(never.id, now)).toBeNull()
})
