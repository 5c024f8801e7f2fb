import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import de from './locales/de.json';
import es from './locales/es.json';
import fr from './locales/fr.json';

export const supportedLanguages = ['en', 'fr', 'de', 'es'] as const;
export type Language = (typeof supportedLanguages)[number];

/** The interface language is a display preference, not case data, so it lives outside the vault (the lock screen needs it). */
const LANGUAGE_KEY = 'casebridge.uiLanguage';

export function storedLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(LANGUAGE_KEY);
  return supportedLanguages.find((l) => l === stored) ?? 'en';
}

/** Switches the interface language, remembers it, and tells assistive technology via <html lang>. */
export async function setUiLanguage(language: Language): Promise<void> {
  globalThis.localStorage?.setItem(LANGUAGE_KEY, language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

/** Every user-facing string comes from a catalog; English ships first, more languages drop in beside it. */
export async function initI18n(language: Language = storedLanguage()): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: {
      en: { translation: en },
      fr: { translation: fr },
      de: { translation: de },
      es: { translation: es },
    },
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}
