import { INSPECTION_CATEGORIES, type InspectionCategory } from '~/core/stars/inspection-form'
// The demo's star certificates: who holds which level in which state, relative to the seeding day.
// Every level 1–5 is held; every state exists; mentor01…mentor06 hold ★★★ or higher (pairing needs it).
export interface DemoCertificate {
  username: string
  level: number
  issuedDaysAgo: number
  /** Days of validity from issue (the ladder's 12 months unless a state needs other dates). */
  validDays?: number
  revoked?: { daysAgo: number; reason: string }
  /** Rests on the complaints course before its re-certification version: renewal due. */
  beforeRecertification?: boolean
  supersededDaysAgo?: number
}

export const DEMO_CERTIFICATES: DemoCertificate[] = [
  { username: 'mentor01', level: 5, issuedDaysAgo: 10 },
  { username: 'mentor02', level: 4, issuedDaysAgo: 15 },
  { username: 'mentor03', level: 3, issuedDaysAgo: 6 },
  { username: 'mentor04', level: 3, issuedDaysAgo: 7 },
  { username: 'mentor05', level: 3, issuedDaysAgo: 8 },
  { username: 'mentor06', level: 4, issuedDaysAgo: 9 },
  { username: 'clerk09', level: 4, issuedDaysAgo: 12 },
  { username: 'clerk01', level: 2, issuedDaysAgo: 12 },
  { username: 'clerk02', level: 1, issuedDaysAgo: 30 },
  // expiring: a ★ (rests on etiquette and phrasing only) in its last month
  { username: 'clerk03', level: 1, issuedDaysAgo: 340, validDays: 365 },
  // expired
  { username: 'clerk04', level: 2, issuedDaysAgo: 400, validDays: 365 },
  // revoked
  { username: 'clerk05', level: 2, issuedDaysAgo: 60, revoked: { daysAgo: 3, reason: '暗访发现违规代客操作、未经客户书面同意办理补卡，经核实撤销' } },
  // renewal due: issued before the complaints course published a version marked recertify
  { username: 'clerk07', level: 3, issuedDaysAgo: 90, beforeRecertification: true },
  // superseded ★, then the ★★ that replaced it
  { username: 'clerk08', level: 1, issuedDaysAgo: 200, supersededDaysAgo: 8 },
  { username: 'clerk08', level: 2, issuedDaysAgo: 8 },
]

/** The course whose re-certification version the demo publishes, and how long ago. */
export const DEMO_RECERTIFICATION = { courseId: 'complaints', daysAgo: 20 }

/** clerk25 has applied for ★★ and meets it (its checklist sign-off is seeded with mentoring): the hall manager approves. */
// Its own reads and passes are seeded too, so that ★★ holds without the six months of history (the browser tests' seed).
export const DEMO_PENDING_APPLICATION = { username: 'clerk25', level: 2, daysAgo: 2, learning: { etiquette: 100, phrasing: 90, complaints: 86 } }

/**
 * Clerks one requirement short of their next star, each of a different kind. Those with `learning` get reads of
 * every module of the ★★ courses (all but `skipModuleOf`) and these quiz scores; all have the checklist signed off
 * (mentoring seed). Their six months of inspections average `inspection`; `liableComplaint` adds one 有责投诉.
 * clerk26 (★, no checklist sign-off) and clerk33 (★, complaints quiz under 80) come short from their own history.
 */
export interface NearMiss {
  username: string
  short: string
  learning?: { etiquette: number; phrasing: number; complaints: number; skipModuleOf?: 'complaints' }
  inspection?: number
  liableComplaint?: boolean
}
export const DEMO_NEAR_MISSES: NearMiss[] = [
  { username: 'clerk26', short: 'checklist-signed-off' },
  { username: 'clerk33', short: 'quiz-score' },
  { username: 'clerk19', short: 'no-liable-complaint', learning: { etiquette: 96, phrasing: 94, complaints: 95 }, inspection: 92, liableComplaint: true },
  { username: 'clerk38', short: 'inspection-average', learning: { etiquette: 92, phrasing: 95, complaints: 93 }, inspection: 84 },
  { username: 'clerk53', short: 'courses-completed', learning: { etiquette: 90, phrasing: 88, complaints: 86, skipModuleOf: 'complaints' }, inspection: 90 },
]

/** Deterministic monthly evidence for the n-th demo clerk (no randomness: the same every run). */
export function demoMonthEvidence(n: number, month: number, username = '') {
  const nearMiss = DEMO_NEAR_MISSES.find((m) => m.username === username)
  const low = n % 10 === 3 // a few clerks sit just under the ★★★ inspection bar
  const total = nearMiss?.inspection ?? (low ? 84 : 86 + ((n * 7 + month * 3) % 12))
  if (nearMiss) {
    return { inspectionDay: 8 + ((n + month) % 15), total, ratings: 40, average: 4.85, liableComplaint: nearMiss.liableComplaint === true && month === 1, otherComplaint: false }
  }
  return {
    inspectionDay: 8 + ((n + month) % 15),
    total,
    ratings: 35 + ((n * 13 + month * 5) % 30),
    average: Math.round((4.6 + ((n * 3 + month) % 40) / 100) * 100) / 100,
    liableComplaint: n % 9 === 4 && month === 1,
    otherComplaint: n % 5 === 0 && month === 2,
  }
}

/** Splits a total over the six categories in proportion to their maximum points. */
export function categoriesFor(total: number): Record<InspectionCategory, number> {
  const parts = INSPECTION_CATEGORIES.map(([key, , max]) => [key, Math.round(((total * max) / 100) * 10) / 10] as const)
  const sum = parts.reduce((s, [, v]) => s + v, 0)
  const fixed = parts.map(([key, v], i) => [key, i === 0 ? Math.round((v + total - sum) * 10) / 10 : v] as const)
  return Object.fromEntries(fixed) as Record<InspectionCategory, number>
}
