// Cues a test-wise clerk could score on without knowing the answer: the key of a single-choice item being the
// longest option, the best reply of a dialogue node being the longest reply, and a reply the 服务禁语 detector
// flags still earning points (unless its author reviewed the flag). content:check reports a quiz or scenario that leans on length (more than
// MAX_LONGEST_SHARE of its items or nodes), and every flagged reply that scores.
import { findForbiddenPhrases, type CompiledPhraseList } from '../phrases'
import { say, type Lang, type Problem } from './problem'
import type { Quiz } from './quiz'
import type { Scenario } from './scenario-graph'

/** Above this share of items (or nodes) whose answer is the longest, length gives the answer away. */
export const MAX_LONGEST_SHARE = 0.4

const length = (text: string) => [...text].length

/**
 * True when the longest of these texts (ties included) is one of the keys. Texts all of one length have no
 * longest: length tells a test-wise clerk nothing there (对/错, 正确/错误), so it is no cue
 * (docs/decisions/0021-items-true-false-longest.md).
 */
export function isKeyLongest(options: readonly { text: string; isKey: boolean }[]): boolean {
  const lengths = options.map((o) => length(o.text))
  const longest = Math.max(...lengths)
  if (lengths.every((l) => l === longest)) return false
  return options.some((o) => o.isKey && length(o.text) === longest)
}

// The fixed answer words of a true/false question, either order, any case: their lengths come with the language
// ("False" is longer than "True"), not with the author, so they are no cue and the item is not counted at all.
const TRUE_FALSE_WORDS = [
  ['正确', '错误'],
  ['对', '错'],
  ['是', '否'],
  ['true', 'false'],
  ['yes', 'no'],
]

/** A two-option single choice whose options are the two words of a true/false question (e.g. a bank's 判断题). */
export function isTrueFalseChoice(options: readonly { text: string }[]): boolean {
  if (options.length !== 2) return false
  const texts = options.map((o) => o.text.trim().toLowerCase().replace(/[。.!！]$/, '')).sort()
  return TRUE_FALSE_WORDS.some((pair) => [...pair].sort().every((word, i) => texts[i] === word))
}

export interface LongestShare {
  counted: number
  keyLongest: number
}

export function shareText(share: LongestShare): string {
  return `${share.keyLongest}/${share.counted}`
}

const leansOnLength = (share: LongestShare) => share.counted > 0 && share.keyLongest / share.counted > MAX_LONGEST_SHARE

/** Single-choice items of a quiz whose correct option is the longest; true/false items are not counted. */
export function quizLongestKeyShare(quiz: Quiz): LongestShare {
  let counted = 0
  let keyLongest = 0
  for (const item of quiz.items) {
    if (item.type !== 'single' || isTrueFalseChoice(item.options)) continue
    counted++
    if (isKeyLongest(item.options.map((o) => ({ text: o.text, isKey: o.correct === true })))) keyLongest++
  }
  return { counted, keyLongest }
}

/** Decision nodes (two or more replies) of a scenario whose best-scoring reply is the longest. */
export function scenarioLongestBestShare(scenario: Scenario): LongestShare {
  let counted = 0
  let keyLongest = 0
  for (const node of scenario.nodes) {
    if (!('replies' in node) || node.replies.length < 2) continue
    counted++
    const best = Math.max(...node.replies.map((r) => r.points))
    if (isKeyLongest(node.replies.map((r) => ({ text: r.text, isKey: r.points === best })))) keyLongest++
  }
  return { counted, keyLongest }
}

export function quizTestWiseProblems(quiz: Quiz, lang: Lang): Problem[] {
  const share = quizLongestKeyShare(quiz)
  if (!leansOnLength(share)) return []
  return [
    {
      path: ['items'],
      message: say(
        lang,
        `单选题中正确选项恰好最长的占 ${shareText(share)}，超过 ${MAX_LONGEST_SHARE * 100}%：只挑最长的选项就能得分。把干扰项写成营业员真会犯的、同样具体的错误`,
        `in ${shareText(share)} single-choice items the key is the longest option, above ${MAX_LONGEST_SHARE * 100}%: picking the longest option scores. Write distractors as specific, real mistakes`,
      ),
    },
  ]
}

/** `phrases` null: the scenario is not a clerk speaking to customers (a mentor's or manager's course), so no 禁语 check. */
export function scenarioTestWiseProblems(scenario: Scenario, phrases: CompiledPhraseList | null, lang: Lang): Problem[] {
  const problems: Problem[] = []
  const share = scenarioLongestBestShare(scenario)
  if (leansOnLength(share)) {
    problems.push({
      path: ['nodes'],
      message: say(
        lang,
        `${shareText(share)} 个节点的最佳回复恰好最长，超过 ${MAX_LONGEST_SHARE * 100}%：总选最长的回复就能通关。加入营业员真会说的长而错的回复（照本宣科、过度承诺、拿规定压客户）`,
        `in ${shareText(share)} nodes the best reply is the longest, above ${MAX_LONGEST_SHARE * 100}%: always picking the longest reply passes. Add long wrong replies clerks really give (reciting rules, over-promising)`,
      ),
    })
  }
  if (phrases) problems.push(...scoringForbiddenProblems(scenario, phrases, lang))
  return problems
}

/**
 * Scoring replies the detector flags. A reply whose author reviewed the flag (`notForbidden`: why the words are not
 * 禁语) is accepted, and such a note on a reply the detector does not flag is reported, so notes cannot go stale.
 */
function scoringForbiddenProblems(scenario: Scenario, phrases: CompiledPhraseList, lang: Lang): Problem[] {
  const problems: Problem[] = []
  scenario.nodes.forEach((node, n) => {
    if (!('replies' in node)) return
    node.replies.forEach((reply, r) => {
      const hits = reply.points > 0 || reply.notForbidden ? findForbiddenPhrases(reply.text, phrases) : []
      if (reply.notForbidden && (hits.length === 0 || reply.points <= 0)) {
        problems.push({
          path: ['nodes', n, 'replies', r, 'notForbidden'],
          message: say(lang, '这条回复不得分，或检测器并未判为服务禁语：notForbidden 说明已不需要，请删去', 'this reply does not score or the detector does not flag it: remove the notForbidden note'),
        })
        return
      }
      if (hits.length === 0 || reply.points <= 0 || reply.notForbidden) return
      problems.push({
        path: ['nodes', n, 'replies', r, 'points'],
        message: say(
          lang,
          `回复含服务禁语「${hits[0].matched}」（${hits[0].category}），不能得分（应为 0 分）；建议说：${hits[0].suggestion.replace(/[。.]$/, '')}。若确认不是禁语，在回复上写 notForbidden 说明理由`,
          `the reply contains the forbidden phrase 「${hits[0].matched}」 (${hits[0].category}) and may not score (points must be 0); say instead: ${hits[0].suggestion}. If it is not 禁语, say why in the reply's notForbidden`,
        ),
      })
    })
  })
  return problems
}
