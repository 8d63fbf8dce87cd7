import { starEligibility, meetsLevel, workingTowards } from './stars'
import { emptyEvidence, type StarEvidence } from './stars/evidence'
import { TEST_LADDER } from './stars/test-ladder'
import type { RequirementResult } from './stars/requirement-kind'

const NOW = new Date('2026-06-15T04:00:00Z') // 2026-06-15 noon in Shanghai
const at = (iso: string) => new Date(iso)

/** Everything for ★★★★★ except the panel review, which approval records. */
function allFive(): StarEvidence {
  return {
    ...emptyEvidence(),
    courses: { etiquette: { title: { zh: '服务礼仪', en: 'Etiquette' }, versions: [{ number: 1, publishedAt: at('2026-01-01T00:00:00Z'), recertify: false, completed: true }] } },
    quizzes: {
      'etiquette-quiz': { title: { zh: '服务礼仪测验', en: 'Etiquette quiz' }, courseId: 'etiquette', attempts: [{ percent: 90, submittedAt: at('2026-02-01T00:00:00Z'), versionNumber: 1 }] },
      'complaints-quiz': { title: { zh: '投诉处理测验', en: 'Complaint handling quiz' }, courseId: 'complaints', attempts: [{ percent: 92, submittedAt: at('2026-02-01T00:00:00Z'), versionNumber: 1 }] },
    },
    inspections: [{ day: '2026-05-10', total: 90 }],
    satisfaction: [{ month: '2026-05', ratings: 120, average: 4.9 }],
    complaints: [],
    checklistSignedOff: true,
    menteesCompleted: 1,
  }
}

const sentence = (r: RequirementResult) => `${r.requirement.key}:${JSON.stringify(r.requirement.values)}|${r.current ? `${r.current.key}:${JSON.stringify(r.current.values)}` : ''}`

