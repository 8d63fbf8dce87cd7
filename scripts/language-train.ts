// `npm run language:train [-- --check]`: trains the 服务禁语 classifier from files in the repo, chooses the decision
// policy by 5-fold cross-validation on the corpus, and writes content/phrases/detector.json. Deterministic: the
// same files give the same bytes; --check exits 1 when the committed file is not what training gives (CI).
import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { choosePolicy, crossValidate, scorePolicy, trainOn } from '~/core/language/cross-validation'
import type { TrainedDetector } from '~/core/language/verdict'
import { loadTrainingData } from '~/server/language-corpus.server'

const OUTPUT = 'content/phrases/detector.json'
const FOLDS = 5
const MIN_PRECISION = 0.97 // chosen on the corpus alone, with a margin over the 0.95 target
const SHORT_REPLY = 14 // characters: the length of the short held-out split's replies

const data = loadTrainingData()
const outOfFold = crossValidate(data.cases, FOLDS, data.fixture)
const chosen = choosePolicy(outOfFold, MIN_PRECISION)
const compare = [
  ['list only', { threshold: 2, clauseThreshold: 2, veto: 0, alignWords: false }],
  ['list on word boundaries', { threshold: 2, clauseThreshold: 2, veto: 0, alignWords: true }],
  ['classifier only (0.5)', { threshold: 0.5, clauseThreshold: 2, veto: 2, alignWords: true }],
  ['list + classifier (chosen)', chosen.policy],
] as const
for (const [name, policy] of compare) {
  const score = scorePolicy(outOfFold, policy)
  console.log(`${FOLDS}-fold ${name}: precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)}`)
}
// short replies (2–14 characters) on their own: where a word or two decides and length must not
const short = outOfFold.cases.flatMap((reply, index) => ([...reply.text].length <= SHORT_REPLY ? [index] : []))
const shortScore = scorePolicy({ cases: short.map((i) => outOfFold.cases[i]), judgements: short.map((i) => outOfFold.judgements[i]) }, chosen.policy)
console.log(`${FOLDS}-fold, replies of ≤ ${SHORT_REPLY} characters (${short.length}): precision ${shortScore.precision.toFixed(3)}, recall ${shortScore.recall.toFixed(3)}`)
console.log(`policy: ${JSON.stringify(chosen.policy)}`)

const detector: TrainedDetector = { policy: chosen.policy, model: trainOn([...data.cases, ...data.fixture], undefined, data.sha256) }
const text = `${JSON.stringify(detector)}\n`
if (process.argv.includes('--check')) {
  const same = existsSync(OUTPUT) && readFileSync(OUTPUT, 'utf8') === text
  console.log(same ? `${OUTPUT} is up to date` : `${OUTPUT} differs from a fresh training run: run npm run language:train`)
  process.exitCode = same ? 0 : 1
} else {
  writeFileSync(OUTPUT, text)
  console.log(`wrote ${OUTPUT}: ${Object.keys(detector.model.weights).length} features, ${text.length} bytes`)
}
