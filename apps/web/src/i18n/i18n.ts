import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zh from './zh.json';

/** The UI languages as BCP 47 tags: these are also what `<html lang>` and `Intl` receive. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'ticketflow.lang';

/**
 * Maps any language tag (a saved choice, `navigator.languages`) to a UI
 * language: every Chinese tag to `zh-CN`, everything else to English. Pure.
 */
export function toLanguage(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-') || lower.startsWith('zh_')) return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-') || lower.startsWith('en_')) return 'en';
  return undefined;
}

/**
 * The language to start in: the one the user chose before (localStorage),
 * else the first of the browser's languages we have, else English. Reads only.
 */
export function detectLanguage(saved: string | null, browser: readonly string[]): Language {
  const chosen = toLanguage(saved);
  if (chosen) return chosen;
  for (const tag of browser) {
    const lang = toLanguage(tag);
    if (lang) return lang;
  }
  return 'en';
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zh } },
  lng: detectLanguage(saved, browserLanguages()),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  load: 'currentOnly',
  interpolation: { escapeValue: false },
});

function syncDocumentLanguage(lang: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = toLanguage(lang) ?? 'en';
}
// `<html lang>` follows the language at start-up and on every change (fonts, screen readers, hyphenation).
syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

/** Switches the UI language and remembers it in localStorage. */
export function setLanguage(lang: Language): void {
  localStorage.setItem(STORAGE_KEY, lang);
  void i18n.changeLanguage(lang);
}

/** True when the UI speaks Chinese. Reads only. */
export function isChinese(language: string): boolean {
  return toLanguage(language) === 'zh-CN';
}

export default i18n;
