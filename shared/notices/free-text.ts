import type { Case } from '../domain/case';
import type { Language } from '../domain/primitives';
import { DEFAULT_TEXT_LANGUAGE, type TranslatableField } from '../domain/text-versions';

/** The marker printed above free text shown in its original language, in the language of the document. */
const MARKER: Record<Language, { readonly text: string; readonly names: Record<Language, string> }> = {
  en: {
    text: '[not translated — original in {language}]',
    names: { en: 'English', fr: 'French', de: 'German', es: 'Spanish' },
  },
  fr: {
    text: '[non traduit — original en {language}]',
    names: { en: 'anglais', fr: 'français', de: 'allemand', es: 'espagnol' },
  },
  de: {
    text: '[nicht übersetzt — Original auf {language}]',
    names: { en: 'Englisch', fr: 'Französisch', de: 'Deutsch', es: 'Spanisch' },
  },
  es: {
    text: '[sin traducir — original en {language}]',
    names: { en: 'inglés', fr: 'francés', de: 'alemán', es: 'español' },
  },
};

export type PrintedFreeText = {
  /** The text to print: the original, or its version in the document's language. */
  readonly text: string;
  /** Set when the document's language has no version: the visible marker to print above the original. */
  readonly untranslatedMarker: string | null;
};

/** The language the case's free text was written in. */
export const originalLanguageOf = (c: Case): Language => c.textVersions?.original ?? DEFAULT_TEXT_LANGUAGE;

function originalText(c: Case, field: TranslatableField): string {
  return field === 'purpose' ? c.purpose : (c.decision?.reasons ?? '');
}

/**
 * A free-text field as a notice or letter in `language` prints it: the original when the document is in the
 * original's language, else the recorded version, else the original under a visible "not translated" marker —
 * never silently another language.
 */
export function freeTextFor(c: Case, field: TranslatableField, language: Language): PrintedFreeText {
  const text = originalText(c, field);
  const translated = language !== originalLanguageOf(c) && text.trim() !== '';
  const version = translated ? (c.textVersions?.[field][language]?.trim() ?? '') : '';
  if (version !== '') return { text: version, untranslatedMarker: null };
  return originalFreeText(c, text, language);
}

/**
 * Free text that has no recorded versions (the reasons a complaint is inadmissible) as a document in `language`
 * prints it: as written, under the visible "not translated" marker when the document is in another language.
 */
export function originalFreeText(c: Case, text: string, language: Language): PrintedFreeText {
  const original = originalLanguageOf(c);
  const trimmed = text.trim();
  if (language === original || trimmed === '') return { text: trimmed, untranslatedMarker: null };
  const marker = MARKER[language];
  return { text: trimmed, untranslatedMarker: marker.text.replace('{language}', marker.names[original]) };
}
