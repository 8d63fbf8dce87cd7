// Count strings on the managers' pages read well in English for one and for many (i18next's _one/_other keys);
// Chinese has one form, which i18next asks for as _other.
import { createInstance } from 'i18next'
import en from './en'
import zhCN from './zh-CN'

async function translator(lng: 'en' | 'zh-CN') {
  const i18n = createInstance()
  await i18n.init({ lng, resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, interpolation: { escapeValue: false } })
  return i18n.t.bind(i18n) as (key: string, options?: Record<string, unknown>) => string
}

describe('plurals on the managers’ pages', () => {
  it.each([
    ['manageBoard.quizzesPassed', {}, '1 quiz passed', '3 quizzes passed'],
    ['manageBoard.allOverdue', {}, 'The 1 person overdue', 'All 3 people overdue'],
    ['manageBoard.facility', { facility: 40 }, 'Average score 40% · 1 answer', 'Average score 40% · 3 answers'],
    ['manageBoard.phraseClerks', {}, 'said by 1 person', 'said by 3 people'],
    ['learn.dueIn', {}, '1 day left', '3 days left'],
    ['quiz.attemptsAllowed', {}, 'Up to 1 attempt', 'Up to 3 attempts'],
    ['remindHall.done', { courses: 2 }, 'Reminded 1 person of 2 overdue course(s); the notice shows on their home page', 'Reminded 3 people of 2 overdue course(s) in all; each sees the notice on their home page'],
    ['quality.sample', { from: '2026-11-01', to: '2026-11-29' }, "From 1 answer, 2026-11-01 to 2026-11-29 (about the latest 1,000, at most 90 days; today's answers count from tomorrow)", "From 3 answers, 2026-11-01 to 2026-11-29 (about the latest 1,000, at most 90 days; today's answers count from tomorrow)"],
  ])('%s: one and many in English', async (key, options, one, many) => {
    const t = await translator('en')
    expect(t(key, { ...options, count: 1 })).toBe(one)
    expect(t(key, { ...options, count: 3 })).toBe(many)
  })

  it('the 晨会 basis, a star requirement and a refused approval say one and many', async () => {
    const t = await translator('en')
    expect(t('quality.morningBasis', { count: 1, from: '2026-11-01', to: '2026-11-29' })).toMatch(/^From the hall's 1 quiz or practice attempt, 2026-11-01 to 2026-11-29/)
    expect(t('quality.morningBasis', { count: 12, from: '2026-11-01', to: '2026-11-29' })).toMatch(/^From the hall's 12 quiz and practice attempts, 2026-11-01/)
    expect(t('stars.kinds.mentored-new-hire.requirement', { count: 1 })).toBe('mentored 1 new hire to completion')
    expect(t('stars.kinds.mentored-new-hire.requirement', { count: 2 })).toBe('mentored 2 new hires to completion')
  })

  it('Chinese has one form, for one and for many', async () => {
    const t = await translator('zh-CN')
    expect(t('manageBoard.quizzesPassed', { count: 1 })).toBe('通过测验 1 个')
    expect(t('manageBoard.quizzesPassed', { count: 3 })).toBe('通过测验 3 个')
  })
})
