import { describe, expect, it } from 'vitest';
import { catalogTranslator } from '../../support/catalog-translator';
import {
  CORRUPTION_REASON_CODES,
  describeCorruptionReason,
  type CorruptionReason,
} from '@shared/vault/corruption-reason';
import { corruptRecordText } from '../../../renderer/src/screens/vault/corrupt-record-text';

const TABLES = ['cases', 'people', 'events', 'attachments', 'offices', 'bundleLedger', 'personKeys', 'someNewTable'];
const causes: readonly CorruptionReason[] = [
  { code: 'row-malformed', params: {} },
  { code: 'failed-authentication', params: {} },
  { code: 'content-invalid', params: {} },
  { code: 'index-mismatch', params: { field: 'caseId' } },
];

describe('a record that failed to open, in the reader’s words', () => {
  it('has a sample for every reason code', () => {
    expect(causes.map((c) => c.code)).toEqual([...CORRUPTION_REASON_CODES]);
  });

  it.each(['fr', 'de', 'es'])('%s: every table and reason is worded, never the English or a code', async (language) => {
    const t = await catalogTranslator(language);
    const en = await catalogTranslator('en');
    for (const cause of causes) {
      const key = `vault.corrupt.reasons.${cause.code}`;
      expect(t(key), key).not.toBe(en(key));
    }
    for (const table of TABLES) {
      for (const cause of causes) {
        const text = corruptRecordText(t, { table, cause });
        const label = `${table} ${cause.code}`;
        expect(text, label).not.toContain('vault.corrupt');
        expect(text, label).not.toContain(table);
        expect(text, label).not.toContain(cause.code);
        expect(text, label).not.toContain('caseId');
        expect(text, label).not.toContain(describeCorruptionReason(cause).slice(0, 20));
        expect(text, label).not.toBe(corruptRecordText(en, { table, cause }));
      }
    }
  });

  it('names the kind of record and why in English too, with the index field kept for the log only', async () => {
    const en = await catalogTranslator('en');
    const cause: CorruptionReason = { code: 'index-mismatch', params: { field: 'stage' } };
    expect(corruptRecordText(en, { table: 'cases', cause })).toBe(
      'A case: a search value stored beside it does not match its content: it was edited outside the app.',
    );
    expect(describeCorruptionReason(cause)).toContain('"stage"');
    expect(corruptRecordText(en, { table: 'vaultSeal', cause: { code: 'row-malformed', params: {} } })).toBe(
      'A stored record: the stored row is malformed.',
    );
  });
});
