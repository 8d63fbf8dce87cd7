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
    // issue 13, finding 2: browsers drop tabs and newlines from a URL, so "/<tab>/evil.example" is "//evil.example"
    { target: '/\t/evil.example', out: '/home' },
    { target: '/\n/evil.example', out: '/home' },
    { target: '/\r\n/evil.example', out: '/home' },
    { target: '\t//evil.example', out: '/home' },
    { target: '/ /evil.example', out: '/%20/evil.example' }, // a space is kept, encoded: a path on this site
    { target: '/%09/evil.example', out: '/%09/evil.example' }, // still encoded: a path on this site
    { target: '/\u0000x', out: '/home' },
    { target: '/learn#top', out: '/learn#top' },
    { target: '/../../etc', out: '/etc' },
    // finding 7: a newline would make the Location header throw (500)
    { target: '/\n', out: '/home' },
    { target: '/学习', out: '/%E5%AD%A6%E4%B9%A0' },
  ])('$target → $out', ({ target, out }) => expect(safeRedirect(target, '/home')).toBe(out))
})
