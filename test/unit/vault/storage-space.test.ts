import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import en from '../../../renderer/src/i18n/locales/en.json';
import fr from '../../../renderer/src/i18n/locales/fr.json';
import {
  checkSpace,
  freeBytesOf,
  SPACE_MARGIN,
  spaceNeededFor,
  storageFullMessage,
  type Translate,
} from '../../../renderer/src/vault/storage-space';

const MiB = 1024 * 1024;

async function catalog(language: 'en' | 'fr'): Promise<Translate> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { en: { translation: en }, fr: { translation: fr } },
    interpolation: { escapeValue: false },
  });
  return (key, values) => instance.t(key, values);
}

describe('space needed for a write', () => {
  it('adds the stated margin: 10% of the payload and 1 MiB for the records', () => {
    expect(SPACE_MARGIN).toEqual({ ratio: 0.1, fixedBytes: MiB });
    expect(spaceNeededFor(0)).toBe(MiB);
    expect(spaceNeededFor(40 * MiB)).toBe(45 * MiB);
    expect(spaceNeededFor(-5)).toBe(MiB);
    expect(spaceNeededFor(3)).toBe(MiB + 4); // rounded up, never under
  });

  it('free is quota − usage, never negative, and unknown without both numbers', () => {
    expect(freeBytesOf({ quota: 100, usage: 30 })).toBe(70);
    expect(freeBytesOf({ quota: 100, usage: 130 })).toBe(0);
    expect(freeBytesOf({ quota: 100 })).toBeNull();
    expect(freeBytesOf({ usage: 100 })).toBeNull();
    expect(freeBytesOf(null)).toBeNull();
  });

  it('refuses exactly when the free space is below what is needed; an unknown estimate leaves it to the write', () => {
    const needed = spaceNeededFor(40 * MiB);
    expect(checkSpace(40 * MiB, { quota: needed, usage: 0 })).toEqual({
      neededBytes: needed,
      freeBytes: needed,
      enough: true,
    });
    expect(checkSpace(40 * MiB, { quota: needed, usage: 1 }).enough).toBe(false);
    expect(checkSpace(40 * MiB, null)).toEqual({ neededBytes: needed, freeBytes: null, enough: true });
  });
});

describe('the message', () => {
  it('names what is needed and what is free, in English', async () => {
    const t = await catalog('en');
    expect(storageFullMessage(t, 'en', { neededBytes: 48 * MiB, freeBytes: 12.3 * MiB })).toBe(
      'Not saved: this needs about 48 MiB and about 12.3 MiB are free. Free some space on this computer, then try again.',
    );
    expect(storageFullMessage(t, 'en', { neededBytes: 1536 * MiB, freeBytes: null })).toBe(
      'Not saved: this needs about 1.5 GiB, more than this computer has free. Free some space, then try again.',
    );
  });

  it('in French, with French numbers, units and a narrow no-break space before the colon', async () => {
    const t = await catalog('fr');
    expect(storageFullMessage(t, 'fr', { neededBytes: 48.5 * MiB, freeBytes: 700 * 1024 })).toBe(
      'Rien n’a été enregistré\u202f: il faut environ 48,5 Mio et environ 700 Kio sont libres. Libérez de la place sur cet ordinateur, puis réessayez.',
    );
    expect(storageFullMessage(t, 'fr', { neededBytes: MiB, freeBytes: null })).toContain('environ 1 Mio, plus que');
  });

  it('every word comes from the catalogs: both languages have both messages', () => {
    for (const words of [en, fr]) {
      expect(words.storageSpace.notSaved).toMatch(/\{\{needed\}\}.*\{\{free\}\}/);
      expect(words.storageSpace.notSavedFreeUnknown).toMatch(/\{\{needed\}\}/);
    }
  });
});
