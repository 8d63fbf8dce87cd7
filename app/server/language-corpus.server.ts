// The labelled replies the language engine is trained and measured on, read from the repo: the corpus
// (content/phrases/corpus.tsv), the older labelled fixture (training data only) and the held-out split
// (content/phrases/holdout/, measured in aggregate only, never used to train or tune).
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { findListedPhrases, type CompiledPhraseList } from '~/core/phrases'
import { CATEGORY_CLASSES, type LabelledCase } from '~/core/language/cross-validation'
import { parseCorpus, parseLabelledReplies, type LabelledReply } from '~/core/language/evaluation'
import { loadForbiddenPhrases } from './phrases.server'

export const CORPUS_FILE = 'content/phrases/corpus.tsv'
export const FIXTURE_FILE = 'tests/fixtures/phrases/labelled.tsv'
export const HOLDOUT_FILE = 'content/phrases/holdout/holdout.tsv'
/** A second held-out split of short counter replies (2–14 characters), written apart later by another writer. */
export const SHORT_HOLDOUT_FILE = 'content/phrases/holdout-short/short.tsv'

export interface TrainingData {
  list: CompiledPhraseList // the listed phrases alone
  cases: LabelledCase[] // the corpus, each with its listed-phrase hits
  fixture: LabelledReply[] // the older set; a forbidden reply takes the category of its first listed hit
  sha256: string // of the list, corpus and fixture: recorded in the model
}

export function loadTrainingData(listFile = 'content/phrases/forbidden.yaml'): TrainingData {
  const list = loadForbiddenPhrases(listFile, { withDetector: false })
  const sources = [listFile, CORPUS_FILE, FIXTURE_FILE].map((file) => readFileSync(file, 'utf8'))
  const cases = withListed(parseCorpus(sources[1], CATEGORY_CLASSES), list)
  const fixture = parseLabelledReplies(sources[2]).map((reply) =>
    reply.forbidden ? { ...reply, category: findListedPhrases(reply.text, list)[0]?.category } : reply,
  )
  const sha256 = createHash('sha256').update(sources.join('\u0000')).digest('hex')
  return { list, cases, fixture, sha256 }
}

export function withListed(replies: readonly LabelledReply[], list: CompiledPhraseList): LabelledCase[] {
  return replies.map((reply) => ({ ...reply, listed: findListedPhrases(reply.text, list) }))
}

/** A held-out split; callers print aggregate figures only (see its README.md). */
export function loadHoldout(file = HOLDOUT_FILE): LabelledReply[] {
  return parseCorpus(readFileSync(file, 'utf8'), CATEGORY_CLASSES)
}
