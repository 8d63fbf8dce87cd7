// Owns reading a Moodle XML question file into neutral source questions; positions are the <question>'s 1-based index.
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { categoryName, hasImage, textFromFormat, type TextFormat } from './bank-text'
import { refuse, type RefusalReason } from './refusal-reasons'
import type { SourceAnswer, SourceParse, SourceQuestion } from './source-question'

/** The tag our export puts on an all-or-nothing multiple choice (Moodle's multichoice has no such scoring). */
export const ALL_OR_NOTHING_TAG = 'scoring-all-or-nothing'

const UNMAPPABLE: Record<string, RefusalReason> = {
  essay: refuse('essay'),
  numerical: refuse('numerical'),
  description: refuse('description'),
  cloze: refuse('cloze', { type: 'cloze' }),
  multianswer: refuse('cloze', { type: 'multianswer' }),
  calculated: refuse('calculated', { type: 'calculated' }),
  calculatedsimple: refuse('calculated', { type: 'calculatedsimple' }),
  calculatedmulti: refuse('calculated', { type: 'calculatedmulti' }),
  random: refuse('random'),
  randomsamatch: refuse('random-matching'),
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
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { questions: [], refused: [{ index: 0, ...refuse('xml-doctype') }] }
  const valid = XMLValidator.validate(xml)
  if (valid !== true) return { questions: [], refused: [{ line: valid.err.line, ...refuse('xml-malformed', { detail: valid.err.msg }) }] }
  const root: unknown = parser.parse(xml)
  const quiz = isNode(root) ? root.quiz : undefined
  if (!isNode(quiz)) return { questions: [], refused: [{ index: 0, ...refuse('xml-not-quiz') }] }
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
    if ('reason' in outcome) result.refused.push({ index, ...outcome.reason })
    else result.questions.push(outcome)
  })
  return result
}

function readAnswer(node: XmlNode): SourceAnswer {
  const fraction = Number(node.fraction ?? 0)
  const feedback = textOf(node.feedback)
  return { text: textFromFormat(rawText(node), formatOf(node)), fraction: Number.isFinite(fraction) ? fraction : 0, ...(feedback ? { feedback } : {}) }
}

function readQuestion(node: XmlNode, type: string, index: number, category: string | undefined): SourceQuestion | { reason: RefusalReason } {
  if (Object.hasOwn(UNMAPPABLE, type)) return { reason: UNMAPPABLE[type]! }
  if (!['multichoice', 'truefalse', 'shortanswer', 'matching'].includes(type)) {
    return { reason: refuse('xml-type-unknown', { type: type || '—' }) }
  }
  if (hasImage(rawText(node.questiontext))) return { reason: refuse('has-image') }
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
    if (!truthy || !falsy) return { reason: refuse('xml-truefalse-answers') }
    return { ...common, kind: 'truefalse', correct: truthy.fraction >= 100, feedbackTrue: truthy.feedback, feedbackFalse: falsy.feedback }
  }
  const pairs = list(node.subquestion).map((sub) => ({
    left: textFromFormat(rawText(sub), formatOf(sub)),
    right: rawText(list(sub.answer)[0]).trim(),
  }))
  return { ...common, kind: 'matching', pairs }
}
