// Table tests for the reply fold: width, case, traditional characters, emoji and punctuation, length kept.
import { normaliseReply } from './normalise'

describe('normaliseReply', () => {
  it.each([
    { text: '這不歸我管', folded: '这不归我管', why: 'traditional characters read as simplified' },
    { text: '您別著急', folded: '您别着急', why: '著 at a counter is 着' },
    { text: 'ＯＫ，好的', folded: 'ok,好的', why: 'full-width letters and comma' },
    { text: 'NOT my job', folded: 'not my job', why: 'mixed English, lower case' },
    { text: '好的😀', folded: '好的  ', why: 'an emoji (two units) becomes separators' },
    { text: '请稍等⏰', folded: '请稍等 ', why: 'a BMP pictograph too' },
    { text: '真的？！', folded: '真的?!', why: 'sentence marks stay readable' },
    { text: '「您好」', folded: ' 您好 ', why: 'quotes are separators' },
    { text: '\u0000', folded: '\ufffd', why: 'a NUL is not a separator' },
    { text: '', folded: '', why: 'empty' },
  ])('$why: "$text"', ({ text, folded }) => expect(normaliseReply(text)).toBe(folded))

  it('keeps the length of any text, so offsets stay valid', () => {
    const text = '這個😀ＡＢ，ok？\u3000' + '字'.repeat(10_000)
    expect(normaliseReply(text)).toHaveLength(text.length)
  })
})
