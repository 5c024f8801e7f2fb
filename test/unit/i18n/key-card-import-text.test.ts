import { describe, expect, it } from 'vitest';
import { catalogTranslator } from '../../support/catalog-translator';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { createKeyCard } from '@shared/offices/key-card';
import { generateOfficeIdentity } from '@shared/offices/office-identity';
import { signingOffice } from '@shared/offices/signing-office';
import { importKeyCard } from '@shared/offices/trust-store';
import { KEY_CARD_IMPORT_ERRORS, keyCardImportText } from '../../../renderer/src/screens/offices/key-card-import-text';

const kit = await cryptoKit();
const DAY = 86_400_000;
const NOW = Date.parse('2026-12-02T10:00:00Z');

const dateTime = (iso: string) => iso;

describe('a refused key-card import, in the reader’s words', () => {
  it.each(['fr', 'de', 'es'])(
    '%s: every refusal the trust, card and vault checks give is worded, never the English or its code',
    async (language) => {
      const t = await catalogTranslator(language);
      const en = await catalogTranslator('en');
      for (const code of KEY_CARD_IMPORT_ERRORS) {
        const error = { code, message: 'An English sentence from shared code.' };
        const text = keyCardImportText(t, dateTime, error);
        expect(text, code).not.toBe(keyCardImportText(en, dateTime, error));
        expect(text, code).not.toContain(code);
        expect(text, code).not.toContain('English sentence');
        expect(text, code).not.toContain('offices.');
      }
    },
  );

  it('words a real refusal of the trust store (an expired card) without its English message', async () => {
    const office = signingOffice(kit, generateOfficeIdentity(kit));
    const card = createKeyCard(
      office,
      { name: 'Bureau de test', jurisdiction: 'FR' },
      { validFrom: NOW - 400 * DAY, validUntil: NOW - DAY },
    );
    const refused = importKeyCard(kit, {}, card, NOW);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('TRUST_CARD_EXPIRED');
    const text = keyCardImportText(await catalogTranslator('fr'), dateTime, refused.error);
    expect(text).toContain('a expiré');
    expect(text).not.toContain(refused.error.message);
  });
});
