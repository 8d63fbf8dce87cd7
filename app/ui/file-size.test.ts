import { fileSize } from './file-input'

it.each([
  [1, '1 KB'], // never "0 KB" for a file that has bytes
  [600 * 1024, '600 KB'],
  [1024 * 1024 - 1, '1024 KB'],
  [1024 * 1024, '1 MB'],
  [2.54 * 1024 * 1024, '2.5 MB'],
  [10 * 1024 * 1024 + 1, '10 MB'], // over a 10 MB cap, yet it reads as 10 MB: the message also says "over"
  [11 * 1024 * 1024, '11 MB'],
  [123.6 * 1024 * 1024, '124 MB'],
])('%d bytes read as %s', (bytes, text) => {
  expect(fileSize(bytes)).toBe(text)
})
