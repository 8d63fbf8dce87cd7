// Table tests for the 服务禁语 detector: hits, offsets, near-misses, normalisation, overlaps, segments, schema.
import {
  compilePhraseList,
  findForbiddenPhrases,
  ForbiddenPhraseListSchema,
  highlightSegments,
  parseLabelledReplies,
  phraseMatchKey,
  scoreDetector,
  type PhraseHit,
} from './phrases'

const list = ForbiddenPhraseListSchema.parse({
  phrases: [
    {
      id: 'dont-know',
      phrase: '不知道',
      variants: ['我不知道', '不清楚'],
      suggestion: '我帮您查询一下，请稍等。',
      unless: ['您不知道', '不知道也没关系', '不知道您', '看不清楚'],
      category: '推诿',
    },
    { id: 'ask-someone-else', phrase: '找别人去', variants: ['问别人去'], suggestion: '我来帮您办理。', unless: ['不用找别人'], category: '推诿' },
    { id: 'closing-time', phrase: '下班了，明天再来', suggestion: '我帮您办完再下班。', category: '冷漠' },
    { id: 'what-is-the-hurry', phrase: '急什么', suggestion: '请您稍等。', category: '不耐烦' },
    { id: 'call-hotline', phrase: '打10086问去', suggestion: '我帮您联系后台。', category: '推诿' },
    { id: 'you-would-not-understand', phrase: '跟你说不清楚', suggestion: '我换个说法。', category: '斥责' },
    { id: 'dont-you-know', phrase: '您不知道吗', suggestion: '我给您说明一下。', category: '斥责' },
    { id: 'hey', phrase: '喂', suggestion: '您好。', category: '不当称呼' },
    { id: 'hey-you-there', phrase: '喂那个谁', suggestion: '先生／女士，您好。', category: '不当称呼' },
  ],
})
const compiled = compilePhraseList(list)
const find = (text: string) => findForbiddenPhrases(text, compiled)
const brief = (hits: PhraseHit[]) => hits.map((hit) => [hit.id, hit.matched, hit.start, hit.end])