describe('star eligibility: the highest level met and what the next one lacks', () => {
  it.each<{ name: string; change: (e: StarEvidence) => StarEvidence; highest: number; missingKinds: string[]; canApplyFor: number | null }>([
    { name: 'everything but the panel: ★★★★, may apply for ★★★★★', change: (e) => e, highest: 4, missingKinds: [], canApplyFor: 5 },
    { name: 'panel recorded: ★★★★★', change: (e) => ({ ...e, panelReviewed: true }), highest: 5, missingKinds: [], canApplyFor: null },
    { name: 'nothing: no star, ★ needs the course and the quiz', change: () => emptyEvidence(), highest: 0, missingKinds: ['courses-completed', 'quiz-score'], canApplyFor: null },
    {
      name: 'quiz exactly at the threshold (80) counts',
      change: (e) => ({ ...e, quizzes: { ...e.quizzes, 'etiquette-quiz': { ...e.quizzes['etiquette-quiz'], attempts: [{ percent: 80, submittedAt: at('2026-02-01T00:00:00Z'), versionNumber: 1 }] } } }),
      highest: 4,
      missingKinds: [],
      canApplyFor: 5,
    },
    {
      name: 'quiz just below (79.9): no star',
      change: (e) => ({ ...e, quizzes: { ...e.quizzes, 'etiquette-quiz': { ...e.quizzes['etiquette-quiz'], attempts: [{ percent: 79.9, submittedAt: at('2026-02-01T00:00:00Z'), versionNumber: 1 }] } } }),
      highest: 0,
      missingKinds: ['quiz-score'],
      canApplyFor: null,
    },
    { name: 'checklist not signed: ★ only', change: (e) => ({ ...e, checklistSignedOff: false }), highest: 1, missingKinds: ['checklist-signed-off'], canApplyFor: null },
    { name: 'mentoring not available (null): shown, does not hold the level back', change: (e) => ({ ...e, checklistSignedOff: null, menteesCompleted: null }), highest: 4, missingKinds: [], canApplyFor: 5 },
    { name: 'a liable complaint this month: ★★', change: (e) => ({ ...e, complaints: [{ day: '2026-06-01', liable: true }] }), highest: 2, missingKinds: ['no-liable-complaint'], canApplyFor: null },
    { name: 'a complaint not liable does not count', change: (e) => ({ ...e, complaints: [{ day: '2026-06-01', liable: false }] }), highest: 4, missingKinds: [], canApplyFor: 5 },
    { name: 'a liable complaint in the first month of the window (Jan) still counts', change: (e) => ({ ...e, complaints: [{ day: '2026-01-01', liable: true }] }), highest: 2, missingKinds: ['no-liable-complaint'], canApplyFor: null },
    { name: 'a liable complaint that just left the window (31 Dec) no longer counts', change: (e) => ({ ...e, complaints: [{ day: '2025-12-31', liable: true }] }), highest: 4, missingKinds: [], canApplyFor: 5 },
    { name: 'inspection average exactly 85 counts', change: (e) => ({ ...e, inspections: [{ day: '2026-05-01', total: 80 }, { day: '2026-06-01', total: 90 }] }), highest: 4, missingKinds: [], canApplyFor: 5 },
    { name: 'inspection only outside the window: none counted', change: (e) => ({ ...e, inspections: [{ day: '2025-11-30', total: 99 }] }), highest: 2, missingKinds: ['inspection-average'], canApplyFor: null },
    { name: 'inspection dated after today is not counted', change: (e) => ({ ...e, inspections: [{ day: '2026-06-16', total: 99 }] }), highest: 2, missingKinds: ['inspection-average'], canApplyFor: null },
    { name: 'satisfaction at 4.8 with exactly 100 ratings counts', change: (e) => ({ ...e, satisfaction: [{ month: '2026-06', ratings: 100, average: 4.8 }] }), highest: 4, missingKinds: [], canApplyFor: 5 },
    { name: 'satisfaction high but 99 ratings: ★★★', change: (e) => ({ ...e, satisfaction: [{ month: '2026-06', ratings: 99, average: 5 }] }), highest: 3, missingKinds: ['satisfaction-average'], canApplyFor: null },
    {
      name: 'satisfaction weighted by ratings: 4.6×100 + 5.0×100 = 4.8',
      change: (e) => ({ ...e, satisfaction: [{ month: '2026-05', ratings: 100, average: 4.6 }, { month: '2026-06', ratings: 100, average: 5 }] }),
      highest: 4,
      missingKinds: [],
      canApplyFor: 5,
    },
    { name: 'no mentee completed yet: ★★★', change: (e) => ({ ...e, menteesCompleted: 0 }), highest: 3, missingKinds: ['mentored-new-hire'], canApplyFor: null },
    {
      name: 'course changed to an unflagged version: completion of the old version still counts',
      change: (e) => ({
        ...e,
        courses: { etiquette: { ...e.courses.etiquette, versions: [...e.courses.etiquette.versions, { number: 2, publishedAt: at('2026-03-01T00:00:00Z'), recertify: false, completed: false }] } },
      }),
      highest: 4,
      missingKinds: [],
      canApplyFor: 5,
    },
    {
      name: 'course published a version marked recertify: old completion and older quiz passes no longer count',
      change: (e) => ({
        ...e,
        courses: { etiquette: { ...e.courses.etiquette, versions: [...e.courses.etiquette.versions, { number: 2, publishedAt: at('2026-03-01T00:00:00Z'), recertify: true, completed: false }] } },
      }),
      highest: 0,
      missingKinds: ['courses-completed', 'quiz-score'],
      canApplyFor: null,
    },
    {
      name: 'recertify version re-read and quiz re-passed after it: counts again',
      change: (e) => ({
        ...e,
        courses: { etiquette: { ...e.courses.etiquette, versions: [...e.courses.etiquette.versions, { number: 2, publishedAt: at('2026-03-01T00:00:00Z'), recertify: true, completed: true }] } },
        quizzes: { ...e.quizzes, 'etiquette-quiz': { ...e.quizzes['etiquette-quiz'], attempts: [{ percent: 85, submittedAt: at('2026-03-02T00:00:00Z'), versionNumber: 2 }] } },
      }),
      highest: 4,
      missingKinds: [],
      canApplyFor: 5,
    },
  ])('$name', ({ change, highest, missingKinds, canApplyFor }) => {
    const result = starEligibility(TEST_LADDER, change(allFive()), NOW)
    expect(result.highestLevel).toBe(highest)
    expect(result.canApplyFor).toBe(canApplyFor)
    expect(result.next?.missing.map((m) => m.kind) ?? []).toEqual(missingKinds)
  })

  it('says what is missing with the current figure: 投诉处理测验 ≥ 85 (now 78)', () => {
    const evidence = allFive()
    const e = { ...evidence, quizzes: { ...evidence.quizzes, 'complaints-quiz': { ...evidence.quizzes['complaints-quiz'], attempts: [{ percent: 78, submittedAt: at('2026-02-01T00:00:00Z'), versionNumber: 1 }] } } }
    const [missing] = starEligibility(TEST_LADDER, e, NOW).next!.missing
    expect(sentence(missing)).toBe(
      'stars.kinds.quiz-score.requirement:{"quiz":{"zh":"投诉处理测验","en":"Complaint handling quiz"},"min":85}|stars.kinds.quiz-score.current:{"score":78}',
    )
  })

  it('reads mentoring requirements as not yet available while their provider is absent', () => {
    const result = starEligibility(TEST_LADDER, { ...allFive(), checklistSignedOff: null, menteesCompleted: null }, NOW)
    expect(result.next!.unavailable.map((r) => [r.kind, r.current?.key])).toEqual([
      ['checklist-signed-off', 'stars.kinds.checklist-signed-off.unavailable'],
      ['mentored-new-hire', 'stars.kinds.mentored-new-hire.unavailable'],
    ])
  })

  it('after ★★★★★ there is no next level', () => {
    expect(starEligibility(TEST_LADDER, { ...allFive(), panelReviewed: true }, NOW).next).toBeNull()
  })

  it.each([
    { level: 4, panel: false, ok: true },
    { level: 5, panel: false, ok: false },
    { level: 5, panel: true, ok: true },
  ])('meetsLevel($level, panel $panel) → $ok', ({ level, panel, ok }) => {
    expect(meetsLevel(TEST_LADDER, { ...allFive(), panelReviewed: panel }, level, NOW).ok).toBe(ok)
  })
})

