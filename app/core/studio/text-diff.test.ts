import { diffCounts, lineDiff } from './text-diff'

const numbered = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n') + '\n'

describe('lineDiff', () => {
  it.each([
    { name: 'identical texts fold entirely', before: 'a\nb\n', after: 'a\nb\n', expected: [{ kind: 'fold', count: 2 }] },
    {
      name: 'one changed line: removed then added, with line numbers on both sides',
      before: 'a\nb\nc\n',
      after: 'a\nB\nc\n',
      expected: [
        { kind: 'same', text: 'a', oldLine: 1, newLine: 1 },
        { kind: 'removed', text: 'b', oldLine: 2, newLine: null },
        { kind: 'added', text: 'B', oldLine: null, newLine: 2 },
        { kind: 'same', text: 'c', oldLine: 3, newLine: 3 },
      ],
    },
    {
      name: 'a line added at the end of a file without a final newline',
      before: 'a',
      after: 'a\nb',
      expected: [
        { kind: 'removed', text: 'a', oldLine: 1, newLine: null },
        { kind: 'added', text: 'a', oldLine: null, newLine: 1 },
        { kind: 'added', text: 'b', oldLine: null, newLine: 2 },
      ],
    },
  ])('$name', ({ before, after, expected }) => {
    expect(lineDiff(before, after)).toEqual(expected)
  })

  it('keeps three lines of context and folds the rest', () => {
    const before = numbered(20)
    const after = before.replace('line 10\n', 'line ten\n')
    const diff = lineDiff(before, after)
    expect(diff[0]).toEqual({ kind: 'fold', count: 6 })
    expect(diff.filter((l) => l.kind === 'same').map((l) => ('text' in l ? l.text : ''))).toEqual(['line 7', 'line 8', 'line 9', 'line 11', 'line 12', 'line 13'])
    expect(diff.at(-1)).toEqual({ kind: 'fold', count: 7 })
    expect(diffCounts(diff)).toEqual({ added: 1, removed: 1 })
  })

  it('reads Chinese lines as lines', () => {
    expect(diffCounts(lineDiff('您好，请坐。\n请稍等。\n', '您好，请坐。\n请您稍等。\n'))).toEqual({ added: 1, removed: 1 })
  })
})