describe('findForbiddenPhrases', () => {
  it.each([
    { text: '不知道。', hits: [['dont-know', '不知道', 0, 3]] },
    { text: '这个我不知道', hits: [['dont-know', '我不知道', 2, 6]] },
    { text: '不清楚，你找别人去', hits: [['dont-know', '不清楚', 0, 3], ['ask-someone-else', '找别人去', 5, 9]] },
    { text: '问别人去吧', hits: [['ask-someone-else', '问别人去', 0, 4]] },
    { text: '你急什么？', hits: [['what-is-the-hurry', '急什么', 1, 4]] },
    { text: '喂，您好', hits: [['hey', '喂', 0, 1]] },
  ])('flags "$text"', ({ text, hits }) => expect(brief(find(text))).toEqual(hits))

  it.each([
    { text: '您不知道服务密码也没关系，我帮您找回', why: 'the near-miss 您不知道' },
    { text: '不知道也没关系，我来帮您查', why: 'the near-miss 不知道也没关系' },
    { text: '不知道您今天办理什么业务？', why: 'a polite question' },
    { text: '屏幕上的字看不清楚的话，我帮您读', why: 'the near-miss 看不清楚' },
    { text: '您不用找别人去，我负责到底', why: 'the near-miss 不用找别人 overlaps the match' },
    { text: '您别着急，什么问题我都帮您解决', why: 'a separator breaks 急什么 apart' },
    { text: '这个问题我马上帮您查询，请稍等。', why: 'a courteous reply' },
    { text: '', why: 'empty input' },
    { text: '   \n\t ', why: 'only whitespace' },
  ])('does not flag "$text" ($why)', ({ text }) => expect(find(text)).toEqual([]))

  it('gives the canonical phrase, the typed words, the suggestion and the category', () =>
    expect(find('我不知道')).toEqual([
      { id: 'dont-know', phrase: '不知道', matched: '我不知道', start: 0, end: 4, suggestion: '我帮您查询一下，请稍等。', category: '推诿', source: 'list' },
    ]))

  it('drops only the match a near-miss overlaps, not every match of that entry', () =>
    expect(brief(find('您不知道也没关系。不知道！'))).toEqual([['dont-know', '不知道', 9, 12]]))

  it.each([
    { text: '您不知道吗？写着呢', hits: [['dont-you-know', '您不知道吗', 0, 5]] },
    { text: '您不知道？急什么', hits: [['what-is-the-hurry', '急什么', 5, 8]] },
  ])('a near-miss hides only its own entry: "$text"', ({ text, hits }) => expect(brief(find(text))).toEqual(hits))

  it.each([
    { text: '下班了，明天再来', end: 8 },
    { text: '下班了,明天再来', end: 8 },
    { text: '下班了 明天再来', end: 8 },
    { text: '下班了\u3000明天再来', end: 8 },
    { text: '下班了 ， 明天再来', end: 10 },
    { text: '下班了明天再来', end: 7 },
  ])('punctuation written in a pattern is optional and width-free: "$text"', ({ text, end }) =>
    expect(brief(find(text))).toEqual([['closing-time', text, 0, end]]))

  it.each([
    { text: '打１００８６问去', matched: '打１００８６问去' },
    { text: '请打10086问去', matched: '打10086问去' },
  ])('full-width digits match half-width ones: "$text"', ({ text, matched }) =>
    expect(find(text).map((hit) => hit.matched)).toEqual([matched]))

  it.each([
    { text: '😀不知道', start: 2, end: 5, why: 'an emoji is two UTF-16 code units' },
    { text: 'ＡＢ不知道', start: 2, end: 5, why: 'full-width letters keep their one unit' },
    { text: '\u0000不知道', start: 1, end: 4, why: 'a NUL is neither a separator nor skipped' },
  ])('offsets are UTF-16 indices into the original text ($why)', ({ text, start, end }) => {
    const [hit] = find(text)
    expect([hit.start, hit.end]).toEqual([start, end])
    expect(text.slice(hit.start, hit.end)).toBe(hit.matched)
  })

  it.each([
    { text: '跟你说不清楚', hits: [['you-would-not-understand', '跟你说不清楚', 0, 6]], why: 'longest of two overlapping entries' },
    { text: '喂那个谁', hits: [['hey-you-there', '喂那个谁', 0, 4]], why: 'a longer pattern containing a shorter one' },
    { text: '不知道不清楚', hits: [['dont-know', '不知道', 0, 3], ['dont-know', '不清楚', 3, 6]], why: 'adjacent hits both kept' },
  ])('overlapping matches: "$text" ($why)', ({ text, hits }) => expect(brief(find(text))).toEqual(hits))

  it('never returns overlapping hits and returns them sorted by start', () => {
    const hits = find('喂那个谁，跟你说不清楚，不知道，问别人去')
    expect(brief(hits)).toEqual([
      ['hey-you-there', '喂那个谁', 0, 4],
      ['you-would-not-understand', '跟你说不清楚', 5, 11],
      ['dont-know', '不知道', 12, 15],
      ['ask-someone-else', '问别人去', 16, 20],
    ])
  })
})

describe('phraseMatchKey', () => {
  it.each([
    { pattern: '下班了，明天再来', key: '下班了\u0000明天再来' },
    { pattern: '  ！不知道。 ', key: '不知道' },
    { pattern: '下班了，，  明天', key: '下班了\u0000明天' },
    { pattern: 'ＯＫ', key: 'ok' },
    { pattern: '，。！', key: '' },
  ])('"$pattern"', ({ pattern, key }) => expect(phraseMatchKey(pattern)).toBe(key))
})

