import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';

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

/**
 * Each catalog is its own chunk, loaded when its language is first needed: the lock screen loads the interface
 * language and English (the fallback), not all four (about 140 kB each).
 */
const catalogs: Readonly<Record<Language, () => Promise<{ readonly default: ResourceKey }>>> = {
  en: () => import('./locales/en.json'),
  fr: () => import('./locales/fr.json'),
  de: () => import('./locales/de.json'),
  es: () => import('./locales/es.json'),
};

const catalogBackend: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init: () => undefined,
  read(language, _namespace, callback) {
    const load = supportedLanguages.find((l) => l === language);
    if (load === undefined) return callback(null, {});
    catalogs[load]().then(
      (catalog) => callback(null, catalog.default),
      (failure: unknown) => callback(failure instanceof Error ? failure : new Error(String(failure)), null),
    );
  },
};

/** Every user-facing string comes from a catalog; English ships first, more languages drop in beside it. */
export async function initI18n(language: Language = storedLanguage()): Promise<typeof i18next> {
  // changeLanguage (here or in tests) loads a catalog through the backend before it switches.
  await i18next
    .use(catalogBackend)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: 'en',
      supportedLngs: [...supportedLanguages],
      interpolation: { escapeValue: false }, // React escapes already
      returnNull: false,
    });
  document.documentElement.lang = language;
  return i18next;
}
