import { childPath, coveringPaths, isWithin } from './org'

describe('organisation paths', () => {
  it.each([
    { parent: '/', code: 'R01', path: '/R01/' },
    { parent: '/R01/', code: 'B01', path: '/R01/B01/' },
    { parent: '/R01/B01', code: 'H01', path: '/R01/B01/H01/' },
  ])('child $code of $parent is $path', ({ parent, code, path }) => expect(childPath(parent, code)).toBe(path))

  it('refuses a code that would break the path', () => {
    expect(() => childPath('/', 'R/1')).toThrow(/unit code/)
  })

  it.each([
    { path: '/R01/B01/H01/', ancestor: '/R01/', within: true },
    { path: '/R01/', ancestor: '/R01/', within: true },
    { path: '/R01/B01/H10/', ancestor: '/R01/B01/H1/', within: false },
    { path: '/R02/B03/', ancestor: '/R01/', within: false },
    { path: '/R01/', ancestor: '', within: false },
  ])('$path within $ancestor → $within', ({ path, ancestor, within }) => expect(isWithin(path, ancestor)).toBe(within))

  it('keeps only the outermost of overlapping scopes', () => {
    expect(coveringPaths(['/R01/B01/H01/', '/R01/', '/R02/B03/', '/R01/'])).toEqual(['/R01/', '/R02/B03/'])
    expect(coveringPaths([])).toEqual([])
  })
})
