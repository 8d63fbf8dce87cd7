// Measuring a detector against labelled replies: the two file formats, precision/recall overall and per
// category, and the deterministic k-fold split used for cross-validation.
import type { CompiledPhraseList } from '../phrases'
import { findForbiddenPhrases } from '../phrases'

export interface LabelledReply {
  forbidden: boolean
  text: string
  category?: string // the corpus format names it; the older two-column format does not
}

export interface DetectorScore {
  precision: number // flagged replies that really are forbidden; 1 when nothing was flagged
  recall: number // forbidden replies that were flagged; 1 when none is forbidden
  falsePositives: string[]
  falseNegatives: string[]
}

/** Reads `label<TAB>sentence` lines (label `forbidden` or `ok`); blank lines and `#` comments skipped. */
export function parseLabelledReplies(tsv: string): LabelledReply[] {
  return tsv.split(/\r?\n/).flatMap((line, index) => {
    if (line.trim() === '' || line.startsWith('#')) return []
    const tab = line.indexOf('\t')
    const label = tab < 0 ? line : line.slice(0, tab)
    if (tab < 0 || (label !== 'forbidden' && label !== 'ok')) {
      throw new Error(`line ${index + 1}: expected "forbidden<TAB>sentence" or "ok<TAB>sentence"`)
    }
    return [{ forbidden: label === 'forbidden', text: line.slice(tab + 1) }]
  })
}

/** Reads `label<TAB>category<TAB>sentence` lines (category `-` for ok); blank lines and `#` comments skipped. */
export function parseCorpus(tsv: string, categories: readonly string[]): LabelledReply[] {
  return tsv.split(/\r?\n/).flatMap((line, index) => {
    if (line.trim() === '' || line.startsWith('#')) return []
    const [label, category, text, ...rest] = line.split('\t')
    const known = label === 'ok' ? category === '-' : label === 'forbidden' && categories.includes(category)
    if (!known || text === undefined || text.trim() === '' || rest.length > 0) {
      throw new Error(`line ${index + 1}: expected "forbidden<TAB>category<TAB>sentence" or "ok<TAB>-<TAB>sentence"`)
    }
    return [label === 'ok' ? { forbidden: false, text } : { forbidden: true, text, category }]
  })
}

export function scoreDetector(replies: readonly LabelledReply[], compiled: CompiledPhraseList): DetectorScore {
  return scoreVerdicts(replies, (text) => findForbiddenPhrases(text, compiled).length > 0)
}

export function scoreVerdicts(replies: readonly LabelledReply[], flags: (text: string) => boolean): DetectorScore {
  const falsePositives: string[] = []
  const falseNegatives: string[] = []
  let truePositives = 0
  for (const reply of replies) {
    const flagged = flags(reply.text)
    if (flagged && reply.forbidden) truePositives++
    else if (flagged) falsePositives.push(reply.text)
    else if (reply.forbidden) falseNegatives.push(reply.text)
  }
  const flaggedCount = truePositives + falsePositives.length
  const forbiddenCount = truePositives + falseNegatives.length
  return {
    precision: flaggedCount === 0 ? 1 : truePositives / flaggedCount,
    recall: forbiddenCount === 0 ? 1 : truePositives / forbiddenCount,
    falsePositives,
    falseNegatives,
  }
}

/** Aggregate figures only (what may be printed for the held-out split): counts and recall per category. */
export interface AggregateScore {
  replies: number
  forbidden: number
  precision: number
  recall: number
  recallByCategory: Record<string, number>
  categoryAgreement: number // flagged forbidden replies whose category the detector named right
}

export function aggregateScore(
  replies: readonly LabelledReply[],
  verdict: (text: string) => { flagged: boolean; category: string | null },
): AggregateScore {
  let truePositives = 0
  let flaggedCount = 0
  let rightCategory = 0
  const byCategory = new Map<string, { total: number; found: number }>()
  for (const reply of replies) {
    const result = verdict(reply.text)
    if (result.flagged) flaggedCount++
    if (!reply.forbidden) continue
    const bucket = byCategory.get(reply.category ?? '-') ?? { total: 0, found: 0 }
    bucket.total++
    if (result.flagged) {
      bucket.found++
      truePositives++
      if (result.category === reply.category) rightCategory++
    }
    byCategory.set(reply.category ?? '-', bucket)
  }
  const forbidden = replies.filter((reply) => reply.forbidden).length
  return {
    replies: replies.length,
    forbidden,
    precision: flaggedCount === 0 ? 1 : truePositives / flaggedCount,
    recall: forbidden === 0 ? 1 : truePositives / forbidden,
    recallByCategory: Object.fromEntries([...byCategory].sort().map(([name, bucket]) => [name, bucket.found / bucket.total])),
    categoryAgreement: truePositives === 0 ? 1 : rightCategory / truePositives,
  }
}

/** Splits indices 0..n-1 into k folds, stratified by `label`, deterministically (round robin per label). */
export function kFolds(labels: readonly string[], k: number): number[][] {
  const folds: number[][] = Array.from({ length: k }, () => [])
  const next = new Map<string, number>()
  labels.forEach((label, index) => {
    const fold = next.get(label) ?? 0
    folds[fold].push(index)
    next.set(label, (fold + 1) % k)
  })
  return folds
}
