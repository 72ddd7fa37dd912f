import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { uiLanguageValues, type components } from '../api/schema';
import { nb } from './nb';
import { nn } from './nn';
import { en } from './en';
import { accessEn, accessNb, accessNn, withAccess } from './access';

/** The interface languages, as the contract names them (member lists are written in them too). */
export type Lang = components['schemas']['UiLanguage'];
export const LANGS: readonly Lang[] = uiLanguageValues;
const STORAGE_KEY = 'samordna.lang';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function storedLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (isLang(v)) return v;
  } catch {
    // storage unavailable
  }
  return 'nb';
}

/** Nynorsk falls back to bokmål for a missing key; English falls back to bokmål too. */
export const fallbackLng = { nn: ['nb'], en: ['nb'], default: ['nb'] };

export const resources = {
  nb: { translation: withAccess(nb, accessNb) },
  nn: { translation: withAccess(nn, accessNn) },
  en: { translation: withAccess(en, accessEn) },
} as const;

function applyLang(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = isLang(lng) ? lng : 'nb';
  try {
    if (isLang(lng)) localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // storage unavailable
  }
}

export function createI18n(lng: Lang = storedLang()) {
  const instance = i18n.createInstance();
  instance.on('languageChanged', applyLang);
  void instance.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng,
    supportedLngs: LANGS as Lang[],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  applyLang(lng);
  return instance;
}

/** BCP 47 locale for Intl formatting. */
export function intlLocale(lng: string): string {
  if (lng === 'nn') return 'nn-NO';
  if (lng === 'en') return 'en-GB';
  return 'nb-NO';
}
