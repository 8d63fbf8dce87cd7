import { closeRefusal, moveRefusal, pathsAfterMove } from './org-changes'

const units = [
  { id: 'r1', path: '/R01/' },
  { id: 'b1', path: '/R01/B01/' },
  { id: 'h1', path: '/R01/B01/H01/' },
  { id: 'h2', path: '/R01/B01/H02/' },
  { id: 'b10', path: '/R01/B010/' }, // a sibling whose code starts the same: must not move
  { id: 'r2', path: '/R02/' },
]

it('moving a branch to another region re-paths it and every hall under it, and nothing else', () => {
  expect(pathsAfterMove(units, { path: '/R01/B01/', code: 'B01' }, '/R02/')).toEqual([
    { id: 'b1', from: '/R01/B01/', to: '/R02/B01/' },
    { id: 'h1', from: '/R01/B01/H01/', to: '/R02/B01/H01/' },
    { id: 'h2', from: '/R01/B01/H02/', to: '/R02/B01/H02/' },
  ])
})

describe('moveRefusal', () => {
  const branch = { kind: 'branch' as const, path: '/R01/B01/', parentPath: '/R01/' }
  it.each([
    { case: 'branch to another region', unit: branch, parent: { kind: 'region' as const, path: '/R02/', open: true }, refusal: null },
    { case: 'branch under a hall', unit: branch, parent: { kind: 'hall' as const, path: '/R02/B03/H05/', open: true }, refusal: 'wrong_parent_kind' },
    { case: 'branch to its own region', unit: branch, parent: { kind: 'region' as const, path: '/R01/', open: true }, refusal: 'same_parent' },
    { case: 'branch to a closed region', unit: branch, parent: { kind: 'region' as const, path: '/R03/', open: false }, refusal: 'parent_closed' },
    { case: 'hall to another branch', unit: { kind: 'hall' as const, path: '/R01/B01/H01/', parentPath: '/R01/B01/' }, parent: { kind: 'branch' as const, path: '/R02/B03/', open: true }, refusal: null },
    { case: 'region under a region', unit: { kind: 'region' as const, path: '/R01/', parentPath: null }, parent: { kind: 'region' as const, path: '/R02/', open: true }, refusal: 'wrong_parent_kind' },
  ])('$case → $refusal', ({ unit, parent, refusal }) => expect(moveRefusal(unit, parent)).toBe(refusal))
})

describe('closeRefusal', () => {
  it.each([
    { state: { open: true, activePeople: 0, openUnitsBelow: 0 }, refusal: null },
    { state: { open: true, activePeople: 3, openUnitsBelow: 0 }, refusal: 'has_active_people' },
    { state: { open: true, activePeople: 0, openUnitsBelow: 2 }, refusal: 'has_open_units' },
    { state: { open: false, activePeople: 0, openUnitsBelow: 0 }, refusal: 'already_closed' },
  ])('$state → $refusal', ({ state, refusal }) => expect(closeRefusal(state)).toBe(refusal))
})
