import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import en from '../../../renderer/src/i18n/locales/en.json';
import fr from '../../../renderer/src/i18n/locales/fr.json';
import de from '../../../renderer/src/i18n/locales/de.json';
import es from '../../../renderer/src/i18n/locales/es.json';
import { BUNDLE_ERROR_CODES } from '@shared/bundle/bundle-error';
import { BUNDLE_RULES } from '@shared/bundle/bundle-rules';
import {
  BUNDLE_REFUSAL_SITUATIONS,
  bundleRefusalKey,
  bundleRefusalSchema,
  type BundleRefusal,
} from '@shared/bundle/bundle-refusal';
import { toHex } from '@shared/bytes/bytes';
import { formatFingerprint, officeFingerprint } from '@shared/offices/fingerprint';
import { trustView } from '@shared/offices/trust-store';
import { bundleRefusalText } from '../../../renderer/src/exchange/bundle-refusal-text';
import { DAY, T0, requestBody, storeWith, world } from '../bundle/bundle-fixtures';
import { craftBundle } from '../bundle/bundle-tamper';

const CATALOGS = { en, fr, de, es } as const;
type Language = keyof typeof CATALOGS;
const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', de: 'de-DE', es: 'es-ES' };
const KEYS = [...BUNDLE_ERROR_CODES, ...BUNDLE_REFUSAL_SITUATIONS];

type Entry = { readonly what?: unknown; readonly next?: unknown };
function entryOf(language: Language, key: string): Entry | undefined {
  const refusals: Record<string, Entry | undefined> = CATALOGS[language].exchange.bundleRefusals;
  return refusals[key];
}

async function wording(language: Language) {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { [language]: { translation: CATALOGS[language] } },
    interpolation: { escapeValue: false },
  });
  const format = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short' });
  const dateTime = (iso: string) => format.format(new Date(iso));
  return {
    dateTime,
    word: (refusal: BundleRefusal) =>
      bundleRefusalText((key, values) => instance.t(key, values ?? {}), dateTime, refusal),
  };
}

describe('bundle refusals in the catalogs', () => {
  it('words every code and every situation in all four languages, and fr/de/es are not English', () => {
    for (const key of KEYS) {
      const english = entryOf('en', key);
      for (const language of ['en', 'fr', 'de', 'es'] as const) {
        const entry = entryOf(language, key);
        expect(typeof entry?.what, `${language} ${key}.what`).toBe('string');
        expect(typeof entry?.next, `${language} ${key}.next`).toBe('string');
        if (language === 'en') continue;
        expect(entry?.what, `${language} ${key}.what is English`).not.toBe(english?.what);
        expect(entry?.next, `${language} ${key}.next is English`).not.toBe(english?.next);
      }
    }
  });

  it('gives every rule of the verification order a worded code', () => {
    for (const rule of BUNDLE_RULES) {
      const key = bundleRefusalKey({ code: rule.code });
      for (const language of ['en', 'fr', 'de', 'es'] as const)
        expect(typeof entryOf(language, key)?.what, `${language} rule ${rule.rule}`).toBe('string');
    }
  });
});

describe('a real refused bundle in the reader’s language', () => {
  it('words an expired bundle, an unknown signer and a name that is not plain with their details', async () => {
    const { kit, alice, bob, carol, build, open } = await world();
    const bytes = await build('request', requestBody, alice, [bob]);
    const expired = await open(bytes, bob, { clock: () => T0 + 30 * DAY });
    const unknown = await open(bytes, bob, { trust: trustView(storeWith(kit, [bob, carol])) });
    const crafted = craftBundle(kit, {
      sender: alice,
      recipients: [{ office: bob, sequence: 1 }],
      attachments: [new TextEncoder().encode('scan')],
      content: (bundleId) => ({
        bundleId,
        kind: 'request',
        sender: toHex(alice.identity.signingPublicKey),
        recipients: [bob.card.card.signingKey],
        createdAt: T0,
        body: { caseRef: 'CB-1', case: {} },
        attachments: [
          {
            name: 'scans\\notice.pdf',
            mediaType: 'application/pdf',
            size: 4,
            blake2b256: toHex(kit.hash(new TextEncoder().encode('scan'), 32)),
          },
        ],
      }),
    });
    const badName = await open(crafted.bytes, bob);
    if (expired.ok || unknown.ok || badName.ok) throw new Error('each bundle should have been refused');
    // What crosses to the screen is data the schema accepts, with the rule that decided it.
    const refusals = [expired, unknown, badName].map((result) => bundleRefusalSchema.parse(result.error.refusal));
    const [expiredRefusal, unknownRefusal, nameRefusal] = refusals;
    if (!expiredRefusal || !unknownRefusal || !nameRefusal) throw new Error('three refusals');
    expect(expiredRefusal).toEqual({ code: 'BUNDLE_EXPIRED', rule: '7.2', params: { at: T0 + 7 * DAY } });
    const fingerprint = formatFingerprint(officeFingerprint(kit, alice.identity.signingPublicKey));
    expect(unknownRefusal).toEqual({ code: 'BUNDLE_SIGNER_UNKNOWN', rule: '6.2', params: { fingerprint } });
    expect(nameRefusal).toEqual({
      code: 'BUNDLE_PAYLOAD_INVALID',
      rule: '13.3',
      situation: 'attachmentName',
      params: { part: 1, item: 'scans\\notice.pdf' },
    });
    const expectations: Record<Language, readonly [string, string, string]> = {
      en: ['validity ended on', 'not in your partner list', 'not a plain file name'],
      fr: ['La validité du lot a pris fin le', 'absent de votre liste de partenaires', 'pas un simple nom de fichier'],
      de: ['Die Gültigkeit des Pakets endete am', 'nicht in Ihrer Partnerliste', 'keinen einfachen Dateinamen'],
      es: ['La validez del paquete terminó el', 'no está en su lista de socios', 'no es un simple nombre de archivo'],
    };
    for (const language of ['en', 'fr', 'de', 'es'] as const) {
      const { word, dateTime } = await wording(language);
      const [onExpiry, onSigner, onName] = expectations[language];
      const expiredText = word(expiredRefusal);
      expect(expiredText.what).toContain(onExpiry);
      expect(expiredText.what).toContain(dateTime(new Date(T0 + 7 * DAY).toISOString()));
      const unknownText = word(unknownRefusal);
      expect(unknownText.what).toContain(onSigner);
      expect(unknownText.what).toContain(fingerprint);
      const nameText = word(nameRefusal);
      expect(nameText.what).toContain(onName);
      expect(nameText.what).toContain('scans\\notice.pdf');
      for (const text of [expiredText, unknownText, nameText]) {
        expect(text.next.length, language).toBeGreaterThan(10);
        expect(`${text.what} ${text.next}`, language).not.toMatch(/\{\{|BUNDLE_|—/);
      }
      if (language !== 'en') expect(expiredText.what).not.toContain('validity ended');
    }
  });
});
