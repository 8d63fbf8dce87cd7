import { describe, expect, it } from 'vitest'
import { spokenPart } from './narration'

describe('spokenPart', () => {
  it.each([
    ['（头也不抬）嗯。', '      嗯。'],
    ['我这就去叫经理。（起身离开窗口）', '我这就去叫经理。        '],
    ['(sits) ok', '       ok'],
    ['（写）「号码不变」', '   「号码不变」'],
    ['（外（内）外）好', '       好'],
    ['没有括号的话', '没有括号的话'],
    ['只开不关（这句', '只开不关（这句'],
    ['多余的关）照读', '多余的关）照读'],
    ['😀（笑）好', '😀   好'],
  ])('%s', (text, spoken) => {
    expect(spokenPart(text)).toBe(spoken)
    expect(spokenPart(text)).toHaveLength(text.length)
  })
})
