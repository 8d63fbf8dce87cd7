// The real curriculum gives nothing away by length: per quiz and per scenario, the share of single-choice items
// whose key is the longest option and of dialogue nodes whose best reply is the longest stays at or below 40 %,
// and no reply the 服务禁语 detector flags scores points (unless its author noted why the flag is wrong).
import { checkContent, staffCourseIds } from '~/server/content/check.server'
import { loadForbiddenPhrases } from '~/server/phrases.server'
import { MAX_LONGEST_SHARE, quizLongestKeyShare, scenarioLongestBestShare, scenarioTestWiseProblems } from '~/core/quiz/test-wise'

const { content } = checkContent('content')
const phrases = loadForbiddenPhrases('content/phrases/forbidden.yaml')
// mentors' and managers' dialogues (courses no clerk takes) are outside the 服务禁语 detector's domain
const staffCourses = staffCourseIds(content.courses)

it('the curriculum has quizzes and scenarios to measure', () => {
  expect(content.quizzes.length).toBeGreaterThanOrEqual(3)
  expect(content.scenarios.length).toBeGreaterThanOrEqual(30)
})

describe('quizzes: key is the longest option', () => {
  it.each(content.quizzes.map((q) => ({ id: q.quiz.id, quiz: q.quiz })))('$id', ({ quiz }) => {
    const share = quizLongestKeyShare(quiz)
    expect(share.keyLongest / Math.max(1, share.counted)).toBeLessThanOrEqual(MAX_LONGEST_SHARE)
  })
})

describe('scenarios: best reply is the longest; flagged replies score nothing', () => {
  it.each(content.scenarios.map((s) => ({ id: s.scenario.id, scenario: s.scenario })))('$id', ({ scenario }) => {
    const share = scenarioLongestBestShare(scenario)
    expect(share.counted).toBeGreaterThan(0)
    expect(share.keyLongest / share.counted).toBeLessThanOrEqual(MAX_LONGEST_SHARE)
    expect(scenarioTestWiseProblems(scenario, staffCourses.has(scenario.course) ? null : phrases, 'en')).toEqual([])
  })
})
