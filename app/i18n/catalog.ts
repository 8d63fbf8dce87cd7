// The languages we ship and the shape every catalogue must have (that of zh-CN, the source language).
import type zhCN from './zh-CN'

export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'zh-CN'

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }
export type Catalog = Shape<typeof zhCN>

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** Every dotted key of a catalogue, sorted: used to hold the languages together. */
export function catalogKeys(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog)
    .flatMap(([key, value]) =>
      typeof value === 'object' && value !== null ? catalogKeys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
    )
    .sort()
}
