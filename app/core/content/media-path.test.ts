import { mediaPath, parseMediaFile } from './media-path'

const hash = 'a'.repeat(64)

it.each([
  { file: `${hash}.svg`, expected: { hash, mime: 'image/svg+xml' } },
  { file: `${hash}.png`, expected: { hash, mime: 'image/png' } },
  { file: `${hash}.exe`, expected: null },
  { file: `${'a'.repeat(63)}.svg`, expected: null },
  { file: `${hash.toUpperCase()}.svg`, expected: null },
  { file: `../${hash}.svg`, expected: null },
])('$file → $expected', ({ file, expected }) => expect(parseMediaFile(file)).toEqual(expected))

it('a path names the file it parses back to', () => {
  expect(parseMediaFile(mediaPath(hash, 'image/png').replace('/media/', ''))).toEqual({ hash, mime: 'image/png' })
})
