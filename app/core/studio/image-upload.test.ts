import { MAX_IMAGE_BYTES } from '../content/images'
import { imageMarkdown, uploadRefusal } from './image-upload'

const png = (width = 300, extra = 0) => {
  const bytes = new Uint8Array(33 + extra)
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
  new DataView(bytes.buffer).setUint32(16, width)
  new DataView(bytes.buffer).setUint32(20, 200)
  return bytes
}
const text = (s: string) => new TextEncoder().encode(s)
const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20])
const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'

it.each([
  { case: 'a small PNG', name: 'counter.png', bytes: png(), code: null },
  { case: 'a safe SVG', name: 'layout.svg', bytes: text(svg), code: null },
  { case: 'an upper-case name', name: 'Counter.png', bytes: png(), code: 'name' },
  { case: 'a path in the name', name: '../x.png', bytes: png(), code: 'name' },
  { case: 'a JPEG name', name: 'photo.jpg', bytes: png(), code: 'name' },
  { case: 'an empty file', name: 'a.png', bytes: new Uint8Array(0), code: 'empty' },
  { case: 'one byte over the limit', name: 'a.png', bytes: png(300, MAX_IMAGE_BYTES - 33 + 1), code: 'too-large' },
  { case: 'exactly at the limit', name: 'a.png', bytes: png(300, MAX_IMAGE_BYTES - 33), code: null },
  { case: 'a zip renamed .png', name: 'a.png', bytes: zip, code: 'not-png' },
  { case: 'text renamed .png', name: 'a.png', bytes: text('hello, this is not a picture at all'), code: 'not-png' },
  { case: 'a PNG too wide for a phone', name: 'a.png', bytes: png(4000), code: 'not-image' },
  { case: 'an SVG with a script', name: 'a.svg', bytes: text(svg.replace('<rect', '<script>alert(1)</script><rect')), code: 'unsafe-svg' },
  { case: 'an SVG with onload', name: 'a.svg', bytes: text(svg.replace('<svg ', '<svg onload="x()" ')), code: 'unsafe-svg' },
  { case: 'a PNG renamed .svg', name: 'a.svg', bytes: png(), code: 'unsafe-svg' },
])('$case → $code', (c) => expect(uploadRefusal(c.name, c.bytes)?.code ?? null).toBe(c.code))

it('writes the picture as Markdown the check reads, alt text without brackets', () =>
  expect(imageMarkdown('a.png', '柜台[布局]图')).toBe('\n![柜台 布局 图](images/a.png)\n'))
