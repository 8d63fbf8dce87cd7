import { compilePhraseList } from '../phrases'
import { QuizSchema, type Quiz } from './quiz'
import type { Scenario } from './scenario-graph'
import { scenarioOfReplies } from './test-fixtures'
import { isKeyLongest, isTrueFalseChoice, quizLongestKeyShare, quizTestWiseProblems, scenarioLongestBestShare, scenarioTestWiseProblems } from './test-wise'

const phrases = compilePhraseList({
  phrases: [{ id: 'dont-know', phrase: '不知道', variants: [], suggestion: '我帮您查一下。', unless: [], category: '推诿' }],
})

describe('isKeyLongest: does picking the longest option find a key?', () => {
  it.each([
    { case: 'the key is strictly longest', options: [['长长的正确答案', true], ['短', false]], expected: true },
    { case: 'a distractor is longer', options: [['对', true], ['一个更长的错误答案', false]], expected: false },
    { case: 'a tie for longest includes the key', options: [['甲乙丙', true], ['丁戊己', false], ['短', false]], expected: true },
    { case: 'all options of one length: no longest, no cue', options: [['甲乙丙', true], ['丁戊己', false]], expected: false },
    { case: '对/错 of a true/false item tie: no cue', options: [['对', false], ['错', true]], expected: false },
    { case: 'three equal options: no cue', options: [['甲', true], ['乙', false], ['丙', false]], expected: false },
    { case: 'length counts characters, not UTF-16 units', options: [['好😀', true], ['一二三', false]], expected: false },
  ])('$case → $expected', ({ options, expected }) =>
    expect(isKeyLongest(options.map(([text, isKey]) => ({ text: text as string, isKey: isKey as boolean })))).toBe(expected))
})

const single = (id: string, keyText: string, otherText: string) => ({
  id,
  type: 'single',
  module: 'intro',
  points: 1,
  prompt: '题目',
  options: [
    { id: 'a', text: keyText, correct: true, feedback: '对' },
    { id: 'b', text: otherText, feedback: '错' },
  ],
})

const quizOf = (items: unknown[]): Quiz =>
  QuizSchema.parse({ id: 'q', course: 'demo', title: { zh: '测验', en: 'Quiz' }, modules: ['intro'], passMark: 50, attemptsAllowed: 0, minDelayMinutes: 0, items })

describe('quizzes: a problem when the key is the longest in more than 40 % of single-choice items', () => {
  it.each([
    { keyLongest: 2, of: 5, problem: false }, // exactly 40 %: allowed
    { keyLongest: 3, of: 5, problem: true },
    { keyLongest: 0, of: 3, problem: false },
    { keyLongest: 1, of: 1, problem: true },
  ])('$keyLongest of $of → problem $problem', ({ keyLongest, of, problem }) => {
    const items = Array.from({ length: of }, (_, i) =>
      i < keyLongest ? single(`i${i}`, '很长很长的正确答案', '短') : single(`i${i}`, '对', '一个更长的错误答案'),
    )
    const quiz = quizOf(items)
    expect(quizLongestKeyShare(quiz)).toEqual({ counted: of, keyLongest })
    const problems = quizTestWiseProblems(quiz, 'zh-CN')
    expect(problems.length > 0).toBe(problem)
    if (problem) expect(problems[0].message).toContain(`${keyLongest}/${of}`)
  })
})

const trueFalse = (id: string, truth: string, falsehood: string, correct: 'truth' | 'falsehood') => ({
  id,
  type: 'single',
  module: 'intro',
  points: 1,
  prompt: '可以代客户签字。',
  options: [
    { id: 'true', text: truth, ...(correct === 'truth' ? { correct: true } : {}), feedback: '反馈' },
    { id: 'false', text: falsehood, ...(correct === 'falsehood' ? { correct: true } : {}), feedback: '反馈' },
  ],
})

describe('isTrueFalseChoice: the two words of a true/false question', () => {
  it.each([
    { options: ['正确', '错误'], expected: true },
    { options: ['错误', '正确'], expected: true },
    { options: ['对', '错'], expected: true },
    { options: ['True', 'False'], expected: true },
    { options: ['true.', 'FALSE'], expected: true },
    { options: ['是', '否'], expected: true },
    { options: ['正确', '错误', '不确定'], expected: false }, // three options: a real choice
    { options: ['正确', '不对'], expected: false }, // not a fixed pair
    { options: ['先核验身份', '先办理业务'], expected: false },
  ])('$options → $expected', ({ options, expected }) => expect(isTrueFalseChoice(options.map((text) => ({ text })))).toBe(expected))
})

