import { safeRedirect } from './safe-redirect'

describe('safeRedirect', () => {
  it.each([
    { target: '/learn', out: '/learn' },
    { target: '/manage/halls/H01?x=1', out: '/manage/halls/H01?x=1' },
    { target: 'https://evil.example/', out: '/home' },
    { target: '//evil.example', out: '/home' },
    { target: '/\\evil.example', out: '/home' },
    { target: '', out: '/home' },
    { target: null, out: '/home' },
  ])('$target → $out', ({ target, out }) => expect(safeRedirect(target, '/home')).toBe(out))
})
