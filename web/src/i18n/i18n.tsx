import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { en, zh, type MessageKey } from './messages.ts'

export type Locale = 'zh' | 'en'

const dictionaries: Record<Locale, Record<MessageKey, string>> = { zh, en }
const storageKey = 'yingji.locale'

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

interface I18n {
  locale: Locale
  setLocale: (locale: Locale) => void
  t: Translate
}

const I18nContext = createContext<I18n | null>(null)

export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const text = dictionaries[locale][key]
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

function initialLocale(): Locale {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh'
  } catch {
    return 'zh'
  }
}

/** Holds the UI language (中文 by default), remembered in localStorage. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale)
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next)
    try {
      localStorage.setItem(storageKey, next)
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en'
  }, [])
  const t = useCallback<Translate>((key, params) => translate(locale, key, params), [locale])
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext)
  if (!i18n) throw new Error('useI18n outside I18nProvider')
  return i18n
}

/** Picks the text for the current language from a server `{zh, en}` pair. */
export function pick(locale: Locale, text: { zh: string; en: string }): string {
  return locale === 'zh' ? text.zh : text.en
}
