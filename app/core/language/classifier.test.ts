// The linear classifier: learns a separable toy set, is deterministic, and ignores unknown features.
import { classify, forbiddenProbability, OK_CLASS, trainModel } from './classifier'

const classes = [OK_CLASS, '推诿', '催促']
const examples = [
  ...Array.from({ length: 12 }, (_, i) => ({ features: ['w:您好', `n:${i % 3}`], label: OK_CLASS })),
  ...Array.from({ length: 12 }, (_, i) => ({ features: ['w:别人', `n:${i % 3}`], label: '推诿' })),
  ...Array.from({ length: 12 }, (_, i) => ({ features: ['w:快点', `n:${i % 3}`], label: '催促' })),
]

describe('trainModel and classify', () => {
  const model = trainModel(examples, classes)
  it.each([
    { features: ['w:您好', 'n:1'], best: OK_CLASS },
    { features: ['w:别人', 'n:2'], best: '推诿' },
    { features: ['w:快点'], best: '催促' },
  ])('$features → $best', ({ features, best }) => {
    const probabilities = classify(model, features)
    expect(model.classes[probabilities.indexOf(Math.max(...probabilities))]).toBe(best)
  })

  it('gives the same model for the same examples (deterministic training)', () =>
    expect(JSON.stringify(trainModel(examples, classes))).toBe(JSON.stringify(model)))

  it('drops features seen fewer than minCount times', () => {
    const rare = trainModel([...examples, { features: ['w:一次'], label: '推诿' }], classes)
    expect(rare.weights['w:一次']).toBeUndefined()
    expect(rare.weights['w:别人']).toBeDefined()
  })

  it('an empty or unknown reply gets the prior, and probabilities sum to 1', () => {
    const probabilities = classify(model, ['w:从没见过'])
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9)
    expect(forbiddenProbability(model, classify(model, ['w:您好']))).toBeLessThan(0.5)
    expect(forbiddenProbability(model, classify(model, ['w:别人']))).toBeGreaterThan(0.5)
  })
})
