import fc from 'fast-check'
// Table tests for the seeded shuffle, the string hash and the opaque ids.
import { authoredIdOf, base36, hashString, opaqueId, seededShuffle, shuffleAwayFromAuthoredOrder } from './shuffle'

const letters = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']

describe('hashString', () => {
  it.each([
    { a: 'seed', b: 'seed', same: true },
    { a: 'seed', b: 'seeD', same: false },
    { a: '', b: ' ', same: false },
    { a: '服务', b: '服務', same: false },
  ])('"$a" vs "$b" → same: $same', ({ a, b, same }) => expect(hashString(a) === hashString(b)).toBe(same))

  it('is a non-negative safe integer', () => {
    for (const text of ['', 'a', '营业厅', 'x'.repeat(1000)]) {
      const hash = hashString(text)
      expect(Number.isSafeInteger(hash) && hash >= 0).toBe(true)
    }
  })
})

describe('seededShuffle', () => {
  it('is repeatable for one seed', () => expect(seededShuffle(letters, 's1')).toEqual(seededShuffle(letters, 's1')))

  it('keeps every item exactly once and leaves the input alone', () => {
    const input = [...letters]
    const shuffled = seededShuffle(input, 'any')
    expect([...shuffled].sort()).toEqual(letters)
    expect(input).toEqual(letters)
  })

  it('gives different orders for different seeds', () => {
    const orders = new Set(['s1', 's2', 's3', 's4', 's5'].map((seed) => seededShuffle(letters, seed).join('')))
    expect(orders.size).toBeGreaterThan(1)
  })

  it.each([{ items: [] }, { items: ['only'] }])('handles $items.length item(s)', ({ items }) =>
    expect(seededShuffle(items, 'x')).toEqual(items),
  )

  it('puts each item first about equally often over many seeds', () => {
    const firsts = new Map<string, number>()
    for (let i = 0; i < 4000; i++) {
      const first = seededShuffle(['a', 'b', 'c', 'd'], `seed-${i}`)[0]
      firsts.set(first, (firsts.get(first) ?? 0) + 1)
    }
    // every item, not only those that did come first: an item that never leads would be missing from `firsts`
    for (const item of ['a', 'b', 'c', 'd']) expect(firsts.get(item) ?? 0).toBeGreaterThan(850) // 1000 expected
  })
})

describe('shuffleAwayFromAuthoredOrder', () => {
  it('never returns the authored order of two items', () => {
    for (let i = 0; i < 50; i++) expect(shuffleAwayFromAuthoredOrder(['x', 'y'], `s${i}`)).toEqual(['y', 'x'])
  })
  it('never returns the authored order of several items', () => {
    for (let i = 0; i < 200; i++) expect(shuffleAwayFromAuthoredOrder(['a', 'b', 'c'], `s${i}`)).not.toEqual(['a', 'b', 'c'])
  })
  it('returns a single item as it is', () => expect(shuffleAwayFromAuthoredOrder(['a'], 's')).toEqual(['a']))
})

describe('base36', () => {
  // the opaque ids already in learners' pages and saved answers were written with Number#toString(36)
  it.each([0, 1, 35, 36, 36 ** 5 - 1, 36 ** 5, 36 ** 5 + 1, 36 ** 6, 2 ** 31, 2 ** 32 + 7, 2 ** 53 - 1])('writes %d as toString(36) does', (n) =>
    expect(base36(n)).toBe(n.toString(36)),
  )
  it('writes every hash as toString(36) does', () => {
    fc.assert(fc.property(fc.string(), fc.integer({ min: 0, max: 2 ** 30 }), (text, salt) => {
      const hash = hashString(text, salt)
      expect(base36(hash)).toBe(hash.toString(36))
    }), { numRuns: 2000 })
    fc.assert(fc.property(fc.maxSafeNat(), (n) => {
      expect(base36(n)).toBe(n.toString(36))
    }), { numRuns: 2000 })
  })
})

describe('opaqueId and authoredIdOf', () => {
  it.each([
    { case: 'same seed and id → same opaque id', a: ['s', 'a'], b: ['s', 'a'], same: true },
    { case: 'another seed → another opaque id', a: ['s', 'a'], b: ['t', 'a'], same: false },
    { case: 'another id → another opaque id', a: ['s', 'a'], b: ['s', 'b'], same: false },
    { case: 'the separator cannot be forged', a: ['s', 'ab'], b: ['sa', 'b'], same: false },
  ])('$case', ({ a, b, same }) => expect(opaqueId(a[0], a[1]) === opaqueId(b[0], b[1])).toBe(same))

  it('never contains the authored id', () => {
    for (const id of ['correct', 'wrong', 'receive', 'end-ok']) expect(opaqueId('seed', id)).not.toContain(id)
  })

  it('looks like an html id: a letter, then base-36 digits', () => expect(opaqueId('seed', 'a')).toMatch(/^o[0-9a-z]+$/))

  it.each([
    { opaque: opaqueId('seed', 'b'), ids: ['a', 'b', 'c'], authored: 'b' },
    { opaque: opaqueId('other', 'b'), ids: ['a', 'b', 'c'], authored: null },
    { opaque: 'b', ids: ['a', 'b', 'c'], authored: null },
    { opaque: opaqueId('seed', 'b'), ids: [], authored: null },
  ])('maps $opaque back to $authored', ({ opaque, ids, authored }) => expect(authoredIdOf('seed', opaque, ids)).toBe(authored))
})
