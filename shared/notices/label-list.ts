import type { Language } from '../domain/primitives';

/**
 * Vocabulary labels run together in one sentence: "Subscriber data, traffic data". Labels are written to stand
 * alone, with a capital; inside a list every item after the first is lower-cased where the language does so.
 * French, Spanish and English lower-case it unless it starts with an acronym ("IP", "RGPD"). German keeps the capital
 * of a noun ("Teilnehmerdaten, Verkehrsdaten") and lower-cases any other first word: an article or pronoun
 * ("die Maßnahme …", "es wurden …") or an adjective or adverb ("biometrische Daten", "ausschließlich … angeforderte
 * Daten"), recognised by its ending. test/unit/notices/label-list.test.ts holds every German label that is listed.
 */
export function labelList(labels: readonly string[], language: Language): string {
  return labels.map((label, index) => (index > 0 ? inListForm(label, language) : label)).join(', ');
}

const GERMAN_FUNCTION_WORDS = new Set(['der', 'die', 'das', 'ein', 'eine', 'kein', 'keine', 'es', 'sie']);
/** Adjective and adverb suffixes, with an optional inflection ending: -lich, -ig, -isch, -bar, -al, -iv, -ell, … */
const GERMAN_ADJECTIVE = /(lich|ig|isch|bar|sam|haft|los|al|iv|ell|är|ös)(e|er|es|en|em)?$/u;

function inListForm(label: string, language: Language): string {
  if (/^\p{L}\p{Lu}/u.test(label)) return label; // an acronym keeps its capitals
  const lower = label.charAt(0).toLocaleLowerCase(language) + label.slice(1);
  if (language !== 'de') return lower;
  const firstWord = (label.match(/^\p{L}+/u)?.[0] ?? '').toLocaleLowerCase('de');
  return GERMAN_FUNCTION_WORDS.has(firstWord) || GERMAN_ADJECTIVE.test(firstWord) ? lower : label;
}
