import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldForSearch } from '@shared/search/fold-for-search';
import { matchesQuery, queryWords } from '@shared/search/matches-query';

describe('foldForSearch', () => {
  it('drops accents and case, whatever the composition', () => {
    expect(foldForSearch('López')).toBe('lopez');
    expect(foldForSearch('Lo\u0301pez')).toBe('lopez'); // decomposed: o + combining acute
    expect(foldForSearch('MÜLLER')).toBe('muller');
    expect(foldForSearch('Dvořák Łódź')).toBe('dvorak lodz');
    expect(foldForSearch('İstanbul')).toBe('istanbul');
  });

  it('spells out the letters NFD leaves whole: ß, æ, œ, ø, ł, đ, þ', () => {
    expect(foldForSearch('Straße ẞ')).toBe('strasse ss');
    expect(foldForSearch('Ærø Œuvre cœur')).toBe('aero oeuvre coeur');
    expect(foldForSearch('Øresund Søren')).toBe('oresund soren');
    expect(foldForSearch('Đorđević Þór')).toBe('dordevic thor');
  });

  it('is idempotent and never longer than twice its input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const once = foldForSearch(text);
        expect(foldForSearch(once)).toBe(once);
        expect(once.length).toBeLessThanOrEqual(2 * text.normalize('NFD').length);
      }),
    );
  });
});

describe('matchesQuery', () => {
  const folded = foldForSearch('DE-BQH-2026-0001 Heron account\u0001Camille López\u0001FR\u0001Quiet Harbour');

  it('"lopez" finds "López", "LÓPEZ" too; every word must occur', () => {
    expect(matchesQuery(folded, queryWords('lopez'))).toBe(true);
    expect(matchesQuery(folded, queryWords('LÓPEZ'))).toBe(true);
    expect(matchesQuery(folded, queryWords('  heron   lópez '))).toBe(true);
    expect(matchesQuery(folded, queryWords('heron murphy'))).toBe(false);
    expect(matchesQuery(foldForSearch('Jürgen Müller'), queryWords('muller'))).toBe(true);
    expect(matchesQuery(foldForSearch('Großstraße 1'), queryWords('grossstrasse'))).toBe(true);
  });

  it('a blank query matches everything', () => {
    expect(queryWords(' \t ')).toEqual([]);
    expect(matchesQuery('', [])).toBe(true);
  });
});
