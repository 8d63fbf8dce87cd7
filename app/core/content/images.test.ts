import { altTextProblem, imageFileProblems, MAX_IMAGE_BYTES, parseImageReference, pngSize, svgSize, unsafeSvgReason } from './images'

const svg = (inner = '<rect width="10" height="10"/>', attributes = 'viewBox="0 0 360 200"') =>
  new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" ${attributes}>${inner}</svg>`)

describe('a module refers to a picture in its course folder', () => {
  it.each([
    { url: 'images/badge.svg', expected: { name: 'badge.svg', extension: 'svg' } },
    { url: './images/one-meter-line.png', expected: { name: 'one-meter-line.png', extension: 'png' } },
    { url: '../other/images/a.svg', expected: null }, // outside the course
    { url: 'images/sub/a.svg', expected: null }, // no folders
    { url: 'https://example.com/a.png', expected: null }, // nothing from outside
    { url: 'images/photo.jpg', expected: null }, // svg and png only
    { url: 'images/Badge.SVG', expected: null },
  ])('$url → $expected', ({ url, expected }) => expect(parseImageReference(url)).toEqual(expected))
})

describe('alt text', () => {
  it.each([
    { alt: '工牌佩戴在左胸', ok: true },
    { alt: '一米线 (one-metre line)', ok: true },
    { alt: '', ok: false },
    { alt: '   ', ok: false },
    { alt: 'badge position', ok: false },
  ])('"$alt" → ok $ok', ({ alt, ok }) => expect(altTextProblem(alt) === null).toBe(ok))
})

describe('an SVG is served only when it can run nothing and load nothing', () => {
  it.each([
    { inner: '<text x="1" y="1">工牌</text>', reason: null },
    { inner: '<use href="#shape"/>', reason: null },
    { inner: '<script>alert(1)</script>', reason: '脚本' },
    { inner: '<rect onclick="alert(1)"/>', reason: '事件' },
    { inner: '<a href="javascript:alert(1)"><text>x</text></a>', reason: 'javascript' },
    { inner: '<foreignObject><div/></foreignObject>', reason: 'HTML' },
    { inner: '<image href="https://example.com/x.png"/>', reason: '外部' },
    { inner: '<image xlink:href="data:image/png;base64,AAAA"/>', reason: '外部' },
  ])('$inner → $reason', ({ inner, reason }) => {
    const found = unsafeSvgReason(new TextDecoder().decode(svg(inner)))
    if (reason === null) expect(found).toBeNull()
    else expect(found).toContain(reason)
  })
  it('refuses a file that is not an SVG at all', () => expect(unsafeSvgReason('<html></html>')).toContain('不是 SVG'))
})

describe('file size, type and intrinsic size', () => {
  const png = (width: number, height: number) => {
    const bytes = new Uint8Array(33)
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0)
    new DataView(bytes.buffer).setUint32(16, width)
    new DataView(bytes.buffer).setUint32(20, height)
    return bytes
  }
  it('reads a PNG header and an SVG viewBox', () => {
    expect(pngSize(png(720, 405))).toEqual({ width: 720, height: 405 })
    expect(pngSize(new Uint8Array(40))).toBeNull()
    expect(svgSize('<svg viewBox="0 0 360 200">')).toEqual({ width: 360, height: 200 })
    expect(svgSize('<svg width="120" height="80">')).toEqual({ width: 120, height: 80 })
    expect(svgSize('<svg>')).toBeNull()
  })
  it.each([
    { name: 'a small safe SVG', file: { extension: 'svg' as const, bytes: svg() }, problems: 0 },
    { name: 'exactly at the limit', file: { extension: 'svg' as const, bytes: new Uint8Array([...svg(), ...new Uint8Array(MAX_IMAGE_BYTES - svg().length).fill(32)]) }, problems: 0 },
    { name: 'one byte over', file: { extension: 'svg' as const, bytes: new Uint8Array([...svg(), ...new Uint8Array(MAX_IMAGE_BYTES - svg().length + 1).fill(32)]) }, problems: 1 },
    { name: 'a PNG 720 wide', file: { extension: 'png' as const, bytes: png(720, 405) }, problems: 0 },
    { name: 'a PNG 2000 wide', file: { extension: 'png' as const, bytes: png(2000, 1000) }, problems: 1 },
    { name: 'a .png that is not a PNG', file: { extension: 'png' as const, bytes: svg() }, problems: 1 },
  ])('$name → $problems problem(s)', ({ file, problems }) => expect(imageFileProblems(file)).toHaveLength(problems))
})