describe('highlightSegments', () => {
  it('cuts the reply into plain and hit segments that join back to the reply', () => {
    const text = '不知道，你找别人去吧'
    const segments = highlightSegments(text, find(text))
    expect(segments.map((segment) => [segment.text, segment.hit?.suggestion])).toEqual([
      ['不知道', '我帮您查询一下，请稍等。'],
      ['，你', undefined],
      ['找别人去', '我来帮您办理。'],
      ['吧', undefined],
    ])
    expect(segments.map((segment) => segment.text).join('')).toBe(text)
  })

  it.each([
    { text: '', segments: [] },
    { text: '您好', segments: [['您好', false]] },
    { text: '不知道', segments: [['不知道', true]] },
  ])('"$text"', ({ text, segments }) =>
    expect(highlightSegments(text, find(text)).map((segment) => [segment.text, segment.hit !== undefined])).toEqual(segments))

  it('sorts hits given out of order and ignores overlapping or out-of-range ones', () => {
    const text = '不清楚不知道'
    const [first, second] = find(text)
    const outside = { ...second, start: 5, end: 9 }
    const overlapping = { ...first, start: 1, end: 4 }
    const segments = highlightSegments(text, [second, outside, first, overlapping])
    expect(segments.map((segment) => [segment.text, segment.hit?.id])).toEqual([
      ['不清楚', 'dont-know'],
      ['不知道', 'dont-know'],
    ])
  })
})

describe('ForbiddenPhraseListSchema', () => {
  const entry = { id: 'dont-know', phrase: '不知道', suggestion: '我帮您查询一下。', category: '推诿' }
  it.each([
    { why: 'a duplicate id', phrases: [entry, { ...entry, phrase: '不清楚' }], message: 'duplicate id "dont-know"' },
    { why: 'a pattern in two entries', phrases: [entry, { ...entry, id: 'other', variants: ['不知道'] }], message: 'already listed under "dont-know"' },
    { why: 'the same pattern up to width and punctuation', phrases: [{ ...entry, variants: ['不知道！'] }], message: 'already listed' },
    { why: 'a pattern of punctuation only', phrases: [{ ...entry, variants: ['，。'] }], message: 'other than spaces and punctuation' },
    { why: 'an empty suggestion', phrases: [{ ...entry, suggestion: ' ' }], message: 'must not be empty' },
    { why: 'an unknown category', phrases: [{ ...entry, category: '粗鲁' }], message: 'Invalid enum value' },
    { why: 'an unknown key', phrases: [{ ...entry, replacement: '…' }], message: 'Unrecognized key' },
    { why: 'a non-slug id', phrases: [{ ...entry, id: 'Dont Know' }], message: 'slug' },
    { why: 'an empty list', phrases: [], message: 'at least one phrase' },
  ])('refuses $why', ({ phrases, message }) => {
    const result = ForbiddenPhraseListSchema.safeParse({ phrases })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.message).join(' | ')).toContain(message)
  })

  it('defaults variants and unless to empty lists', () =>
    expect(ForbiddenPhraseListSchema.parse({ phrases: [entry] }).phrases[0]).toMatchObject({ variants: [], unless: [] }))
})

describe('parseLabelledReplies and scoreDetector', () => {
  it('reads labels, skips blank and comment lines, and refuses a bad label', () => {
    expect(parseLabelledReplies('# set\nforbidden\t不知道\r\n\nok\t您好\n')).toEqual([
      { forbidden: true, text: '不知道' },
      { forbidden: false, text: '您好' },
    ])
    expect(() => parseLabelledReplies('ok\t您好\nbad\t不知道')).toThrow('line 2')
    expect(() => parseLabelledReplies('forbidden 不知道')).toThrow('line 1')
  })

  it.each([
    { replies: [], precision: 1, recall: 1 },
    { replies: [{ forbidden: true, text: '不知道' }, { forbidden: false, text: '您好' }], precision: 1, recall: 1 },
    { replies: [{ forbidden: true, text: '你这人真啰嗦' }, { forbidden: true, text: '急什么' }], precision: 1, recall: 0.5 },
    { replies: [{ forbidden: false, text: '不清楚' }, { forbidden: true, text: '急什么' }], precision: 0.5, recall: 1 },
  ])('precision $precision, recall $recall', ({ replies, precision, recall }) =>
    expect(scoreDetector(replies, compiled)).toMatchObject({ precision, recall }))
})
