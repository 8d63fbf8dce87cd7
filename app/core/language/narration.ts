// Curriculum replies describe what the clerk does in brackets: 「（头也不抬）嗯。」. The bracketed part is an action, not
// words said to the customer, so the 服务禁语 detector must not read it (the scenario's feedback judges the manner).
// Masking keeps the length in UTF-16 units: an offset found in the spoken part is an offset into the reply as written.

const OPENING = new Set(['（', '('])
const CLOSING = new Set(['）', ')'])

/** The reply with every balanced bracketed stretch (brackets included) replaced by spaces; an unclosed bracket is kept. */
export function spokenPart(text: string): string {
  if (!text.includes('（') && !text.includes('(')) return text
  let spoken = ''
  let pending = '' // text since the outermost unclosed bracket, kept as written until its bracket closes
  let depth = 0
  for (const unit of text.split('')) {
    if (OPENING.has(unit)) depth++
    if (depth === 0) spoken += unit
    else pending += unit
    if (CLOSING.has(unit) && depth > 0 && --depth === 0) {
      spoken += ' '.repeat(pending.length)
      pending = ''
    }
  }
  return spoken + pending
}
