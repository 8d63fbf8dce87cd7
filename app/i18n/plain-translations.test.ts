import { createInstance } from 'i18next'
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
      en: { translation: { nav: { menu: 'Menu' }, minutes_one: '{{count}} minute', minutes_other: '{{count}} minutes' } },
    },
  })
  return rememberPlainTranslations(i18n)
}

describe('rememberPlainTranslations', () => {
  it('answers plain keys as i18next does, and the same on the next call', async () => {
    const i18n = await instance()
    const t = i18n.getFixedT(null)
    expect(t('nav.menu')).toBe('菜单')
    expect(t('nav.menu')).toBe('菜单')
    expect(t('missing.key')).toBe('missing.key')
  })

  it('passes calls with options to i18next (plurals, values)', async () => {
    const t = (await instance('en')).getFixedT(null)
    expect(t('minutes', { count: 1 })).toBe('1 minute')
    expect(t('minutes', { count: 5 })).toBe('5 minutes')
  })

  it('keeps languages apart when the language changes', async () => {
    const i18n = await instance()
    expect(i18n.getFixedT(null)('nav.menu')).toBe('菜单')
    await i18n.changeLanguage('en')
    expect(i18n.getFixedT(null)('nav.menu')).toBe('Menu')
    expect(i18n.getFixedT(null)('only')).toBe('只有中文') // falls back to zh-CN, as i18next does
  })

  it('forgets what it remembered when resources change', async () => {
    const i18n = await instance()
    const t = i18n.getFixedT(null)
    expect(t('nav.menu')).toBe('菜单')
    i18n.addResourceBundle('zh-CN', 'translation', { nav: { menu: '目录' } }, true, true)
    expect(i18n.getFixedT(null)('nav.menu')).toBe('目录')
  })

  it('leaves other shapes (a fixed language, a key prefix) to i18next', async () => {
    const i18n = await instance()
    expect(i18n.getFixedT('en')('nav.menu')).toBe('Menu')
    expect(i18n.getFixedT(null, null, 'nav')('menu')).toBe('菜单')
  })

  it('wraps an instance once', async () => {
    const i18n = await instance()
    const getFixedT = i18n.getFixedT
    expect(rememberPlainTranslations(i18n).getFixedT).toBe(getFixedT)
  })
})
