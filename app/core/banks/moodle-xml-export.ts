// Owns writing bank items as Moodle XML (texts in CDATA, plain-text format); reading the result gives the same items.
import { multipleWeights, trueFalseOf } from './bank-mapping'
import { partitionForExport, type BankExport, type BankExportEntry } from './bank-export'
import { ALL_OR_NOTHING_TAG } from './moodle-xml-parse'
import type { QuizItem } from '../quiz/registry'

/** A CDATA section holding any text: a "]]>" inside is split across two sections. */
const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`
const text = (value: string) => `<text>${cdata(value)}</text>`
const formatted = (tag: string, value: string | undefined) => (value ? `<${tag} format="plain_text">${text(value)}</${tag}>` : '')
const answer = (fraction: number, value: string, feedback?: string) =>
  `    <answer fraction="${fraction}" format="plain_text">${text(value)}${formatted('feedback', feedback)}</answer>`

function body(item: QuizItem): { type: string; parts: string[] } {
  const truefalse = trueFalseOf(item)
  if (truefalse) {
    return {
      type: 'truefalse',
      parts: [answer(truefalse.correct ? 100 : 0, 'true', truefalse.feedbackTrue), answer(truefalse.correct ? 0 : 100, 'false', truefalse.feedbackFalse)],
    }
  }
  switch (item.type) {
    case 'single':
      return { type: 'multichoice', parts: ['    <single>true</single>', ...item.options.map((o) => answer(o.correct ? 100 : 0, o.text, o.feedback))] }
    case 'multiple': {
      const weights = multipleWeights(item)
      const tags = item.scoring === 'all-or-nothing' ? [`    <tags><tag>${text(ALL_OR_NOTHING_TAG)}</tag></tags>`] : []
      return { type: 'multichoice', parts: ['    <single>false</single>', ...item.options.map((o, i) => answer(weights[i], o.text, o.feedback)), ...tags] }
    }
    case 'text': {
      const required = item.required ?? [] // unexportable() refused the intent-scored items
      const accepted = required.length === 1 ? required[0] : [required.map((group) => group[0]).join('*')]
      return { type: 'shortanswer', parts: ['    <usecase>0</usecase>', ...accepted.map((value) => answer(100, value))] }
    }
    case 'matching':
      return {
        type: 'matching',
        parts: item.pairs.map((pair) => `    <subquestion format="plain_text">${text(pair.left)}<answer>${text(pair.right)}</answer></subquestion>`),
      }
    default:
      return { type: '', parts: [] }
  }
}

export function exportMoodleXml(entries: readonly BankExportEntry[]): BankExport {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>']
  const { writable, skipped } = partitionForExport(entries)
  for (const { item, name, opensCategory } of writable) {
    if (opensCategory) lines.push(`  <question type="category"><category>${text(`$course$/top/${opensCategory}`)}</category></question>`)
    const { type, parts } = body(item)
    lines.push(
      `  <question type="${type}">`,
      `    <name>${text(name ?? item.id)}</name>`,
      `    ${formatted('questiontext', item.prompt ?? '')}`,
      ...(item.feedback ? [`    ${formatted('generalfeedback', item.feedback)}`] : []),
      `    <defaultgrade>${item.points}</defaultgrade>`,
      ...parts,
      '  </question>',
    )
  }
  lines.push('</quiz>', '')
  return { text: lines.join('\n'), skipped }
}
