import { createInstance, type i18n } from 'i18next'
import { describe, expect, it } from 'vitest'
import { rememberPlainTranslations } from './plain-translations'

async function instance(lng = 'zh-CN') {
  const i18n = createInstance()
  await i18n.init({
    lng,
    fallbackLng: 'zh-CN',
    supportedLngs: ['zh-CN', 'en'],
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    resources: {
      'zh-CN': { translation: { nav: { menu: '菜单' }, minutes: '{{count}} 分钟', only: '只有中文' } },
      en: { translation: { nav: { menu: 'Menu' }, greet: 'Hello {{name}}', minutes_one: '{{count}} minute', minutes_other: '{{count}} minutes' } },
    },
  })
  return rememberPlainTranslations(i18n)
}

type Translate = (key: string, options?: Record<string, unknown>) => string
// as react-i18next's useTranslation() asks for it: the instance's language, the default namespace
const tOf = (i18n: i18n, lng: string | null = null, keyPrefix?: string) =>
  (i18n.getFixedT as unknown as (...args: unknown[]) => Translate)(lng, 'translation', keyPrefix)

describe('rememberPlainTranslations', () => {
  it('answers plain keys as i18next does, and the same on the next call', async () => {
    const i18n = await instance()
    const t = tOf(i18n)
    expect(t('nav.menu')).toBe('菜单')
    expect(t('nav.menu')).toBe('菜单')
    expect(t('missing.key')).toBe('missing.key')
  })

  it('answers calls with a few plain options per value (plurals, counts)', async () => {
    const t = tOf(await instance('en'))
    expect(t('minutes', { count: 1 })).toBe('1 minute')
    expect(t('minutes', { count: 5 })).toBe('5 minutes')
    expect(t('minutes', { count: 1 })).toBe('1 minute')
    expect(t('greet', { name: '7' })).toBe('Hello 7')
    expect(t('greet', { name: 7 })).toBe('Hello 7')
  })

  it('passes other options to i18next each time (long text, objects)', async () => {
    const t = tOf(await instance('en'))
    const long = '很'.repeat(100)
    expect(t('greet', { name: long })).toBe(`Hello ${long}`)
    expect(t('greet', { name: { toString: () => 'object' } })).toBe('Hello object')
    expect(t('greet', { name: { toString: () => 'another' } })).toBe('Hello another')
  })

  it('keeps languages apart when the language changes', async () => {
    const i18n = await instance()
    expect(tOf(i18n)('nav.menu')).toBe('菜单')
    await i18n.changeLanguage('en')
    expect(tOf(i18n)('nav.menu')).toBe('Menu')
    expect(tOf(i18n)('only')).toBe('只有中文') // falls back to zh-CN, as i18next does
  })

  it('forgets what it remembered when resources change', async () => {
    const i18n = await instance()
    const t = tOf(i18n)
    expect(t('nav.menu')).toBe('菜单')
    i18n.addResourceBundle('zh-CN', 'translation', { nav: { menu: '目录' } }, true, true)
    expect(tOf(i18n)('nav.menu')).toBe('目录')
  })

  it('leaves other shapes (a fixed language, a key prefix) to i18next', async () => {
    const i18n = await instance()
    expect(tOf(i18n, 'en')('nav.menu')).toBe('Menu')
    expect(tOf(i18n, null, 'nav')('menu')).toBe('菜单')
  })

  it('wraps an instance once', async () => {
    const i18n = await instance()
    const getFixedT = i18n.getFixedT
    expect(rememberPlainTranslations(i18n).getFixedT).toBe(getFixedT)
  })
})
