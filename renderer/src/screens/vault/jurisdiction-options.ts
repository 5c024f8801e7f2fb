import { VOCABULARIES } from '@shared/vocab/vocabulary';

/** Jurisdictions from the shared controlled vocabulary, sorted by their English label. */
export function jurisdictionOptions(): { code: string; label: string }[] {
  return VOCABULARIES.jurisdictions.terms
    .map((term) => ({ code: term.code, label: term.labels.en }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en'));
}
