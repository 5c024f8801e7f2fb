import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';

export const supportedLanguages = ['en'] as const;
export type Language = (typeof supportedLanguages)[number];

/** Every user-facing string comes from a catalog; English ships first, more languages drop in beside it. */
export async function initI18n(language: Language = 'en'): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  return i18next;
}
