import { readFileSync } from 'node:fs'
import { graphConflict } from './scenario-conflict'
import { editNode, type NodeEdit } from './scenario-edits'
import { diffCounts } from './text-diff'

const BASE = readFileSync('content/scenarios/et-closing-time.yaml', 'utf8')
// the other trainer changed the start node's customer line; "you" changed the ending end-ok
const THEIRS = BASE.replace('等等等等！还没下班吧？', '等一下！还没下班吧？')
const MINE: NodeEdit = { kind: 'end', end: 'satisfied', text: '客户交完费，道谢离开。' }
const apply = (text: string) => editNode(text, 'end-ok', MINE)
const lines = (diff: ReturnType<typeof graphConflict>['diff'], kind: 'added' | 'removed') => diff.flatMap((l) => (l.kind === kind ? [l.text.trim()] : []))

describe('a graph edit that lost the revision race', () => {
  it.each([
    {
      name: 'from the page’s text: their change and yours both show, theirs as removed, yours as added',
      base: BASE,
      yoursFrom: 'your-page',
      removed: ['customer: 等一下！还没下班吧？我手机欠费停机了，明天一早要出差，今天必须交上！', expect.stringMatching(/^text: /)],
      added: ['customer: 等等等等！还没下班吧？我手机欠费停机了，明天一早要出差，今天必须交上！', 'text: 客户交完费，道谢离开。'],
    },
    { name: 'without the page’s text: your edit on their version (only yours shows)', base: null, yoursFrom: 'their-version', removed: [expect.stringMatching(/^text: /)], added: ['text: 客户交完费，道谢离开。'] },
    { name: 'a page text that is not text (binary) is not used', base: 'a\u0000b', yoursFrom: 'their-version', removed: [expect.stringMatching(/^text: /)], added: ['text: 客户交完费，道谢离开。'] },
    { name: 'a page text the edit does not apply to falls back to their version', base: 'id: x\n', yoursFrom: 'their-version', removed: [expect.stringMatching(/^text: /)], added: ['text: 客户交完费，道谢离开。'] },
  ])('$name', ({ base, yoursFrom, removed, added }) => {
    const conflict = graphConflict(THEIRS, base, apply)
    expect(conflict.yoursFrom).toBe(yoursFrom)
    expect(lines(conflict.diff, 'removed')).toEqual(removed)
    expect(lines(conflict.diff, 'added')).toEqual(added)
  })

  it('an edit that applies to neither text (the node is gone) gives no diff and says so', () => {
    const gone = graphConflict(THEIRS, BASE, (text) => editNode(text, 'no-such-node', MINE))
    expect(gone).toEqual({ diff: [], yoursFrom: 'none' })
  })

  it('folds the unchanged lines, so the diff is readable', () => {
    const { diff } = graphConflict(THEIRS, BASE, apply)
    expect(diff.some((l) => l.kind === 'fold')).toBe(true)
    expect(diffCounts(diff)).toEqual({ added: 2, removed: 2 })
  })
})
