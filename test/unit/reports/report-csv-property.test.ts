import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField } from '@shared/reports/report-csv';

/**
 * A second, independent check of formula defusing (report-csv.test.ts lists cases by hand): for any text, the cell a
 * spreadsheet reads back from the CSV field never starts with a character that makes it a formula (OWASP's list:
 * = + - @, tab and carriage return), and only a leading apostrophe is ever added.
 */
const FORMULA_START = ['=', '+', '-', '@', '\t', '\r'];

/** What a spreadsheet sees in the cell: the field without its RFC 4180 quoting. */
function cellOf(field: string): string {
  return field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
}

describe('CSV cells never start a formula', () => {
  it('for any text, with any formula character in front', () => {
    fc.assert(
      fc.property(fc.constantFrom('', ...FORMULA_START), fc.string(), (lead, rest) => {
        const value = lead + rest;
        const cell = cellOf(csvField(value));
        expect(FORMULA_START.includes(cell.charAt(0))).toBe(false);
        expect(cell === value || cell === `'${value}`).toBe(true);
        if (lead !== '') expect(cell).toBe(`'${value}`);
      }),
      { numRuns: 500 },
    );
  });
});
