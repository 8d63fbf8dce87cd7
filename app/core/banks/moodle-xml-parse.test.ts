import { describe, expect, it } from 'vitest'
import { readFixture } from './bank-fixtures'
import { readBank } from './bank-import'
import { refusalMessage } from './refusal-reasons'
import zhCN from '../../i18n/zh-CN'

// One fixture per Moodle XML question type and per kind of mistake; positions are the <question>'s 1-based index.
const TABLE: Array<{ file: string; created: string[]; refused: Array<[string, number, string]> }> = [
  { file: 'xml-multichoice.xml', created: ['single q-1', 'multiple counter-discipline'], refused: [] },
  { file: 'xml-truefalse.xml', created: ['single q-1', 'single coat-over-uniform'], refused: [] },
  { file: 'xml-shortanswer.xml', created: ['text q-1', 'text wildcard'], refused: [['index', 2, '只得 50%']] },
  { file: 'xml-matching.xml', created: ['matching q-1'], refused: [['index', 2, '干扰项「Security desk」']] },
  { file: 'xml-categories.xml', created: ['single q-1', 'single stand-up'], refused: [] },
  { file: 'xml-cdata.xml', created: ['single q-1'], refused: [] },
  {
    file: 'xml-mistake-unmappable.xml',
    created: ['single fine'],
    refused: [['index', 1, '问答题'], ['index', 2, '数值题'], ['index', 4, '说明文字'], ['index', 5, '「ddwtos」']],
  },
  { file: 'xml-mistake-malformed.xml', created: [], refused: [['line', 5, 'XML 格式错误']] },
  { file: 'xml-mistake-doctype.xml', created: [], refused: [['index', 0, 'DOCTYPE']] },
  { file: 'xml-mistake-not-quiz.xml', created: [], refused: [['index', 0, '<quiz>']] },
]

describe('Moodle XML fixtures', () => {
  it.each(TABLE)('$file', ({ file, created, refused }) => {
    const report = readFixture(file)
    expect(report.format).toBe('moodle-xml')
    expect(report.created.map(({ item }) => `${item.type} ${item.id}`)).toEqual(created)
    expect(report.refused.map((r) => ('line' in r ? ['line', r.line] : ['index', r.index]))).toEqual(refused.map(([kind, at]) => [kind, at]))
    report.refused.forEach((r, index) => expect(refusalMessage(zhCN.bankRefusals, r)).toContain(refused[index][2]))
  })
})

describe('Moodle XML features', () => {
  it('reads a single-answer multichoice from CDATA HTML, with its grade, feedbacks and general feedback', () => {
    const [first] = readFixture('xml-multichoice.xml').created
    expect(first.name).toBe('首问负责')
    expect(first.item).toMatchObject({ type: 'single', points: 2, prompt: '客户走错了窗口，你应该？', feedback: '首问负责：谁接待，谁负责。' })
    expect(first.item.type === 'single' && first.item.options.map((o) => [o.text, o.correct ?? false, o.feedback])).toEqual([
      ['亲自带客户到正确窗口，并向同事说明情况', true, '正确。'],
      ['让客户自己去找', false, '推诿。'],
      ['让客户重新取号', false, '不正确。'],
    ])
  })

  it('reads <single>false</single> with ±50% as a partial multiple choice, exactly', () => {
    const [, second] = readFixture('xml-multichoice.xml').created
    expect(second.item.type === 'multiple' && second.item.scoring).toBe('partial')
    expect(second.notes).toEqual([])
  })

  it('reads true/false whichever answer is right', () => {
    const right = readFixture('xml-truefalse.xml').created.map(({ item }) => item.type === 'single' && item.options.find((o) => o.correct)?.id)
    expect(right).toEqual(['true', 'false'])
  })

  it('keeps the category path without $course$/top', () => {
    expect(readFixture('xml-categories.xml').created.map((m) => m.category)).toEqual(['投诉处理', 'Etiquette/Greeting'])
  })

  it('keeps markup-like text in CDATA of plain-text answers and decodes entities in HTML ones', () => {
    const [mapped] = readFixture('xml-cdata.xml').created
    expect(mapped.name).toBe('话术 <礼貌> & 规范')
    expect(mapped.item.prompt).toBe('客户说：“你们&他们都一样！” 哪句回应符合规范？')
    expect(mapped.item.type === 'single' && mapped.item.options[0].text).toBe('“您的意见我记下了 <会转达>，先帮您把业务办好。”')
  })

  it('splits a shortanswer * in the middle into required wordings', () => {
    const wildcard = readFixture('xml-shortanswer.xml').created[1].item
    expect(wildcard.type === 'text' && wildcard.required).toEqual([['sorry'], ['minutes']])
  })

  it('refuses an unknown question type by name', () => {
    const report = readBank('<quiz><question type="gapselect"><name><text>x</text></name></question></quiz>', 'moodle-xml')
    expect(report.refused).toEqual([{ index: 1, code: 'xml-type-unknown', params: { type: 'gapselect' } }])
    expect(refusalMessage(zhCN.bankRefusals, report.refused[0]!)).toBe('Moodle 题型「gapselect」没有对应的题型')
  })
})
