import { describe, expect, it } from 'vitest'
import { rememberedPerCookieHeader } from './cookie-memo.server'

const request = (cookie?: string) => new Request('http://localhost/', { headers: cookie === undefined ? {} : { Cookie: cookie } })

describe('rememberedPerCookieHeader', () => {
  it('reads each distinct header once and answers the same for it', async () => {
    const reads: (string | null)[] = []
    const lengthOf = rememberedPerCookieHeader(async (header) => (reads.push(header), header?.length ?? 0))
    expect(await lengthOf(request('a=1'))).toBe(3)
    expect(await lengthOf(request('a=1'))).toBe(3)
    expect(await lengthOf(request('a=12'))).toBe(4)
    expect(reads).toEqual(['a=1', 'a=12'])
  })

  it('reads a request without cookies every time (nothing to remember it by)', async () => {
    let reads = 0
    const read = rememberedPerCookieHeader(async () => ++reads)
    await read(request())
    await read(request())
    expect(reads).toBe(2)
  })

  it('keeps only the most recent headers', async () => {
    const reads: string[] = []
    const read = rememberedPerCookieHeader(async (header) => reads.push(header ?? ''), 2)
    for (const cookie of ['a', 'b', 'c', 'a']) await read(request(cookie))
    expect(reads).toEqual(['a', 'b', 'c', 'a']) // 'a' was the oldest when 'c' came
  })

  it('does not remember a failed read', async () => {
    let calls = 0
    const read = rememberedPerCookieHeader(async () => {
      calls++
      if (calls === 1) throw new Error('broken')
      return 'ok'
    })
    await expect(read(request('x'))).rejects.toThrow('broken')
    expect(await read(request('x'))).toBe('ok')
  })
})