describe('true/false bank items in a quiz do not trip the 40 % rule', () => {
  it.each([
    { case: 'five Chinese true/false items, all keyed 错误', items: [0, 1, 2, 3, 4].map((i) => trueFalse(`tf${i}`, '正确', '错误', 'falsehood')), share: { counted: 0, keyLongest: 0 } },
    { case: 'five English true/false items keyed False (the longer word)', items: [0, 1, 2, 3, 4].map((i) => trueFalse(`tf${i}`, 'True', 'False', 'falsehood')), share: { counted: 0, keyLongest: 0 } },
    {
      case: 'true/false items beside real single choices: only the real ones count',
      items: [trueFalse('tf', 'True', 'False', 'falsehood'), single('a', '很长很长的正确答案', '短'), single('b', '对', '一个更长的错误答案'), single('c', '对', '一个更长的错误答案')],
      share: { counted: 3, keyLongest: 1 },
    },
    { case: 'equal-length options that are not true/false are counted, and are no cue', items: [single('a', '甲乙', '丙丁')], share: { counted: 1, keyLongest: 0 } },
  ])('$case', ({ items, share }) => {
    const quiz = quizOf(items)
    expect(quizLongestKeyShare(quiz)).toEqual(share)
    expect(quizTestWiseProblems(quiz, 'zh-CN')).toEqual([])
  })
})

const scenarioOf = (nodes: Array<{ best: string; other: string; otherPoints?: number }>): Scenario =>
  scenarioOfReplies(nodes.map((n) => [{ text: n.best, points: 2, next: 'next' }, { text: n.other, points: n.otherPoints ?? 0, next: 'end-bad' }]))

describe('scenarios: best reply longest in more than 40 % of nodes, and flagged replies that score', () => {
  const long = { best: '很长很长的最佳回复内容', other: '短' }
  const short = { best: '好的', other: '一个比最佳回复长得多的错误回复' }
  it.each([
    { nodes: [long, long, short, short, short], share: '2/5', problem: false },
    { nodes: [long, long, long, short, short], share: '3/5', problem: true },
    { nodes: [short], share: '0/1', problem: false },
  ])('$share → problem $problem', ({ nodes, problem }) => {
    const scenario = scenarioOf(nodes)
    const problems = scenarioTestWiseProblems(scenario, phrases, 'zh-CN')
    expect(problems.some((p) => p.path.length === 1 && p.path[0] === 'nodes')).toBe(problem)
  })

  it('a node with a single reply is not counted', () => {
    const scenario = scenarioOf([short])
    expect(scenarioLongestBestShare(scenario)).toEqual({ counted: 1, keyLongest: 0 })
  })

  it.each([
    { otherPoints: 1, flagged: true },
    { otherPoints: 0, flagged: false },
  ])('a reply with a 服务禁语 scoring $otherPoints → reported $flagged, at its points', ({ otherPoints, flagged }) => {
    const scenario = scenarioOf([{ best: '好的', other: '这个我不知道，您问别人吧，反正不归我管', otherPoints }])
    const problems = scenarioTestWiseProblems(scenario, phrases, 'en')
    const hit = problems.find((p) => p.path.join('.') === 'nodes.0.replies.1.points')
    expect(hit !== undefined).toBe(flagged)
    if (hit) expect(hit.message).toContain('不知道')
  })

  it.each([
    { points: 1, note: undefined, problemAt: 'points' },
    { points: 1, note: '说的是事实，不是禁语', problemAt: null },
    { points: 0, note: '不得分的回复不需要说明', problemAt: 'notForbidden' },
  ])('a flagged reply scoring $points with note $note → problem at $problemAt', ({ points, note, problemAt }) => {
    const scenario = scenarioOf([{ best: '好的', other: '这个我不知道，您问别人吧，反正不归我管', otherPoints: points }])
    const node = scenario.nodes[0]
    if ('replies' in node && note) node.replies[1].notForbidden = note
    const problems = scenarioTestWiseProblems(scenario, phrases, 'zh-CN').filter((p) => p.path[0] === 'nodes' && p.path.length > 1)
    expect(problems.map((p) => p.path.at(-1) ?? null)).toEqual(problemAt ? [problemAt] : [])
  })

  it('a note on a reply the detector does not flag is reported (notes cannot go stale)', () => {
    const scenario = scenarioOf([{ best: '好的', other: '您好，请稍坐', otherPoints: 1 }])
    const node = scenario.nodes[0]
    if ('replies' in node) node.replies[1].notForbidden = '以前被误判过'
    expect(scenarioTestWiseProblems(scenario, phrases, 'en').map((p) => p.path.join('.'))).toContain('nodes.0.replies.1.notForbidden')
  })

  it('without a phrase list (a mentor’s or manager’s dialogue) no reply is checked for 禁语', () => {
    const scenario = scenarioOf([{ best: '好的', other: '这个我不知道，您问别人吧，反正不归我管', otherPoints: 1 }])
    expect(scenarioTestWiseProblems(scenario, null, 'en').filter((p) => p.path.length > 1)).toEqual([])
  })
})
