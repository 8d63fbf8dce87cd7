// Table tests for the overview's star mix, expiring certificates and pairing figures.
import { expiringCertificates, pairingFigures, starLevels, starMix, type CertificateFact } from './overview-stars'

const now = new Date('2026-12-01T02:00:00Z')
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000)
const cert = (userId: string, level: number, days: number, state: CertificateFact['state'] = 'active'): CertificateFact => ({ userId, level, expiresAt: inDays(days), state })

describe('starLevels', () => {
  it.each([
    { case: 'one active certificate', certs: [cert('a', 2, 100)], levels: [['a', 2]] },
    { case: 'the highest of two in force', certs: [cert('a', 1, 100), cert('a', 3, 300)], levels: [['a', 3]] },
    { case: 'expiring and renewal due still count', certs: [cert('a', 2, 10, 'expiring'), cert('b', 4, 100, 'renewal-due')], levels: [['a', 2], ['b', 4]] },
    { case: 'expired, revoked, superseded do not', certs: [cert('a', 2, -1, 'expired'), cert('b', 3, 100, 'revoked'), cert('c', 1, 100, 'superseded')], levels: [] },
  ])('$case', ({ certs, levels }) => expect([...starLevels(certs)]).toEqual(levels))
})

describe('starMix', () => {
  const learners = [
    { id: 'a', group: 'H01' },
    { id: 'b', group: 'H01' },
    { id: 'c', group: 'H01' },
    { id: 'd', group: 'H02' },
    { id: 'x', group: 'H99' }, // not one of the groups shown: not counted anywhere
  ]
  it.each([
    { case: 'nobody certified', levels: new Map<string, number>(), mix: [[3, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0]] },
    { case: 'levels counted per group', levels: new Map([['a', 1], ['b', 5], ['d', 3], ['x', 2]]), mix: [[1, 1, 0, 0, 0, 1], [0, 0, 0, 1, 0, 0]] },
    { case: 'a level above the ladder counts at its top', levels: new Map([['a', 7]]), mix: [[2, 0, 0, 0, 0, 1], [1, 0, 0, 0, 0, 0]] },
  ])('$case', ({ levels, mix }) => {
    expect(starMix(learners, levels, ['H01', 'H02'], 5)).toEqual([
      { group: 'H01', counts: mix[0] },
      { group: 'H02', counts: mix[1] },
    ])
  })
  it('gives a group without learners its row of zeros', () => expect(starMix([], new Map(), ['B01'], 3)).toEqual([{ group: 'B01', counts: [0, 0, 0, 0] }]))
})

describe('expiringCertificates', () => {
  it.each([
    { case: 'in 1 day', certs: [cert('a', 1, 1)], expected: ['a'] },
    { case: 'in exactly 60 days', certs: [cert('a', 1, 60)], expected: ['a'] },
    { case: 'in 61 days', certs: [cert('a', 1, 61)], expected: [] },
    { case: 'already past', certs: [cert('a', 1, -1, 'expired')], expected: [] },
    { case: 'revoked though within 60 days', certs: [cert('a', 1, 10, 'revoked')], expected: [] },
    { case: 'renewal due within 60 days', certs: [cert('a', 1, 10, 'renewal-due')], expected: ['a'] },
    { case: 'soonest first', certs: [cert('late', 1, 50), cert('soon', 2, 5, 'expiring')], expected: ['soon', 'late'] },
  ])('$case → $expected', ({ certs, expected }) => expect(expiringCertificates(certs, now).map((c) => c.userId)).toEqual(expected))
})

describe('pairingFigures', () => {
  it.each([
    { case: 'none', pairings: [], figures: { on_track: 0, checkin_overdue: 0, stalled: 0 } },
    {
      case: 'each counted under its filters, one under two',
      pairings: [{ filters: ['on_track'] }, { filters: ['checkin_overdue', 'stalled'] }, { filters: ['stalled'] }, { filters: ['completed'] }],
      figures: { on_track: 1, checkin_overdue: 1, stalled: 2 },
    },
  ] as const)('$case', ({ pairings, figures }) => expect(pairingFigures(pairings)).toEqual(figures))
})
