// The real 服务禁语 list measured on the hand-labelled reply set in tests/fixtures/phrases/.
import { readFileSync } from 'node:fs'
import { findForbiddenPhrases, parseLabelledReplies, scoreDetector } from '~/core/phrases'
import { loadForbiddenPhrases } from '~/server/phrases.server'

const compiled = loadForbiddenPhrases('content/phrases/forbidden.yaml')
const replies = parseLabelledReplies(readFileSync('tests/fixtures/phrases/labelled.tsv', 'utf8'))

describe('the 服务禁语 list on the labelled set', () => {
  it('the list has at least 40 entries, each with a suggestion', () => {
    expect(compiled.entries.length).toBeGreaterThanOrEqual(40)
    expect(compiled.entries.every((entry) => entry.suggestion.length > 0)).toBe(true)
  })

  it('the set has at least 60 replies, both kinds, roughly balanced', () => {
    const forbidden = replies.filter((reply) => reply.forbidden).length
    expect(replies.length).toBeGreaterThanOrEqual(60)
    expect(forbidden / replies.length).toBeGreaterThan(0.4)
    expect(forbidden / replies.length).toBeLessThan(0.6)
  })

  it('flags no courteous reply (precision 1.0)', () => {
    const score = scoreDetector(replies, compiled)
    expect(score.falsePositives).toEqual([])
    expect(score.precision).toBe(1)
  })

  it('flags at least 90% of the forbidden replies', () => {
    const score = scoreDetector(replies, compiled)
    // the misses are kept in the set on purpose: wording the list does not cover yet
    expect(score.recall, `missed: ${score.falseNegatives.join(' / ')}`).toBeGreaterThanOrEqual(0.9)
  })

  it('leaves the near-miss from the issue alone and catches the plain refusal', () => {
    expect(findForbiddenPhrases('您不知道服务密码也没关系，我帮您找回', compiled)).toEqual([])
    expect(findForbiddenPhrases('不知道，你去问别人吧。', compiled).map((hit) => hit.id)).toEqual(['dont-know', 'ask-someone-else'])
  })
})
