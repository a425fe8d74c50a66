import { computed } from 'vue'
import { createI18n } from 'vue-i18n'
import elementZhCn from 'element-plus/es/locale/lang/zh-cn'
import elementEn from 'element-plus/es/locale/lang/en'
import zhCN from './zh-CN'
import enUS from './en-US'
import mapZhCN from './map/zh-CN'
import mapEnUS from './map/en-US'

export const appLocales = ['zh-CN', 'en-US'] as const
export type AppLocale = (typeof appLocales)[number]
/** The district map's text lives in ./map/ and is merged under `map`. */
const messagesZhCN = { ...zhCN, map: mapZhCN }
const messagesEnUS = { ...enUS, map: mapEnUS }
export type MessageSchema = typeof messagesZhCN

const STORAGE_KEY = 'gcc.locale'

function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (appLocales as readonly string[]).includes(value)
}

function savedLocale(): AppLocale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
    if (isAppLocale(saved)) return saved
  } catch {
    // storage refused: default
  }
  return 'zh-CN'
}

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: savedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': messagesZhCN, 'en-US': messagesEnUS }
})

/** The current UI locale, reactive. */
export const currentLocale = computed<AppLocale>(() => i18n.global.locale.value)

/** Element Plus follows the UI locale. */
export const elementLocale = computed(() => (currentLocale.value === 'en-US' ? elementEn : elementZhCn))

export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale)
  } catch {
    // not persisted; fine
  }
}

export function toggleLocale(): void {
  setLocale(currentLocale.value === 'zh-CN' ? 'en-US' : 'zh-CN')
}
