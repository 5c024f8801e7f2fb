import { describe, expect, it } from 'vitest';
import { catalogOf } from '../../support/catalog-translator';
import { EXPORT_ERROR_CODES } from '../../../renderer/src/exchange/export-error-codes';
import { receiptFailure } from '../../../renderer/src/exchange/after-apply';

type Catalog = Record<string, unknown>;

const at = (root: Catalog, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Catalog | undefined)?.[key], root);

const KEYS = [
  ...EXPORT_ERROR_CODES.map((code) => `exchange.export.errors.${code}`),
  `exchange.afterApply.receiptFailed.${receiptFailure('written-not-recorded')}`,
  `exchange.refuse.failed.${receiptFailure('written-not-recorded')}`,
];

describe('why an export or a receipt stopped, in the reader’s words', () => {
  it('a file written but not recorded has its own words, not the English message', () => {
    expect(receiptFailure('written-not-recorded')).toBe('notRecorded');
  });

  it.each(['fr', 'de', 'es'])('%s: every export refusal is worded, and not in English', (language) => {
    const en = catalogOf('en');
    const words = catalogOf(language);
    for (const key of KEYS) {
      const text = at(words, key);
      expect(typeof text, key).toBe('string');
      expect(text, key).not.toBe(at(en, key));
    }
  });
});
