import { daysLeft, isOverdue, isValidDueDay } from './overdue'

describe('isOverdue (due at the end of the day in Asia/Shanghai)', () => {
  it.each([
    { due: '2026-03-01', now: '2026-03-01T15:59:00Z', done: false, overdue: false }, // 23:59 Shanghai
    { due: '2026-03-01', now: '2026-03-01T16:00:00Z', done: false, overdue: true }, // next day there
    { due: '2026-03-01', now: '2026-02-28T16:00:00Z', done: false, overdue: false }, // the due day itself, 00:00
    { due: '2026-03-01', now: '2026-03-09T00:00:00Z', done: true, overdue: false },
    { due: '2026-12-31', now: '2027-01-01T00:00:00Z', done: false, overdue: true }, // 08:00 on 1 Jan there
  ])('due $due at $now, done=$done → $overdue', (c) => expect(isOverdue({ due: c.due, done: c.done }, new Date(c.now))).toBe(c.overdue))
})

describe('daysLeft', () => {
  it.each([
    { due: '2026-03-01', now: '2026-03-01T03:00:00Z', days: 0 },
    { due: '2026-03-03', now: '2026-03-01T03:00:00Z', days: 2 },
    { due: '2026-03-01', now: '2026-03-01T16:30:00Z', days: -1 }, // already 2 March in Shanghai
  ])('$due at $now → $days', (c) => expect(daysLeft(c.due, new Date(c.now))).toBe(c.days))
})

describe('isValidDueDay', () => {
  const now = new Date('2026-03-01T17:00:00Z') // 2 March, 01:00 in Shanghai
  it.each([
    { due: '2026-03-02', ok: true }, // today there
    { due: '2026-03-01', ok: false }, // yesterday there, though still 1 March in UTC
    { due: '2027-01-15', ok: true },
    { due: '2026-13-01', ok: false },
    { due: '2027-02-30', ok: false }, // no such day
    { due: '2027-02-28', ok: true },
    { due: '02/03/2026', ok: false },
    { due: '', ok: false },
  ])('$due → $ok', (c) => expect(isValidDueDay(c.due, now)).toBe(c.ok))
})
