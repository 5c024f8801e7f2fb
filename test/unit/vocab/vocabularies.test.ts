import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@shared/domain/primitives';
import {
  citizenLabel,
  findDataCategory,
  findJurisdiction,
  isKnownCode,
  termLabel,
  VOCABULARIES,
  vocabularyVersions,
  type VocabularyName,
} from '@shared/vocab/vocabulary';
import { isValidTimeZone } from '@shared/deadlines/zoned-time';

const names = Object.keys(VOCABULARIES) as VocabularyName[];
const EU = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
];

describe('controlled vocabularies', () => {
  it.each(names)('%s: every term has a non-empty label in en, fr, de and es', (name) => {
    for (const term of VOCABULARIES[name].terms) {
      for (const lang of LANGUAGES) expect(term.labels[lang].trim(), `${name}/${term.code}/${lang}`).not.toBe('');
      expect(Object.keys(term.labels).sort()).toEqual([...LANGUAGES].sort());
    }
  });

  it.each(names)('%s: codes are unique and in the stable format, with a version', (name) => {
    const file = VOCABULARIES[name];
    const codes = file.terms.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    const format = name === 'jurisdictions' ? /^[A-Z]{2}$/ : /^[a-z][a-z0-9]*(?:[-.][a-z0-9]+)*$/;
    for (const code of codes) expect(code).toMatch(format);
    expect(file.version).toMatch(/^\d{4}\.\d+$/);
    expect(file.vocabulary).toBe(name);
  });

  it('lists every EU member state and allied jurisdictions, each with a real time zone', () => {
    for (const code of [...EU, 'GB', 'CH', 'NO', 'IS', 'US', 'CA']) expect(findJurisdiction(code), code).toBeDefined();
    expect(VOCABULARIES.jurisdictions.terms.filter((t) => t.group === 'eu')).toHaveLength(27);
    for (const term of VOCABULARIES.jurisdictions.terms)
      expect(isValidTimeZone(term.timeZone), term.timeZone).toBe(true);
  });

  it('marks each data category personal or sensitive', () => {
    expect(findDataCategory('subscriber')?.sensitivity).toBe('personal');
    for (const code of ['content', 'traffic', 'location', 'biometric'])
      expect(findDataCategory(code)?.sensitivity).toBe('sensitive');
  });

  it('has the outcomes the redress decision uses, and labels in each language', () => {
    expect(VOCABULARIES.outcomes.terms.map((t) => t.code)).toEqual(['upheld', 'modified', 'quashed']);
    expect(termLabel('outcomes', 'quashed', 'de')).toBe('Aufgehoben');
    expect(termLabel('remedies', 'erase-data', 'es')).toBe('Suprimir los datos');
    expect(termLabel('remedies', 'from-a-newer-version', 'fr')).toBe('from-a-newer-version');
    expect(isKnownCode('challenge-grounds', 'disproportionate')).toBe(true);
    expect(isKnownCode('challenge-grounds', 'Disproportionate')).toBe(false);
  });

  it('reports each vocabulary version (bumped when a label changed)', () => {
    expect(vocabularyVersions()).toEqual({
      jurisdictions: '2026.1',
      'legal-bases': '2026.2',
      'data-categories': '2026.2',
      'challenge-grounds': '2026.1',
      remedies: '2026.2',
      outcomes: '2026.1',
      'refusal-grounds': '2026.1',
    });
  });

  it('gives citizens their own label where the staff label carries an instruction', () => {
    // Staff read how to fill the case in; the citizen reads the term alone.
    expect(termLabel('legal-bases', 'national-law', 'es')).toBe('Derecho nacional (indíquelo en el texto libre)');
    for (const language of LANGUAGES)
      expect(citizenLabel('legal-bases', 'national-law', language)).not.toMatch(
        /free text|texte libre|Freitext|texto libre|\(/u,
      );
    // Without a citizen label, the label serves both; an unknown code shows itself.
    expect(citizenLabel('remedies', 'erase-data', 'fr')).toBe(termLabel('remedies', 'erase-data', 'fr'));
    expect(citizenLabel('remedies', 'from-a-newer-version', 'de')).toBe('from-a-newer-version');
  });

  it('no staff label that tells the caseworker what to do lacks a citizen label', () => {
    const instruction = /free text|texte libre|Freitext|texto libre|cite it|à préciser|angeben|indíquelo/iu;
    const missing = names.flatMap((name) =>
      (VOCABULARIES[name].terms as readonly { code: string; labels: Record<string, string>; citizenLabels?: unknown }[])
        .filter((term) => Object.values(term.labels).some((l) => instruction.test(l)) && !term.citizenLabels)
        .map((term) => `${name}/${term.code}`),
    );
    expect(missing).toEqual([]);
  });
});
