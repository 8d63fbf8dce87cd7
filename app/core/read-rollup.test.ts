import { readingCompleteBy, readRollupOf } from './read-rollup'

const modules = [{ slug: 'a', versionId: 'a2' }, { slug: 'b', versionId: 'b1' }]
const at = (day: number) => new Date(Date.UTC(2026, 5, day))

describe('readRollupOf', () => {
  it.each([
    { case: 'nothing read: no row', reads: [], expected: null },
    { case: 'one current module read', reads: [{ slug: 'a', versionId: 'a2', at: at(3) }], expected: { read: 1, total: 2, currentReadAt: at(3), lastReadAt: at(3) } },
    {
      case: 'all read: complete when the last current one was read',
      reads: [{ slug: 'b', versionId: 'b1', at: at(5) }, { slug: 'a', versionId: 'a2', at: at(3) }],
      expected: { read: 2, total: 2, currentReadAt: at(5), lastReadAt: at(5) },
    },
    {
      case: 'an older version read later: counts as activity, not as read',
      reads: [{ slug: 'a', versionId: 'a2', at: at(3) }, { slug: 'a', versionId: 'a1', at: at(9) }],
      expected: { read: 1, total: 2, currentReadAt: at(3), lastReadAt: at(9) },
    },
    { case: 'only an older version read: a row with nothing counted', reads: [{ slug: 'a', versionId: 'a1', at: at(2) }], expected: { read: 0, total: 2, currentReadAt: null, lastReadAt: at(2) } },
    { case: 'a module gone from the course (withdrawn) counts for nothing', reads: [{ slug: 'z', versionId: 'z1', at: at(2) }], expected: { read: 0, total: 2, currentReadAt: null, lastReadAt: at(2) } },
  ])('$case', ({ reads, expected }) => expect(readRollupOf(modules, reads)).toEqual(expected))
})

describe('readingCompleteBy', () => {
  it.each([
    { case: 'no row', figures: undefined, end: at(9), complete: false },
    { case: 'all read before the end', figures: { read: 2, total: 2, currentReadAt: at(5) }, end: at(9), complete: true },
    { case: 'all read, the last after the end', figures: { read: 2, total: 2, currentReadAt: at(10) }, end: at(9), complete: false },
    { case: 'one of two read', figures: { read: 1, total: 2, currentReadAt: at(5) }, end: at(9), complete: false },
    { case: 'a course without modules is never complete', figures: { read: 0, total: 0, currentReadAt: null }, end: at(9), complete: false },
  ])('$case', ({ figures, end, complete }) => expect(readingCompleteBy(figures, end)).toBe(complete))
})
