import { describe, expect, it } from 'vitest'
import en from '../../i18n/en'
import zhCN from '../../i18n/zh-CN'
import { readFixture } from './bank-fixtures'
import { readBank } from './bank-import'
import { REFUSAL_CODES, REFUSAL_PARAMS, refusalMessage, refuse, type RefusalCode } from './refusal-reasons'

const placeholders = (message: string) => [...message.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

describe('every refusal code has a message in both languages', () => {
  it('the catalogues hold exactly the codes of the registry', () => {
    expect(Object.keys(zhCN.bankRefusals).sort()).toEqual([...REFUSAL_CODES].sort())
    expect(Object.keys(en.bankRefusals).sort()).toEqual([...REFUSAL_CODES].sort())
  })

  it.each(REFUSAL_CODES.map((code) => ({ code })))('$code: Chinese and English, naming the same values', ({ code }) => {
    const zh = (zhCN.bankRefusals as Record<RefusalCode, string>)[code]
    const english = (en.bankRefusals as Record<RefusalCode, string>)[code]
    expect(zh).toMatch(/[\u4e00-\u9fff]/)
    expect(english).toMatch(/^[^\u4e00-\u9fff]+$/)
    expect(placeholders(zh)).toEqual([...REFUSAL_PARAMS[code]].sort())
    expect(placeholders(english)).toEqual([...REFUSAL_PARAMS[code]].sort())
  })
})

describe('refusalMessage', () => {
  it.each([
    { reason: refuse('short-partial', { text: '营业厅', fraction: 50 }), zh: '答案「营业厅」只得 50%：我们的填空题只判全对或全错，没有部分得分', en: 'the answer "营业厅" earns only 50%: our short-answer items are all or nothing, with no partial credit' },
    { reason: refuse('essay'), zh: '问答题（essay）要人工评分，我们没有对应的题型', en: 'an essay question is marked by hand: there is no matching item type here' },
    { reason: refuse('calculated', { type: 'calculatedmulti' }), zh: '计算题（calculatedmulti）没有对应的题型', en: 'a calculated question (calculatedmulti) has no matching item type here' },
  ])('$reason.code', ({ reason, zh, en: english }) => {
    expect(refusalMessage(zhCN.bankRefusals, reason)).toBe(zh)
    expect(refusalMessage(en.bankRefusals, reason)).toBe(english)
  })
})

// which code each mistake fixture is refused with, position by position
describe.each([
  { file: 'gift-mistake-numeric.gift', codes: ['numerical', 'numerical'] },
  { file: 'gift-mistake-essay.gift', codes: ['essay'] },
  { file: 'gift-mistake-description.gift', codes: ['gift-no-answer-part'] },
  { file: 'gift-mistake-matching-distractor.gift', codes: ['matching-distractor'] },
  { file: 'gift-mistake-short-partial.gift', codes: ['short-partial'] },
  { file: 'gift-mistake-unclosed-brace.gift', codes: ['gift-brace-unclosed'] },
  { file: 'gift-mistake-no-correct.gift', codes: ['item-invalid'] },
  { file: 'gift-mistake-bad-weight.gift', codes: ['gift-weight-syntax', 'gift-weight-range'] },
  { file: 'gift-mistake-image.gift', codes: ['has-image'] },
  { file: 'gift-mistake-unterminated-name.gift', codes: ['gift-name-unclosed'] },
  { file: 'xml-shortanswer.xml', codes: ['short-partial'] },
  { file: 'xml-matching.xml', codes: ['matching-distractor'] },
  { file: 'xml-mistake-unmappable.xml', codes: ['essay', 'numerical', 'description', 'xml-type-unknown'] },
  { file: 'xml-mistake-malformed.xml', codes: ['xml-malformed'] },
  { file: 'xml-mistake-doctype.xml', codes: ['xml-doctype'] },
  { file: 'xml-mistake-not-quiz.xml', codes: ['xml-not-quiz'] },
])('$file', ({ file, codes }) => {
  it(`is refused with ${codes.join(', ')}, each with a message in English too`, () => {
    const { refused } = readFixture(file)
    expect(refused.map((r) => r.code)).toEqual(codes)
    for (const r of refused) expect(refusalMessage(en.bankRefusals, r)).not.toMatch(/\{\{/)
  })
})

it.each([
  { text: '::q1:: 1+1? {#2:0}', code: 'numerical' },
  { text: '::q1:: 说说看 {}', code: 'essay' },
  { text: '::q1:: 选 {=a ~b} {=c ~d}', code: 'gift-two-answer-sets' },
  { text: '::q1:: 配对 {=a -> b ~c}', code: 'gift-matching-syntax' },
  { text: '::q1:: 选 {abc}', code: 'gift-answer-start' },
  { text: '::q1:: 选 {x =a ~b}', code: 'gift-text-before-answers' },
  { text: '<quiz><question type="cloze"><name><text>c</text></name><questiontext><text>x</text></questiontext></question></quiz>', code: 'cloze' },
  { text: '<quiz><question type="calculated"><name><text>c</text></name><questiontext><text>x</text></questiontext></question></quiz>', code: 'calculated' },
  { text: '<quiz><question type="random"><name><text>c</text></name><questiontext><text>x</text></questiontext></question></quiz>', code: 'random' },
  { text: '<quiz><question type="randomsamatch"><name><text>c</text></name><questiontext><text>x</text></questiontext></question></quiz>', code: 'random-matching' },
  { text: '<quiz><question type="truefalse"><name><text>c</text></name><questiontext><text>x</text></questiontext><answer fraction="100"><text>true</text></answer></question></quiz>', code: 'xml-truefalse-answers' },
  { text: '::q1:: 填空 {=*}', code: 'short-only-wildcard' },
  { text: '::q1:: 填空 {=a*b =c}', code: 'short-wildcard-and-others' },
])('$code: $text', ({ text, code }) => {
  const report = readBank(text, text.startsWith('<') ? 'moodle-xml' : 'gift')
  expect(report.refused.map((r) => r.code)).toEqual([code])
})
