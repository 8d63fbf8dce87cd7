import { hallDay } from './dates'

describe('hallDay (Asia/Shanghai, UTC+8)', () => {
  it.each([
    { instant: '2026-03-01T15:59:59Z', day: '2026-03-01' }, // 23:59:59 in Shanghai
    { instant: '2026-03-01T16:00:00Z', day: '2026-03-02' }, // midnight in Shanghai
    { instant: '2025-12-31T16:00:00Z', day: '2026-01-01' },
  ])('$instant → $day', ({ instant, day }) => expect(hallDay(instant)).toBe(day))
})
