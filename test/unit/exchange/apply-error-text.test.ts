import { describe, expect, it } from 'vitest';
import { catalogTranslator } from '../../support/catalog-translator';
import { applyErrorText } from '../../../renderer/src/screens/exchange/apply-error-text';

const ENGLISH_FROM_THE_COMMIT = 'This bundle (number 4) is not newer than one imported from the same office';

describe('why an apply stored nothing, in the reader’s words', () => {
  it.each(['fr', 'de', 'es'])(
    '%s: every code the commit gives is worded, never the English sentence',
    async (language) => {
      const t = await catalogTranslator(language);
      for (const code of ['already-recorded', 'sequence-old', 'case-conflict', 'case-exists', 'store-failed']) {
        const text = applyErrorText(t, { code, message: ENGLISH_FROM_THE_COMMIT });
        expect(text, code).not.toContain('exchange.applyErrors');
        expect(text, code).not.toBe(ENGLISH_FROM_THE_COMMIT);
      }
    },
  );

  it('keeps a message that is already worded (a full disk, with the space it needs) and one it has no words for', async () => {
    const t = await catalogTranslator('fr');
    expect(applyErrorText(t, { code: 'storage-full', message: 'Disque plein : 3 Mo nécessaires' })).toBe(
      'Disque plein : 3 Mo nécessaires',
    );
    expect(applyErrorText(t, { code: 'something-new', message: 'as given' })).toBe('as given');
    expect(applyErrorText(t, { code: 'sequence-old', message: ENGLISH_FROM_THE_COMMIT })).toContain(
      'Rien n’a été enregistré',
    );
  });
});
