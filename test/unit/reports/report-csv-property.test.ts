import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField } from '@shared/reports/report-csv';

/**
 * A second, independent check of formula defusing (report-csv.test.ts lists cases by hand): for any text, the cell a
 * spreadsheet reads back from the CSV field never starts — after leading blanks, and with full-width forms read as
 * their ASCII twins — with a character that makes it a formula or a DDE call (OWASP's list: = + - @, tab and
 * carriage return, plus |), and only a leading apostrophe is ever added.
 */
const FORMULA_START = ['=', '+', '-', '@', '|', '\t', '\r'];
/** Full-width and small forms that NFKC folds onto a formula character. */
const LOOK_ALIKES = ['＝', '＋', '－', '＠', '｜', '﹦', '﹢', '﹣', '﹫'];
const BLANKS = [' ', '\u00a0', '\u2007', '\u3000', '\u200b', '\ufeff'];

/** What a spreadsheet sees in the cell: the field without its RFC 4180 quoting. */
function cellOf(field: string): string {
  return field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
}

/** The first character that counts, read the way a lenient spreadsheet might. */
function firstSignificant(text: string): string {
  const folded = text.normalize('NFKC');
  return folded.replace(/^[\p{White_Space}\p{Cf}]+/u, '').charAt(0) || folded.charAt(0);
}

describe('CSV cells never start a formula', () => {
  it('for any text, with any formula character, look-alike or blank run in front', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...BLANKS), { maxLength: 3 }),
        fc.constantFrom('', ...FORMULA_START, ...LOOK_ALIKES),
        fc.string(),
        (blanks, lead, rest) => {
          const value = blanks.join('') + lead + rest;
          const cell = cellOf(csvField(value));
          const dangerous = FORMULA_START.includes(firstSignificant(value)) || /^[\t\r]/.test(value);
          expect(cell === value || cell === `'${value}`).toBe(true);
          if (dangerous) expect(cell).toBe(`'${value}`);
          expect(FORMULA_START.includes(cell.charAt(0))).toBe(false);
        },
      ),
      { numRuns: 800 },
    );
  });
});