describe('what a clerk works towards: the level above the one held, never "top" while a level is above it', () => {
  const lapsed = { ...allFive(), complaints: [{ day: '2026-06-01', liable: true }] } // meets ★★ only
  it.each<{ name: string; evidence: StarEvidence; held: { level: number; renewalDue: boolean } | null; level: number | null; missingKinds: string[] }>([
    { name: 'no certificate, nothing met: ★', evidence: emptyEvidence(), held: null, level: 1, missingKinds: ['courses-completed', 'quiz-score'] },
    { name: 'no certificate, ★★ met: ★★★ and what it lacks', evidence: lapsed, held: null, level: 3, missingKinds: ['no-liable-complaint'] },
    { name: 'no certificate, every level met: ★★★★★, ready', evidence: { ...allFive(), panelReviewed: true }, held: null, level: 5, missingKinds: [] },
    { name: 'holds ★★★ but the evidence meets ★★ today: ★★★★, with the lapsed requirement among its needs', evidence: lapsed, held: { level: 3, renewalDue: false }, level: 4, missingKinds: ['no-liable-complaint'] },
    { name: 'holds ★★ with evidence for ★★★★: ★★★, ready', evidence: allFive(), held: { level: 2, renewalDue: false }, level: 3, missingKinds: [] },
    { name: 'holds ★★★ due for renewal: its own level', evidence: lapsed, held: { level: 3, renewalDue: true }, level: 3, missingKinds: ['no-liable-complaint'] },
    { name: 'holds ★★★★★ in good standing: nothing above', evidence: allFive(), held: { level: 5, renewalDue: false }, level: null, missingKinds: [] },
  ])('$name', ({ evidence, held, level, missingKinds }) => {
    const next = workingTowards(starEligibility(TEST_LADDER, evidence, NOW), held)
    expect(next?.level ?? null).toBe(level)
    expect(next?.missing.map((m) => m.kind) ?? []).toEqual(missingKinds)
  })
})
