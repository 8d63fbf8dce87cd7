// Owns the plain-words verdicts on quiz items, from Moodle's figures and the option pick rates: which items need
// a trainer's action, and why. Pure; the thresholds are data (VERDICT_THRESHOLDS), each with its source.
// Callers: the statistics pages; the managers' weakest items and the 晨会 pack can call `itemVerdicts` the same way.
import type { OptionAnalysis } from './choice-options'
import type { ItemFigureRow } from './statistics-report'

/**
 * Sources:
 * - Moodle Docs, "Quiz statistics calculations" (docs.moodle.org/dev/Quiz_statistics_calculations), facility
 *   index bands: 95–100 "extremely easy", 5 or less "extremely difficult or something wrong with the question",
 *   6–10 "very difficult"; discrimination index bands: 0–19 "very weak", negative "question probably invalid".
 * - Moodle source, mod/quiz/report/statistics/statistics_table.php, is_dubious_question(): an item whose
 *   discriminative efficiency is below 15% is flagged as "possibly not pulling its weight".
 * - Classical item analysis (distractor analysis): a wrong option the upper group picks more often than the key
 *   points at a wrong key; an option nobody picks does not distract.
 */
export const VERDICT_THRESHOLDS = {
  /** Fewer analysed attempts than this: no verdicts (the figures of a handful of attempts swing wildly). */
  minimumAttempts: 5,
  /** Facility (share right) at or above: too easy. Moodle: 95–100 extremely easy. */
  tooEasyFacility: 0.95,
  /** Facility at or below: too hard. Moodle: 6–10 very difficult, ≤ 5 extremely difficult. */
  tooHardFacility: 0.1,
  /** Discrimination index (percent) below: weak. Moodle: 0–19 very weak. */
  weakDiscrimination: 20,
  /** Discriminative efficiency (percent) below: weak too. Moodle's is_dubious_question(). */
  weakEfficiency: 15,
  /** A wrong option the upper third picks at least this often, and more often than the key: possibly a wrong key. */
  wrongKeyUpperRate: 0.3,
} as const

export type VerdictThresholds = { [K in keyof typeof VERDICT_THRESHOLDS]: number }

export type Finding =
  | { kind: 'possible-wrong-key'; option: string; upperRate: number; keyUpperRate: number }
  | { kind: 'negative-discrimination'; discrimination: number }
  | { kind: 'too-hard'; facility: number }
  | { kind: 'too-easy'; facility: number }
  | { kind: 'weak-discrimination'; discrimination: number }
  | { kind: 'unused-distractor'; option: string }

/** Findings in the order a trainer should act on them: a wrong key first, unused distractors last. */
export const FINDING_ORDER: readonly Finding['kind'][] = [
  'possible-wrong-key',
  'negative-discrimination',
  'too-hard',
  'too-easy',
  'weak-discrimination',
  'unused-distractor',
]

export interface ItemVerdict {
  itemId: string
  /** The item's position in the quiz, 1-based. */
  number: number
  findings: Finding[]
  /** False when the item works (or when there are too few attempts to say). */
  needsAction: boolean
}

/** What a verdict reads of an item: its figures and, for choice items, the option pick rates. */
export interface VerdictInput {
  id: string
  figures: ItemFigureRow | null
  analysis: unknown
}

function isOptionAnalysis(analysis: unknown): analysis is OptionAnalysis {
  return typeof analysis === 'object' && analysis !== null && 'rows' in analysis && Array.isArray(analysis.rows)
}

function optionFindings(options: OptionAnalysis, limits: VerdictThresholds): Finding[] {
  const findings: Finding[] = []
  const keyUpper = Math.max(0, ...options.rows.filter((row) => row.correct).map((row) => row.upperRate ?? 0))
  const lure = options.rows
    .filter((row) => !row.correct && (row.upperRate ?? 0) >= limits.wrongKeyUpperRate && (row.upperRate ?? 0) > keyUpper)
    .sort((a, b) => (b.upperRate ?? 0) - (a.upperRate ?? 0))[0]
  if (lure) findings.push({ kind: 'possible-wrong-key', option: lure.text, upperRate: lure.upperRate ?? 0, keyUpperRate: keyUpper })
  if (options.responses - options.blanks > 0) {
    for (const row of options.rows) if (!row.correct && row.picks === 0) findings.push({ kind: 'unused-distractor', option: row.text })
  }
  return findings
}

function figureFindings(figures: ItemFigureRow, limits: VerdictThresholds): Finding[] {
  const findings: Finding[] = []
  const { facility, discriminationIndex: discrimination, discriminativeEfficiency: efficiency } = figures
  if (facility >= limits.tooEasyFacility) findings.push({ kind: 'too-easy', facility })
  else if (facility <= limits.tooHardFacility) findings.push({ kind: 'too-hard', facility })
  if (discrimination !== null && discrimination < 0) findings.push({ kind: 'negative-discrimination', discrimination })
  else if (
    discrimination !== null &&
    (discrimination < limits.weakDiscrimination || (efficiency !== null && efficiency < limits.weakEfficiency)) &&
    // an item nearly everyone gets right (or wrong) cannot separate anyone: "too easy" already says so
    facility < limits.tooEasyFacility &&
    facility > limits.tooHardFacility
  ) {
    findings.push({ kind: 'weak-discrimination', discrimination })
  }
  return findings
}

const rank = (finding: Finding) => FINDING_ORDER.indexOf(finding.kind)

/**
 * Each item's verdict; items needing action first (by their most urgent finding, then quiz order), then the rest in
 * quiz order. With fewer than `minimumAttempts` analysed attempts every item gets no findings.
 */
export function itemVerdicts(items: readonly VerdictInput[], attempts: number, limits: VerdictThresholds = VERDICT_THRESHOLDS): ItemVerdict[] {
  const verdicts = items.map((item, index): ItemVerdict => {
    const findings =
      attempts < limits.minimumAttempts
        ? []
        : [
            ...(item.figures ? figureFindings(item.figures, limits) : []),
            ...(isOptionAnalysis(item.analysis) ? optionFindings(item.analysis, limits) : []),
          ].sort((a, b) => rank(a) - rank(b))
    return { itemId: item.id, number: index + 1, findings, needsAction: findings.length > 0 }
  })
  const urgency = (verdict: ItemVerdict) => (verdict.needsAction ? rank(verdict.findings[0]) : FINDING_ORDER.length)
  return [...verdicts].sort((a, b) => urgency(a) - urgency(b) || a.number - b.number)
}
