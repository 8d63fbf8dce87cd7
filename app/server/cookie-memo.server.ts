// What a Cookie header says (the signed session's user id, the chosen language) depends on nothing but the
// header and the secrets, yet every loader of a request parses and verifies it again: remember the answer
// for the most recent distinct headers. Nothing that can change on the server is remembered here.
export function rememberedPerCookieHeader<T>(read: (header: string | null) => Promise<T>, max = 500) {
  const remembered = new Map<string, Promise<T>>()
  return (request: { headers: { get(name: string): string | null } }): Promise<T> => {
    const header = request.headers.get('Cookie')
    if (header === null) return read(null)
    let answer = remembered.get(header)
    if (!answer) {
      if (remembered.size >= max) remembered.delete(remembered.keys().next().value as string)
      answer = read(header)
      remembered.set(header, answer)
      answer.catch(() => remembered.delete(header))
    }
    return answer
  }
}
