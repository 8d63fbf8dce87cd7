// Table tests for the item verdicts: figures with known verdicts, the thresholds' edges, the order of action.
import type { OptionAnalysis, OptionRow } from './choice-options'
import { itemVerdicts, VERDICT_THRESHOLDS, type VerdictInput } from './item-verdicts'

const figures = (facility: number, discriminationIndex: number | null, discriminativeEfficiency: number | null = discriminationIndex) => ({
  facility,
  sd: 0.4,
  discriminationIndex,
  discriminativeEfficiency,
  effectiveWeight: 10,
})
const option = (text: string, correct: boolean, picks: number, upperRate: number | null = null): OptionRow => ({
  id: text,
  text,
  correct,
  picks,
  rate: picks / 30,
  upperRate,
  lowerRate: null,
})
const options = (...rows: OptionRow[]): OptionAnalysis => ({ responses: 30, blanks: 0, rows })
const item = (id: string, f: VerdictInput['figures'], analysis: unknown = null): VerdictInput => ({ id, figures: f, analysis })
const kinds = (input: VerdictInput, attempts = 30) => itemVerdicts([input], attempts)[0].findings.map((finding) => finding.kind)

describe('itemVerdicts: one item', () => {
  it.each([
    { case: 'a working item', input: item('q', figures(0.6, 45)), kinds: [] },
    { case: '95% right is too easy (Moodle: extremely easy)', input: item('q', figures(0.95, 10)), kinds: ['too-easy'] },
    { case: '94% right is not', input: item('q', figures(0.94, 35)), kinds: [] },
    { case: '10% right is too hard', input: item('q', figures(0.1, 25)), kinds: ['too-hard'] },
    { case: '11% right is not', input: item('q', figures(0.11, 25)), kinds: [] },
    { case: 'discrimination 19.9% is weak', input: item('q', figures(0.6, 19.9, 40)), kinds: ['weak-discrimination'] },
    { case: 'discrimination 20% is not weak', input: item('q', figures(0.6, 20, 40)), kinds: [] },
    { case: 'efficiency 14.9% is weak (Moodle: dubious)', input: item('q', figures(0.6, 30, 14.9)), kinds: ['weak-discrimination'] },
    { case: 'negative discrimination: high scorers do worse', input: item('q', figures(0.5, -63.71)), kinds: ['negative-discrimination'] },
    { case: 'no figures (a constant item): nothing to say', input: item('q', null), kinds: [] },
    { case: 'undefined discrimination', input: item('q', figures(0.5, null)), kinds: [] },
    {
      case: 'the upper third prefers wrong option B: possibly a wrong key',
      input: item('q', figures(0.4, 5), options(option('A', true, 10, 0.2), option('B', false, 15, 0.7), option('C', false, 5, 0.1))),
      kinds: ['possible-wrong-key', 'weak-discrimination'],
    },
    {
      case: 'a wrong option the upper third picks less than the key is a working distractor',
      input: item('q', figures(0.6, 40), options(option('A', true, 18, 0.8), option('B', false, 12, 0.2))),
      kinds: [],
    },
    {
      case: 'a distractor nobody picks',
      input: item('q', figures(0.7, 40), options(option('A', true, 21, 0.9), option('B', false, 9, 0.1), option('C', false, 0, 0))),
      kinds: ['unused-distractor'],
    },
  ])('$case → $kinds', ({ input, kinds: expected }) => expect(kinds(input)).toEqual(expected))

  it('names the option the upper third preferred, with the rates', () =>
    expect(itemVerdicts([item('q', figures(0.4, 5), options(option('A', true, 10, 0.2), option('B', false, 15, 0.7)))], 30)[0].findings[0]).toEqual({
      kind: 'possible-wrong-key',
      option: 'B',
      upperRate: 0.7,
      keyUpperRate: 0.2,
    }))

  it(`says nothing with fewer than ${VERDICT_THRESHOLDS.minimumAttempts} attempts`, () => {
    expect(kinds(item('q', figures(1, null)), VERDICT_THRESHOLDS.minimumAttempts - 1)).toEqual([])
    expect(kinds(item('q', figures(1, null)), VERDICT_THRESHOLDS.minimumAttempts)).toEqual(['too-easy'])
  })

  it('takes other thresholds as data', () =>
    expect(itemVerdicts([item('q', figures(0.9, 40))], 30, { ...VERDICT_THRESHOLDS, tooEasyFacility: 0.9 })[0].findings[0].kind).toBe('too-easy'))
})

describe('itemVerdicts: the order of action', () => {
  it('lists items needing action first, the most urgent first, then the rest in quiz order', () => {
    const verdicts = itemVerdicts(
      [
        item('fine-1', figures(0.6, 45)),
        item('easy', figures(0.97, 5)),
        item('fine-2', figures(0.5, 50)),
        item('inverted', figures(0.5, -20)),
        item('wrong-key', figures(0.4, 5), options(option('A', true, 10, 0.1), option('B', false, 20, 0.8))),
      ],
      30,
    )
    expect(verdicts.map((v) => [v.itemId, v.number, v.needsAction])).toEqual([
      ['wrong-key', 5, true],
      ['inverted', 4, true],
      ['easy', 2, true],
      ['fine-1', 1, false],
      ['fine-2', 3, false],
    ])
  })

  it('an empty quiz has no verdicts', () => expect(itemVerdicts([], 30)).toEqual([]))
})
