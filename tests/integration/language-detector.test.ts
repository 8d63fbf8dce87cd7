// The 服务禁语 detector as shipped (list + trained classifier): one table per category and per near-miss kind.
// Sentences here are written for this test; none is copied from the corpus or the held-out split.
import { findForbiddenPhrases } from '~/core/phrases'
import { loadForbiddenPhrases } from '~/server/phrases.server'

const detector = loadForbiddenPhrases()
const verdict = (text: string) => {
  const hits = findForbiddenPhrases(text, detector)
  return { flagged: hits.length > 0, categories: hits.map((hit) => hit.category), hits }
}

describe('flags each category, naming it, with a 文明用语', () => {
  it.each([
    { category: '推诿', text: '这不是我们窗口的事，你上楼问问吧。' },
    { category: '推诿', text: '这事归客服中心管，你打电话找他们。' },
    { category: '斥责', text: '你自己把卡弄坏了还来怪我们？' },
    { category: '斥责', text: '都怪你自己不看短信，还好意思问。' },
    { category: '不耐烦', text: '刚才不是跟您说过了吗？' },
    { category: '不耐烦', text: '行了行了，别问了，就这样。' },
    { category: '冷漠', text: '没办法，系统就这样，你等着吧。' },
    { category: '顶撞', text: '你有本事就去投诉我啊。' },
    { category: '顶撞', text: '我就这态度，你爱怎么样怎么样。' },
    { category: '轻视', text: '这么简单的东西你都搞不懂？' },
    { category: '催促', text: '快点快点，后面还排着一长串呢。' },
    { category: '不当称呼', text: '喂，那个穿蓝衣服的，到你了。' },
  ])('$category: "$text"', ({ category, text }) => {
    const result = verdict(text)
    expect(result.flagged).toBe(true)
    expect(result.hits.every((hit) => hit.suggestion.length > 0 && text.slice(hit.start, hit.end) === hit.matched)).toBe(true)
    expect(result.categories).toContain(category)
  })
})

describe('leaves courteous replies with trigger words alone', () => {
  it.each([
    { kind: 'trigger word in an offer (不清楚)', text: '有什么不清楚的，您随时来问我' },
    { kind: 'customer as subject (您不知道)', text: '您不知道密码没关系，我帮您重置。' },
    { kind: 'first person owning the problem (我不清楚 + 查)', text: '这笔费用我也不清楚，我马上帮您查，请稍等。' },
    { kind: 'negation (不用找别人)', text: '您不用再找别人了，这件事我负责到底。' },
    { kind: 'polite question (不知道您…？)', text: '不知道您今天想办理什么业务？' },
    { kind: 'longer word containing the trigger (看不清楚)', text: '屏幕上的字看不清楚的话，我给您念。' },
    { kind: 'rule explained (规定)', text: '按规定需要本人办理，这是为了保护您的信息安全。' },
    { kind: 'closing time owned (下班)', text: '虽然快下班了，我也一定帮您办完。' },
    { kind: 'complaint taken (投诉)', text: '您要投诉的话，我帮您登记，一定给您答复。' },
    { kind: 'cannot do here, but I arrange (办不了)', text: '这里办不了的话，我帮您联系能办理的网点。' },
    { kind: 'hurry for the customer (快点)', text: '外面下雨，您快点进来坐。' },
    { kind: 'a model answer', text: '您好，请稍坐，我马上为您办理' },
  ])('$kind: "$text"', ({ text }) => expect(verdict(text).hits).toEqual([]))
})

describe('reads every form of the same words alike', () => {
  it.each([
    { text: '這不歸我管', same: '这不归我管' },
    { text: 'ＮＯＴ　ｍｙ　ｊｏｂ，你问别人去', same: 'not my job，你问别人去' },
    { text: '急什么急😤', same: '急什么急' },
    { text: '不知道,你去问别人吧.', same: '不知道，你去问别人吧。' },
  ])('"$text" like "$same"', ({ text, same }) => {
    expect(verdict(text).flagged).toBe(true)
    expect(verdict(text).categories).toEqual(verdict(same).categories)
  })
})

describe('bad input: never a crash, same shape', () => {
  it.each([
    { why: 'empty', text: '' },
    { why: 'spaces only', text: ' \t ' },
    { why: '10 000 characters', text: '您好，请稍等。'.repeat(1430) },
    { why: 'emoji only', text: '😀😀👍' },
    { why: 'punctuation only', text: '，。！？,.!?' },
    { why: 'lone surrogate', text: '\ud800好' },
  ])('$why', ({ text }) => {
    const hits = findForbiddenPhrases(text, detector)
    expect(Array.isArray(hits)).toBe(true)
    for (const hit of hits) expect(text.slice(hit.start, hit.end)).toBe(hit.matched)
  })
})

describe('reads only what is said, not the action described in brackets', () => {
  it('does not flag forbidden words inside a narrated action', () =>
    expect(verdict('（心里想：烦死了，又是这个人）您好，请问办理什么业务？').flagged).toBe(false))
  it('still flags what is said after the action, at its offset in the written reply', () => {
    const text = '（头也不抬）你问我我问谁去？'
    const result = verdict(text)
    expect(result.flagged).toBe(true)
    expect(result.hits.every((hit) => hit.start >= '（头也不抬）'.length && text.slice(hit.start, hit.end) === hit.matched)).toBe(true)
  })
  it('reads an unclosed bracket as speech', () => expect(verdict('（你问我我问谁去？').flagged).toBe(true))
})
