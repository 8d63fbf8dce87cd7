import { rollupDrift } from './rollup-drift'

type Row = { id: string; n: number }
const drift = (expected: Row[], stored: Row[]) => rollupDrift(expected, stored, (r) => r.id, (a, b) => a.n === b.n, 'the source')

describe('rollupDrift: a stored roll-up against one recomputed from its source', () => {
  it.each<{ name: string; expected: Row[]; stored: Row[]; lines: string[] }>([
    { name: 'equal: no drift', expected: [{ id: 'a', n: 1 }], stored: [{ id: 'a', n: 1 }], lines: [] },
    { name: 'a pair missing', expected: [{ id: 'a', n: 1 }], stored: [], lines: ['missing a'] },
    { name: 'an extra pair', expected: [], stored: [{ id: 'b', n: 2 }], lines: ['extra b'] },
    { name: 'other figures', expected: [{ id: 'a', n: 1 }], stored: [{ id: 'a', n: 3 }], lines: ['differs a: stored {"id":"a","n":3}, from the source {"id":"a","n":1}'] },
  ])('$name', ({ expected, stored, lines }) => {
    expect(drift(expected, stored)).toEqual(lines)
  })
})
