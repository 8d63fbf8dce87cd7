import { describe, expect, it } from 'vitest'
import { readFixture } from './bank-fixtures'
import { readBank } from './bank-import'
import { refusalMessage } from './refusal-reasons'
import zhCN from '../../i18n/zh-CN'
import type { QuizItem } from '../quiz/registry'

// One fixture per GIFT feature and per kind of mistake: what is created (type, id) and what is refused (line, why).
const TABLE: Array<{ file: string; created: string[]; refused: Array<[number, string]> }> = [
  { file: 'gift-names.gift', created: ['single q-1', 'single queue-ticket', 'single q-3'], refused: [] },
  { file: 'gift-comments.gift', created: ['single comment-demo'], refused: [] },
  { file: 'gift-categories.gift', created: ['single q-1', 'single first-apology'], refused: [] },
  { file: 'gift-formats.gift', created: ['single html-prompt', 'single plain-prompt', 'single markdown-prompt', 'single moodle-prompt'], refused: [] },
  { file: 'gift-feedback.gift', created: ['single feedback-demo'], refused: [] },
  { file: 'gift-weights.gift', created: ['multiple multi-exact', 'multiple multi-approx'], refused: [] },
  { file: 'gift-matching.gift', created: ['matching match-services', 'matching match-en'], refused: [] },
  { file: 'gift-short-answer.gift', created: ['text short-equal', 'text short-star', 'text short-star-middle', 'text short-catch-all'], refused: [] },
  { file: 'gift-truefalse.gift', created: ['single tf-t', 'single tf-true', 'single tf-f', 'single tf-false', 'single tf-lower', 'single tf-feedback'], refused: [] },
  { file: 'gift-escapes.gift', created: ['single escape-demo', 'single newline-demo'], refused: [] },
  { file: 'gift-missing-word.gift', created: ['single missing-word'], refused: [] },
  { file: 'gift-mistake-numeric.gift', created: ['single ok'], refused: [[3, '数值题'], [5, '数值题']] },
  { file: 'gift-mistake-essay.gift', created: [], refused: [[1, '问答题']] },
  { file: 'gift-mistake-description.gift', created: ['single after'], refused: [[1, '说明文字']] },
  { file: 'gift-mistake-matching-distractor.gift', created: [], refused: [[1, '干扰项「门口保安」']] },
  { file: 'gift-mistake-short-partial.gift', created: [], refused: [[1, '只得 50%']] },
  { file: 'gift-mistake-unclosed-brace.gift', created: ['single after-unclosed'], refused: [[1, '缺少与 { 配对的 }']] },
  { file: 'gift-mistake-no-correct.gift', created: [], refused: [[1, '至少要有 1 个正确选项']] },
  { file: 'gift-mistake-bad-weight.gift', created: [], refused: [[1, '%数字%'], [3, '超出 -100% 到 100%']] },
  { file: 'gift-mistake-image.gift', created: [], refused: [[1, '图片']] },
  { file: 'gift-mistake-unterminated-name.gift', created: [], refused: [[1, '题名缺少结尾的 ::']] },
]

describe('GIFT fixtures', () => {
  it.each(TABLE)('$file', ({ file, created, refused }) => {
    const report = readFixture(file)
    expect(report.format).toBe('gift')
    expect(report.created.map(({ item }) => `${item.type} ${item.id}`)).toEqual(created)
    expect(report.refused.map((r) => ('line' in r ? r.line : -1))).toEqual(refused.map(([line]) => line))
    report.refused.forEach((r, index) => expect(refusalMessage(zhCN.bankRefusals, r)).toContain(refused[index][1]))
  })
})

const items = (file: string) => readFixture(file).created
const item = (file: string, id: string): QuizItem => {
  const found = items(file).find((mapped) => mapped.item.id === id)
  if (!found) throw new Error(`${id} not in ${file}`)
  return found.item
}

