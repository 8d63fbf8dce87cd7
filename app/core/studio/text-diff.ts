// A readable line diff between two versions of a file: changed lines with a few lines of context, the rest folded.
// The line comparison is the `diff` package's (Myers); this only shapes it for a page.
import { diffLines } from 'diff'

export type DiffLine =
  | { kind: 'same' | 'added' | 'removed'; text: string; oldLine: number | null; newLine: number | null }
  | { kind: 'fold'; count: number }

function splitLines(value: string): string[] {
  const lines = value.split('\n')
  if (lines.length && lines[lines.length - 1] === '') lines.pop()
  return lines
}

export function lineDiff(before: string, after: string, context = 3): DiffLine[] {
  const lines: Exclude<DiffLine, { kind: 'fold' }>[] = []
  let oldLine = 1
  let newLine = 1
  for (const part of diffLines(before, after)) {
    for (const text of splitLines(part.value)) {
      if (part.added) lines.push({ kind: 'added', text, oldLine: null, newLine: newLine++ })
      else if (part.removed) lines.push({ kind: 'removed', text, oldLine: oldLine++, newLine: null })
      else lines.push({ kind: 'same', text, oldLine: oldLine++, newLine: newLine++ })
    }
  }
  const near = lines.map(() => false)
  lines.forEach((line, i) => {
    if (line.kind === 'same') return
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) near[j] = true
  })
  const result: DiffLine[] = []
  let folded = 0
  lines.forEach((line, i) => {
    if (near[i]) {
      if (folded) result.push({ kind: 'fold', count: folded })
      folded = 0
      result.push(line)
    } else folded++
  })
  if (folded) result.push({ kind: 'fold', count: folded })
  return result
}

export function diffCounts(lines: readonly DiffLine[]): { added: number; removed: number } {
  return {
    added: lines.filter((l) => l.kind === 'added').length,
    removed: lines.filter((l) => l.kind === 'removed').length,
  }
}
