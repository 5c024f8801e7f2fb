import { describe, expect, it } from 'vitest';
import { NOTICE_TEXTS } from '@shared/notices/notice-texts';
import { VOCABULARIES } from '@shared/vocab/vocabulary';
import fr from '../../../renderer/src/i18n/locales/fr.json';

/**
 * French typography as a rule, not a review note: a no-break space before the two-part punctuation marks (U+00A0
 * or the narrow U+202F before ":", U+202F or U+00A0 before ";", "?" and "!"), and the typographic apostrophe. A
 * time ("10:00") or a URL is not a violation.
 */
function violations(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(.)([:;?!])(?=\s|$)/gu)) {
    const before = match[1] ?? '';
    if (before === '\u00a0' || before === '\u202f' || /\d/.test(before)) continue;
    found.push(`"${match[0]}" in "${text.slice(Math.max(0, (match.index ?? 0) - 30), (match.index ?? 0) + 10)}"`);
  }
  if (text.includes("'")) found.push(`straight apostrophe in "${text.slice(0, 60)}"`);
  return found;
}

function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => strings(item, `${path}.${key}`));
  return [];
}

describe('French typography', () => {
  it('the rule itself: catches a plain space or none before the marks, accepts no-break spaces and times', () => {
    expect(violations('Date : demain')).toHaveLength(1);
    expect(violations('Date: demain')).toHaveLength(1);
    expect(violations('Vraiment ?')).toHaveLength(1);
    expect(violations("l'avis")).toHaveLength(1);
    expect(violations('Date\u00a0: demain\u202f; à 10:00, vraiment\u202f?')).toEqual([]);
  });

  it('holds in the interface catalog', () => {
    const found = strings(fr).flatMap(([path, text]) => violations(text).map((v) => `${path}: ${v}`));
    expect(found).toEqual([]);
  });

  it('holds in the French labels of every vocabulary (they print on notices)', () => {
    const found = Object.values(VOCABULARIES).flatMap((vocabulary) =>
      vocabulary.terms.flatMap((term) =>
        violations(term.labels.fr).map((v) => `${vocabulary.vocabulary}/${term.code}: ${v}`),
      ),
    );
    expect(found).toEqual([]);
  });

  it('holds in the wording of French notices and decision letters', () => {
    const found = strings(NOTICE_TEXTS.fr).flatMap(([path, text]) => violations(text).map((v) => `${path}: ${v}`));
    expect(found).toEqual([]);
  });
});
