import { readFileSync } from 'node:fs';
import i18next, { type TFunction } from 'i18next';

/** One language's catalog, as the app ships it (renderer/src/i18n/locales). */
export const catalogOf = (language: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../renderer/src/i18n/locales/${language}.json`, import.meta.url), 'utf8'));

/** A translator over one shipped catalog, interpolating as the app does (no HTML escaping: React escapes). */
export async function catalogTranslator(language: string): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: language,
    resources: { [language]: { translation: catalogOf(language) } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}
