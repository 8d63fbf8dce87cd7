// The evaluation of issue #19 as a regression test: the corpus's make-up, 5-fold cross-validation on it, the
// held-out split (aggregate figures only; its sentences are never printed), and that the committed detector is
// what training from the repo's files gives. Floors sit just under the figures measured when this was written
// (docs/decisions/0009-lang-engine.md), so a regression fails.
import { readFileSync } from 'node:fs'
import { CATEGORY_CLASSES, crossValidate, scorePolicy, trainOn } from '~/core/language/cross-validation'
import { aggregateScore } from '~/core/language/evaluation'
import { findForbiddenPhrases } from '~/core/phrases'
import { loadHoldout, loadTrainingData, SHORT_HOLDOUT_FILE } from '~/server/language-corpus.server'
import { loadForbiddenPhrases } from '~/server/phrases.server'

const TRIGGER_WORDS = ['不清楚', '不知道', '快点', '办不了', '没办法', '自己', '规定', '下班', '投诉', '不归', '别人', '等着', '排队', '看不懂', '说过', '找', '不行', '不能', '麻烦', '忙', '急', '喂', '不会', '不用', '系统', '为什么']

const data = loadTrainingData()
const detector = loadForbiddenPhrases()

describe('the labelled corpus', () => {
  it('has at least 1 000 replies, every category, and at least 400 courteous replies with a trigger word', () => {
    expect(data.cases.length).toBeGreaterThanOrEqual(1000)
    for (const category of CATEGORY_CLASSES) {
      expect(data.cases.filter((reply) => reply.category === category).length, category).toBeGreaterThanOrEqual(50)
    }
    const politeWithTrigger = data.cases.filter((reply) => !reply.forbidden && TRIGGER_WORDS.some((word) => reply.text.includes(word)))
    expect(politeWithTrigger.length).toBeGreaterThanOrEqual(400)
  })

  it('has short replies (≤ 14 characters) of both labels and every category, so shortness is no cue', () => {
    const short = data.cases.filter((reply) => [...reply.text].length <= 14)
    expect(short.filter((reply) => !reply.forbidden).length).toBeGreaterThanOrEqual(400)
    expect(short.filter((reply) => reply.forbidden).length).toBeGreaterThanOrEqual(600)
    for (const category of CATEGORY_CLASSES) {
      expect(short.filter((reply) => reply.category === category).length, category).toBeGreaterThanOrEqual(50)
    }
  })

  it('shares no sentence with the held-out split (compared by count only)', () => {
    const corpus = new Set(data.cases.map((reply) => reply.text))
    expect(loadHoldout().filter((reply) => corpus.has(reply.text)).length).toBe(0)
  })
})

describe('5-fold cross-validation on the corpus', () => {
  it('precision ≥ 0.96 and recall ≥ 0.91 with the stored policy; on replies of ≤ 14 characters ≥ 0.95 and ≥ 0.91', () => {
    const policy = detector.detector?.policy
    expect(policy).toBeDefined()
    const outOfFold = crossValidate(data.cases, 5, data.fixture)
    const score = scorePolicy(outOfFold, policy!)
    expect(score.precision).toBeGreaterThanOrEqual(0.96)
    expect(score.recall).toBeGreaterThanOrEqual(0.91)
    // short replies on their own: length must not stand in for coldness (docs/decisions/0009, session 6)
    const short = outOfFold.cases.flatMap((reply, index) => ([...reply.text].length <= 14 ? [index] : []))
    const shortScore = scorePolicy({ cases: short.map((i) => outOfFold.cases[i]), judgements: short.map((i) => outOfFold.judgements[i]) }, policy!)
    expect(shortScore.precision).toBeGreaterThanOrEqual(0.95)
    expect(shortScore.recall).toBeGreaterThanOrEqual(0.91)
  }, 120_000)
})

describe('the held-out split', () => {
  it('precision ≥ 0.97, recall ≥ 0.90, every category ≥ 0.83', () => {
    const score = aggregateScore(loadHoldout(), (text) => {
      const hits = findForbiddenPhrases(text, detector)
      return { flagged: hits.length > 0, category: hits[0]?.category ?? null }
    })
    // aggregate figures only in the message: the split's sentences are never shown
    const figures = JSON.stringify({ precision: score.precision, recall: score.recall, byCategory: score.recallByCategory })
    expect(score.replies, figures).toBe(640)
    expect(score.precision, figures).toBeGreaterThanOrEqual(0.97)
    expect(score.recall, figures).toBeGreaterThanOrEqual(0.9)
    for (const category of CATEGORY_CLASSES) expect(score.recallByCategory[category], `${category} ${figures}`).toBeGreaterThanOrEqual(0.83)
  })
})

describe('the held-out split of short replies (2–14 characters, a second writer)', () => {
  it('precision ≥ 0.91, recall ≥ 0.94 on the replies not also in the training data', () => {
    const training = new Set([...data.cases, ...data.fixture].map((reply) => reply.text))
    const split = loadHoldout(SHORT_HOLDOUT_FILE)
    const unseen = split.filter((reply) => !training.has(reply.text))
    const score = aggregateScore(unseen, (text) => {
      const hits = findForbiddenPhrases(text, detector)
      return { flagged: hits.length > 0, category: hits[0]?.category ?? null }
    })
    const figures = JSON.stringify({ precision: score.precision, recall: score.recall, byCategory: score.recallByCategory })
    // a few two- or three-word replies ("好的，请稍等") were also written for the corpus: they are not evidence
    expect(split.length - unseen.length, figures).toBeLessThanOrEqual(10)
    expect(score.precision, figures).toBeGreaterThanOrEqual(0.91)
    expect(score.recall, figures).toBeGreaterThanOrEqual(0.94)
  })
})

describe('the committed detector', () => {
  it('is what training on the repo’s files gives (deterministic; run npm run language:train after editing them)', () => {
    const committed = JSON.parse(readFileSync('content/phrases/detector.json', 'utf8')) as { model: unknown }
    expect(JSON.stringify(trainOn([...data.cases, ...data.fixture], undefined, data.sha256))).toBe(JSON.stringify(committed.model))
  }, 120_000)
})