describe('GIFT features', () => {
  it('keeps names, including Chinese ones, and the category each question stands under', () => {
    expect(items('gift-names.gift').map((m) => m.name)).toEqual(['迎宾问候', 'queue-ticket', undefined])
    expect(items('gift-categories.gift').map((m) => m.category)).toEqual(['服务礼仪/仪容仪表', 'Complaints'])
  })

  it('ignores comment lines, even between answers', () => {
    const demo = item('gift-comments.gift', 'comment-demo')
    expect(demo.type === 'single' && demo.options.map((o) => o.text)).toEqual(['先致歉：“让您久等了，非常抱歉”', '“今天人多，没办法”', '“您可以去别的营业厅”'])
  })

  it('reduces [html] to text and keeps [plain], [markdown] and [moodle] as written', () => {
    expect(item('gift-formats.gift', 'html-prompt').prompt).toBe('客户要办理实名登记，必须核验的是？')
    expect(item('gift-formats.gift', 'plain-prompt').prompt).toBe('客户问 <b> 是什么意思，原样显示尖括号。')
    expect(item('gift-formats.gift', 'markdown-prompt').prompt).toBe('**Emergency**: a customer faints in the hall. First step?')
  })

  it('reads answer feedback and the general feedback after ####', () => {
    const demo = item('gift-feedback.gift', 'feedback-demo')
    expect(demo.feedback).toBe('首问负责：谁接待，谁负责跟进到底。')
    expect(demo.type === 'single' && demo.options.map((o) => [o.correct ?? false, o.feedback])).toEqual([
      [true, '正确：先共情，再行动。'],
      [false, '推诿：没查就下结论。'],
      [false, '推诿：首问负责制要求第一个接待的人负责到底。'],
    ])
  })

  it('maps weights to a partial multiple choice, noting when Moodle weights cannot be kept exactly', () => {
    const [exact, approx] = items('gift-weights.gift')
    expect(exact.item.type === 'multiple' && [exact.item.scoring, exact.item.options.map((o) => o.correct ?? false)]).toEqual([
      'partial',
      [true, true, false, false],
    ])
    expect(exact.notes).toEqual([])
    expect(approx.item.type === 'multiple' && approx.item.options.map((o) => o.correct ?? false)).toEqual([true, true, false, false])
    expect(approx.notes.join()).toContain('-100%')
  })

  it('maps matching pairs and fills in a feedback listing the pairs when the file has none', () => {
    const en = item('gift-matching.gift', 'match-en')
    expect(en.type === 'matching' && en.pairs[0]).toEqual({ id: 'p1', left: 'Customer is angry', right: 'Apologise and listen' })
    expect(en.feedback).toBe('Correct pairs: Customer is angry → Apologise and listen; Customer is elderly → Offer a seat and speak slowly; Customer is in a hurry → Tell them how long it will take.')
    expect(item('gift-matching.gift', 'match-services').feedback).toBe('三项业务都要核验本人证件。')
  })

  it('maps short answers: several right answers are one group, * is dropped at the ends and splits in the middle', () => {
    const required = (id: string) => {
      const found = item('gift-short-answer.gift', id)
      return found.type === 'text' ? found.required : null
    }
    expect(required('short-equal')).toEqual([['取号', '拿号']])
    expect(required('short-star')).toEqual([['manager', 'supervisor']])
    expect(required('short-star-middle')).toEqual([['抱歉'], ['马上']])
    expect(required('short-catch-all')).toEqual([['95598']])
  })

  it('reads true/false in every spelling, with the wrong-answer feedback first', () => {
    const correct = items('gift-truefalse.gift').map(({ item: tf }) => tf.type === 'single' && tf.options.find((o) => o.correct)?.id)
    expect(correct).toEqual(['true', 'true', 'false', 'false', 'true', 'true'])
    const tf = item('gift-truefalse.gift', 'tf-feedback')
    expect(tf.type === 'single' && tf.options.map((o) => [o.text, o.feedback])).toEqual([
      ['正确', '对，谁接待，谁负责。'],
      ['错误', '不对：首问负责就是谁接待谁负责。'],
    ])
    const en = item('gift-truefalse.gift', 'tf-true')
    expect(en.type === 'single' && en.options.map((o) => o.text)).toEqual(['True', 'False'])
  })

  it('unescapes \\: \\= \\# \\{ \\} \\~ and \\n', () => {
    const demo = item('gift-escapes.gift', 'escape-demo')
    expect(demo.prompt).toBe('客服热线格式为 10086: 按 1=话费查询，按 #号返回，{括号}和 ~ 也要原样显示。')
    expect(demo.type === 'single' && demo.options.map((o) => [o.text, o.feedback])).toEqual([
      ['按 1 查话费 = 正确', '选项里的 # 号也要原样显示'],
      ['按 ~ 号键', '不正确。'],
    ])
    expect(item('gift-escapes.gift', 'newline-demo').prompt).toBe('第一行\n第二行：两行都应显示。')
  })

  it('turns the missing-word format into a blank in the sentence', () => {
    expect(item('gift-missing-word.gift', 'missing-word').prompt).toBe('客户来办业务，柜员应 ＿＿＿ 微笑问候。')
  })

  it('gives ids from ASCII names, else q-<n>, never twice in one file', () => {
    const report = readBank('::same::A?{T}\n\n::same::B?{F}\n\n::同名::C?{T}', 'gift')
    expect(report.created.map((m) => m.item.id)).toEqual(['same', 'same-2', 'q-3'])
  })

  it('reads Windows line ends and a byte-order mark', () => {
    const report = readBank('\uFEFF::a::一？{T}\r\n\r\n::b::二？{F}\r\n', 'gift')
    expect(report.created.map((m) => m.item.id)).toEqual(['a', 'b'])
  })
})
