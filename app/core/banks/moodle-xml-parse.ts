// Owns reading a Moodle XML question file into neutral source questions; positions are the <question>'s 1-based index.
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { categoryName, hasImage, textFromFormat, type TextFormat } from './bank-text'
import type { SourceAnswer, SourceParse, SourceQuestion } from './source-question'

/** The tag our export puts on an all-or-nothing multiple choice (Moodle's multichoice has no such scoring). */
export const ALL_OR_NOTHING_TAG = 'scoring-all-or-nothing'

const UNMAPPABLE: Record<string, string> = {
  essay: '问答题（essay）要人工评分，我们没有对应的题型',
  numerical: '数值题（numerical，含数值范围）没有对应的题型',
  description: '说明文字（description）没有答案，不是题目',
  cloze: '完形填空（cloze）一题多空，没有对应的题型',
  multianswer: '完形填空（multianswer）一题多空，没有对应的题型',
  calculated: '计算题（calculated）没有对应的题型',
  calculatedsimple: '计算题（calculatedsimple）没有对应的题型',
  calculatedmulti: '计算题（calculatedmulti）没有对应的题型',
  random: '随机题（random）只是从题库抽题的占位，没有题目内容',
  randomsamatch: '随机配对题（randomsamatch）没有固定的配对，没有对应的题型',
}

// Every element we read as a list, even when a file holds one.
const LISTS = new Set(['question', 'answer', 'subquestion', 'tag'])
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: false,
  isArray: (name) => LISTS.has(name),
})

type XmlNode = Record<string, unknown>

const isNode = (value: unknown): value is XmlNode => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The text of an element that is plain text or holds a <text> child (Moodle wraps most texts so). */
function rawText(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (isNode(value)) return 'text' in value ? rawText(value.text) : typeof value['#text'] === 'string' ? value['#text'] : ''
  return ''
}

function formatOf(value: unknown): TextFormat {
  const format = isNode(value) && typeof value.format === 'string' ? value.format : 'html'
  return format === 'plain_text' ? 'plain' : format === 'markdown' ? 'markdown' : format === 'moodle_auto_format' ? 'moodle' : 'html'
}

/** A formatted text element as plain text; undefined when empty. */
function textOf(value: unknown): string | undefined {
  return textFromFormat(rawText(value), formatOf(value)) || undefined
}

const list = (value: unknown): XmlNode[] => (Array.isArray(value) ? value.filter(isNode) : [])

export function parseMoodleXml(file: string): SourceParse {
  const xml = file.replace(/^\uFEFF/, '')
  // Entity declarations can blow up on expansion and Moodle never writes them: refuse rather than expand.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { questions: [], refused: [{ index: 0, reason: '文件含 DOCTYPE/ENTITY 声明：Moodle 导出的题库不含这些，已拒绝' }] }
  const valid = XMLValidator.validate(xml)
  if (valid !== true) return { questions: [], refused: [{ line: valid.err.line, reason: `XML 格式错误：${valid.err.msg}` }] }
  const root: unknown = parser.parse(xml)
  const quiz = isNode(root) ? root.quiz : undefined
  if (!isNode(quiz)) return { questions: [], refused: [{ index: 0, reason: '不是 Moodle XML 题库：根元素应为 <quiz>' }] }
  const result: SourceParse = { questions: [], refused: [] }
  let category: string | undefined
  list(quiz.question).forEach((node, offset) => {
    const index = offset + 1
    const type = typeof node.type === 'string' ? node.type : ''
    if (type === 'category') {
      category = categoryName(rawText(node.category)) || undefined
      return
    }
    const outcome = readQuestion(node, type, index, category)
    if ('reason' in outcome) result.refused.push({ index, reason: outcome.reason })
    else result.questions.push(outcome)
  })
  return result
}

function readAnswer(node: XmlNode): SourceAnswer {
  const fraction = Number(node.fraction ?? 0)
  const feedback = textOf(node.feedback)
  return { text: textFromFormat(rawText(node), formatOf(node)), fraction: Number.isFinite(fraction) ? fraction : 0, ...(feedback ? { feedback } : {}) }
}

function readQuestion(node: XmlNode, type: string, index: number, category: string | undefined): SourceQuestion | { reason: string } {
  if (UNMAPPABLE[type]) return { reason: UNMAPPABLE[type] }
  if (!['multichoice', 'truefalse', 'shortanswer', 'matching'].includes(type)) {
    return { reason: `Moodle 题型「${type || '（未写 type）'}」没有对应的题型` }
  }
  if (hasImage(rawText(node.questiontext))) return { reason: '题目含图片：图片存放在 Moodle 的文件库里，不随题目文件导入' }
  const grade = Number(rawText(node.defaultgrade))
  const tags = list(isNode(node.tags) ? node.tags.tag : undefined).map((tag) => rawText(tag).trim())
  const common = {
    position: { index },
    name: rawText(node.name).trim() || undefined,
    category,
    prompt: textOf(node.questiontext) ?? '',
    generalFeedback: textOf(node.generalfeedback),
    points: Number.isFinite(grade) && grade > 0 ? grade : undefined,
    allOrNothing: tags.includes(ALL_OR_NOTHING_TAG) || undefined,
  }
  const answers = list(node.answer).map(readAnswer)
  if (type === 'multichoice') {
    return { ...common, kind: 'choice', answers, single: rawText(node.single).trim() !== 'false' }
  }
  if (type === 'shortanswer') return { ...common, kind: 'short', answers }
  if (type === 'truefalse') {
    const truthy = answers.find((answer) => answer.text.toLowerCase() === 'true')
    const falsy = answers.find((answer) => answer.text.toLowerCase() === 'false')
    if (!truthy || !falsy) return { reason: '判断题要有 true 和 false 两个答案' }
    return { ...common, kind: 'truefalse', correct: truthy.fraction >= 100, feedbackTrue: truthy.feedback, feedbackFalse: falsy.feedback }
  }
  const pairs = list(node.subquestion).map((sub) => ({
    left: textFromFormat(rawText(sub), formatOf(sub)),
    right: rawText(list(sub.answer)[0]).trim(),
  }))
  return { ...common, kind: 'matching', pairs }
}
