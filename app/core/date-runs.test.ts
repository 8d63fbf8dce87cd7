import { describe, expect, it } from 'vitest'
import { dateRuns } from './date-runs'

const shown = (text: string) => dateRuns(text).map((r) => (r.isDate ? `[${r.text}]` : r.text)).join('')

describe('dates in a sentence are kept as one run each', () => {
  it.each([
    { text: '有效期至 2026-11-30', shown: '有效期至 [2026-11-30]' },
    { text: 'Valid until 2026-11-30.', shown: 'Valid until [2026-11-30].' },
    { text: '2026-11-30 至 2027-11-29', shown: '[2026-11-30] 至 [2027-11-29]' },
    { text: '2026-11-30 14:05 标记已练习', shown: '[2026-11-30 14:05] 标记已练习' },
    { text: '2026-11 月度服务明星', shown: '[2026-11] 月度服务明星' },
    { text: '证书编号 4401-2026-0001', shown: '证书编号 4401-2026-0001' }, // a code, not a date
    { text: '2026-13-01 is no month', shown: '2026-13-01 is no month' },
    { text: '2026-02-30', shown: '[2026-02-30]' }, // shown as written: the page does not judge the calendar
    { text: 'no date here', shown: 'no date here' },
    { text: '', shown: '' },
  ])('$text → $shown', (c) => expect(shown(c.text)).toBe(c.shown))

  it('the runs put back together are the sentence unchanged', () => {
    const text = '第 2 次跟进应于 2026-11-30 完成，已逾期 3 天'
    expect(dateRuns(text).map((r) => r.text).join('')).toBe(text)
  })
})
