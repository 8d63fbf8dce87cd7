import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FIXTURES, readFixture } from './bank-fixtures'
import { readBank, type BankImportReport } from './bank-import'
import { exportGift } from './gift-export'
import { exportMoodleXml } from './moodle-xml-export'

const entries = (report: BankImportReport) => report.created.map(({ item, name, category }) => ({ item, name, category }))
// GIFT holds no marks: compare items without points there; XML keeps them.
const withoutPoints = (report: BankImportReport) => report.created.map(({ item, category }) => ({ ...item, points: 0, category }))
const files = readdirSync(FIXTURES).filter((file) => !file.includes('mistake'))

describe('import → export → import gives the same items', () => {
  it.each(files)('%s through GIFT', (file) => {
    const first = readFixture(file)
    const written = exportGift(entries(first))
    expect(written.skipped).toEqual([])
    const again = readBank(written.text, 'gift')
    expect(again.refused).toEqual([])
    expect(withoutPoints(again)).toEqual(withoutPoints(first))
  })

  it.each(files)('%s through Moodle XML', (file) => {
    const first = readFixture(file)
    const written = exportMoodleXml(entries(first))
    expect(written.skipped).toEqual([])
    const again = readBank(written.text, 'moodle-xml')
    expect(again.refused).toEqual([])
    expect(again.created.map(({ item, category }) => ({ item, category }))).toEqual(first.created.map(({ item, category }) => ({ item, category })))
  })

  it('keeps an all-or-nothing multiple choice all-or-nothing (a GIFT comment, an XML tag)', () => {
    const item = {
      id: 'pick-all',
      type: 'multiple' as const,
      scoring: 'all-or-nothing' as const,
      points: 2,
      prompt: '哪些是服务禁语？',
      options: [
        { id: 'a', text: '“不知道”', correct: true, feedback: '推诿。' },
        { id: 'b', text: '“您好”', feedback: '礼貌用语。' },
      ],
    }
    for (const [text, format] of [
      [exportGift([{ item }]).text, 'gift'],
      [exportMoodleXml([{ item }]).text, 'moodle-xml'],
    ] as const) {
      const [again] = readBank(text, format).created
      expect(again.item.type === 'multiple' && again.item.scoring).toBe('all-or-nothing')
    }
  })

  it('leaves out what Moodle cannot hold, saying why', () => {
    const ordering = { id: 'steps', type: 'ordering' as const, points: 1, prompt: '排序', steps: [] } as never
    expect(exportGift([{ item: ordering }]).skipped).toEqual([{ id: 'steps', reason: '排序题在 Moodle 的 GIFT/XML 里没有对应题型' }])
    // a free-text item scored by intent (elements in words) is not a list of accepted wordings
    const intent = { id: 'greet', type: 'text' as const, points: 2, prompt: '怎么迎客？', elements: [{ says: '问好', examples: ['您好'] }], avoid: [] } as never
    for (const exported of [exportGift([{ item: intent }]), exportMoodleXml([{ item: intent }])]) {
      expect(exported.skipped).toEqual([{ id: 'greet', reason: '按要点评分的自由回答题在 Moodle 里没有对应题型（Moodle 的填空题只比对字词）' }])
    }
  })

  it('splits "]]>" inside a text across CDATA sections', () => {
    const item = { id: 'cdata', type: 'single' as const, points: 1, prompt: '代码 a]]>b 原样？', options: [
      { id: 'a', text: '是', correct: true, feedback: '对。' },
      { id: 'b', text: '否', feedback: '错。' },
    ] }
    const [again] = readBank(exportMoodleXml([{ item }]).text, 'moodle-xml').created
    expect(again.item.prompt).toBe('代码 a]]>b 原样？')
  })
})
