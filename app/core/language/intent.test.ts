// Intent matching: an element is expressed in the clerk's own words; table per paraphrase and near-miss kind.
import { scoreIntent } from './intent'

const wait = { says: '请客户稍坐或稍等', examples: ['请坐', '稍等', '请稍候'] }
const handle = { says: '告诉客户马上为他办理', examples: ['马上为您办理'] }
const own = { says: '表明由自己负责', examples: ['我来负责', '交给我'] }
const passOn = { says: '把客户推给别人', examples: ['找别人', '问别的窗口'] }

describe('scoreIntent: expressed', () => {
  it.each([
    { kind: 'literal example', text: '请坐', element: wait },
    { kind: 'a word around the example (请稍坐 ⊃ 坐)', text: '您好，请稍坐', element: wait },
    { kind: 'synonym (稍候片刻)', text: '麻烦您稍候片刻', element: wait },
    { kind: 'synonym and a word between (马上给您办)', text: '我马上给您办', element: handle },
    { kind: 'synonym (立刻为您处理)', text: '我立刻为您处理', element: handle },
    { kind: 'traditional characters', text: '我馬上為您辦理', element: handle },
    { kind: 'full-width punctuation and spaces', text: '我　马上，为您　办理！', element: handle },
    { kind: 'filler words (我来负责)', text: '这件事我来负责', element: own },
  ])('$kind: "$text"', ({ text, element }) =>
    expect(scoreIntent(text, { elements: [element], avoid: [] }).elements[0].found).toBe(true))
})

describe('scoreIntent: not expressed', () => {
  it.each([
    { kind: 'unrelated words', text: '您好，欢迎光临', element: handle },
    { kind: 'the words too far apart', text: '我马上去后台看看您上个月的账单有没有问题再办理', element: handle },
    { kind: 'order reversed', text: '办理的事马上说', element: handle },
    { kind: 'empty answer', text: '', element: wait },
    { kind: 'emoji only', text: '😀👍', element: wait },
  ])('$kind: "$text"', ({ text, element }) =>
    expect(scoreIntent(text, { elements: [element], avoid: [] }).elements[0].found).toBe(false))
})

describe('scoreIntent: credit', () => {
  it.each([
    { text: '请稍坐，我马上为您办理', share: 1 },
    { text: '请稍坐', share: 0.5 },
    { text: '请稍坐，我马上为您办理，不行你找别人', share: 0 },
  ])('"$text" → $share', ({ text, share }) =>
    expect(scoreIntent(text, { elements: [wait, handle], avoid: [passOn] }).share).toBe(share))

  it('names the clerk’s words that expressed each element', () =>
    expect(scoreIntent('您好，请稍坐，我马上为您办理', { elements: [wait, handle], avoid: [] }).elements.map((e) => e.matched)).toEqual(['坐', '马上为您办理']))
})
