import { catalogKeys } from './catalog'
import en from './en'
import zhCN from './zh-CN'

describe('message catalogues', () => {
  it('zh-CN and en have exactly the same keys', () => {
    const zhKeys = catalogKeys(zhCN)
    const enKeys = catalogKeys(en)
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([])
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([])
  })

  it('no message is empty, and each keeps the same {{placeholders}} in both languages', () => {
    const lookup = (catalog: object, key: string) =>
      key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog) as string
    for (const key of catalogKeys(zhCN)) {
      const zh = lookup(zhCN, key)
      const english = lookup(en, key)
      expect(zh.trim(), key).not.toBe('')
      expect(english.trim(), key).not.toBe('')
      const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
      expect(names(english), key).toEqual(names(zh))
    }
  })

  it('catalogKeys walks nested objects', () => {
    expect(catalogKeys({ b: 'x', a: { c: 'y', d: { e: 'z' } } })).toEqual(['a.c', 'a.d.e', 'b'])
  })
})
