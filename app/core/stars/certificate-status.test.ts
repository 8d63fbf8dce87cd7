import { certificateStatus, isInForce, type CertificateFacts } from './certificate-status'

const policy = { renewalGraceDays: 60, reminderDays: [60, 30, 7] }
const facts: CertificateFacts = {
  issuedAt: new Date('2026-01-10T00:00:00Z'),
  expiresAt: new Date('2027-01-10T00:00:00Z'),
  revokedAt: null,
  supersededAt: null,
  courseVersions: { complaints: 2 },
}
const flag = (number: number, day: string, courseId = 'complaints') => ({ courseId, number, publishedAt: new Date(`${day}T00:00:00Z`) })

describe('certificate status', () => {
  it.each([
    { name: 'a fresh certificate is active', now: '2026-03-01', change: {}, flagged: [], state: 'active', reminder: null },
    { name: '61 days before expiry: still active', now: '2026-11-10', change: {}, flagged: [], state: 'active', reminder: null },
    { name: '60 days before expiry: expiring, first reminder', now: '2026-11-11', change: {}, flagged: [], state: 'expiring', reminder: 60 },
    { name: '30 days before: second reminder', now: '2026-12-11', change: {}, flagged: [], state: 'expiring', reminder: 30 },
    { name: '7 days before: last reminder', now: '2027-01-03', change: {}, flagged: [], state: 'expiring', reminder: 7 },
    { name: 'at the expiry instant: expired', now: '2027-01-10', change: {}, flagged: [], state: 'expired', reminder: null },
    { name: 'revoked wins over everything', now: '2026-03-01', change: { revokedAt: new Date('2026-02-01T00:00:00Z') }, flagged: [flag(3, '2026-02-15')], state: 'revoked', reminder: null },
    { name: 'superseded by a higher level', now: '2026-03-01', change: { supersededAt: new Date('2026-02-01T00:00:00Z') }, flagged: [], state: 'superseded', reminder: null },
    { name: 'a flagged later version of a course it rests on: renewal due', now: '2026-03-01', change: {}, flagged: [flag(3, '2026-02-15')], state: 'renewal-due', reminder: null },
    { name: 'a flagged version of another course: no effect', now: '2026-03-01', change: {}, flagged: [flag(3, '2026-02-15', 'etiquette')], state: 'active', reminder: null },
    { name: 'the flagged version it was issued on: no effect', now: '2026-03-01', change: {}, flagged: [flag(2, '2026-01-01')], state: 'active', reminder: null },
    { name: 'grace period over (60 days): lapsed as expired', now: '2026-04-16', change: {}, flagged: [flag(3, '2026-02-15')], state: 'expired', reminder: null },
    { name: 'one day before the grace ends: still renewal due', now: '2026-04-15', change: {}, flagged: [flag(3, '2026-02-15')], state: 'renewal-due', reminder: null },
  ])('$name', ({ now, change, flagged, state, reminder }) => {
    const status = certificateStatus({ ...facts, ...change }, flagged, new Date(`${now}T00:00:00Z`), policy)
    expect(status.state).toBe(state)
    expect(status.reminderDays).toBe(reminder)
  })

  it('renewal due says by when', () => {
    expect(certificateStatus(facts, [flag(3, '2026-02-15')], new Date('2026-03-01T00:00:00Z'), policy).renewBy).toEqual(new Date('2026-04-16T00:00:00Z'))
  })

  it.each([
    ['active', true],
    ['expiring', true],
    ['renewal-due', true],
    ['expired', false],
    ['revoked', false],
    ['superseded', false],
  ] as const)('%s in force: %s', (state, inForce) => expect(isInForce(state)).toBe(inForce))
})
