// Owns writing bank items as GIFT, so a trainer can take them back to Moodle; reading the result gives the same items.
import { multipleWeights, trueFalseOf } from './bank-mapping'
import { partitionForExport, type BankExport, type BankExportEntry } from './bank-export'
import { escapeGift } from './gift-lexer'
import { ALL_OR_NOTHING_COMMENT } from './gift-parse'
import type { QuizItem } from '../quiz/registry'

const feedback = (text: string | undefined) => (text ? `#${escapeGift(text)}` : '')
const general = (text: string | undefined) => (text ? `\n####${escapeGift(text)}` : '')

function answers(item: QuizItem): string {
  const truefalse = trueFalseOf(item)
  if (truefalse) {
    const [right, wrong] = truefalse.correct ? [truefalse.feedbackTrue, truefalse.feedbackFalse] : [truefalse.feedbackFalse, truefalse.feedbackTrue]
    // GIFT gives the feedback for a wrong answer first, then for a right one
    return `${truefalse.correct ? 'TRUE' : 'FALSE'}${feedback(wrong)}${feedback(right)}${general(item.feedback)}`
  }
  switch (item.type) {
    case 'single':
      return item.options.map((o) => `\n${o.correct ? '=' : '~'}${escapeGift(o.text)}${feedback(o.feedback)}`).join('') + general(item.feedback) + '\n'
    case 'multiple': {
      const weights = multipleWeights(item)
      return item.options.map((o, i) => `\n~%${weights[i]}%${escapeGift(o.text)}${feedback(o.feedback)}`).join('') + general(item.feedback) + '\n'
    }
    case 'text': {
      // one group: each wording is an accepted answer; several one-wording groups: one answer with * between
      const required = item.required ?? [] // unexportable() refused the intent-scored items
      const accepted = required.length === 1 ? required[0] : [required.map((group) => group[0]).join('*')]
      return accepted.map((text) => `\n=${escapeGift(text)}`).join('') + general(item.feedback) + '\n'
    }
    case 'matching':
      return item.pairs.map((pair) => `\n=${escapeGift(pair.left)} -> ${escapeGift(pair.right)}`).join('') + general(item.feedback) + '\n'
    default:
      return ''
  }
}

export function exportGift(entries: readonly BankExportEntry[]): BankExport {
  const lines = ['// 星级服务学院题库导出（GIFT）/ Exported from Star Service Academy', '']
  const { writable, skipped } = partitionForExport(entries)
  for (const { item, name, opensCategory } of writable) {
    if (opensCategory) lines.push(`$CATEGORY: $course$/top/${opensCategory}`, '')
    if (item.type === 'multiple' && item.scoring === 'all-or-nothing') lines.push(`// ${ALL_OR_NOTHING_COMMENT}`)
    lines.push(`::${escapeGift(name ?? item.id)}::[plain]${escapeGift(item.prompt ?? "")}{${answers(item)}}`, '')
  }
  return { text: lines.join('\n'), skipped }
}
