import { isSafeContentUrl, unsafeHtmlReasons } from './safe-content'

describe('isSafeContentUrl: http(s), mailto, tel and relative only', () => {
  it.each([
    { url: 'https://www.miit.gov.cn/', safe: true },
    { url: 'http://example.org/a?b#c', safe: true },
    { url: 'mailto:training@example.org', safe: true },
    { url: 'tel:10086', safe: true },
    { url: '/learn/demo/intro', safe: true },
    { url: '#section', safe: true },
    { url: '?tab=2', safe: true },
    { url: 'second', safe: true },
    { url: '../other/page', safe: true },
    { url: 'javascript:alert(1)', safe: false },
    { url: 'JaVaScRiPt:alert(1)', safe: false },
    { url: ' javascript:alert(1)', safe: false },
    { url: 'java\tscript:alert(1)', safe: false }, // browsers drop the tab
    { url: 'java\nscript:alert(1)', safe: false },
    { url: 'data:text/html,<script>alert(1)</script>', safe: false },
    { url: 'vbscript:msgbox', safe: false },
    { url: 'file:///etc/passwd', safe: false },
    { url: '//evil.example/x', safe: false }, // another host under a relative look
    { url: '\\\\evil.example', safe: false },
    { url: 'ftp://example.org', safe: false },
  ])('$url → $safe', ({ url, safe }) => expect(isSafeContentUrl(url)).toBe(safe))
})

describe('unsafeHtmlReasons: what rendered module HTML may not carry', () => {
  it.each([
    { html: '<p>营业员应当<strong>挂牌上岗</strong>。</p><a href="/learn/demo/second">下一课</a>', reasons: [] },
    { html: '<p>button 和 onion 都不是事件：one=1</p>', reasons: [] }, // text that only looks like it
    { html: '<img src="x" onerror="alert(1)">', reasons: ['event handler onerror'] },
    { html: '<div ONCLICK=alert(1)>x</div>', reasons: ['event handler onclick'] },
    { html: '<svg><a xlink:href="javascript:alert(1)">x</a></svg>', reasons: ['unsafe link javascript:alert(1)'] },
    { html: '<a href="&#106;avascript:alert(1)">x</a>', reasons: ['unsafe link &#106;avascript:alert(1)'] },
    { html: '<script>alert(1)</script>', reasons: ['element script'] },
    { html: '<iframe src="https://evil.example"></iframe>', reasons: ['element iframe'] },
    { html: '<form action="https://evil.example"><button>x</button></form>', reasons: ['element form'] },
    { html: '<a href="/x" style="background:url(javascript:alert(1))">x</a>', reasons: ['style attribute'] },
  ])('$html → $reasons', ({ html, reasons }) => expect(unsafeHtmlReasons(html)).toEqual(reasons))
})
