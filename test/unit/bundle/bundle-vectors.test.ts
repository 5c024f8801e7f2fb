import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { bundleJsonSchemas } from '@shared/bundle/bundle-json-schemas';
import { memorySource } from '@shared/bytes/byte-io';
import { concatBytes, fromHex, toHex } from '@shared/bytes/bytes';
import { verifyOversightExport } from '@shared/oversight/oversight-audit-export';
import { formatFingerprint, officeFingerprint } from '@shared/offices/fingerprint';
import { verifyBundle } from '@shared/bundle/verify-bundle';
import { BUNDLE_ERROR_CODES } from '@shared/bundle/bundle-error';
import { BUNDLE_RULES, ruleOrder } from '@shared/bundle/bundle-rules';
import { signedKeyCardSchema } from '@shared/offices/key-card';
import { trustView, type TrustStore } from '@shared/offices/trust-store';
import {
  generateBundleVectors,
  type OfficeName,
  type VectorCase,
  type VectorManifest,
} from '../../vectors/bundle/bundle-vectors';
import { CODES_WITHOUT_FILE_VECTORS } from '../../vectors/bundle/rule-vectors';
import i18next from 'i18next';
import { bundleRefusalText } from '../../../renderer/src/exchange/bundle-refusal-text';
import en from '../../../renderer/src/i18n/locales/en.json';
import fr from '../../../renderer/src/i18n/locales/fr.json';
import de from '../../../renderer/src/i18n/locales/de.json';
import es from '../../../renderer/src/i18n/locales/es.json';

const root = resolve(import.meta.dirname, '../../..');
const vectorDir = join(root, 'test/vectors/bundle');
const manifest: VectorManifest = JSON.parse(readFileSync(join(vectorDir, 'manifest.json'), 'utf8'));

describe('bundle test vectors', async () => {
  const kit = await cryptoKit();
  // The import screen's words for a refusal, in every language, so each vector shows no missing detail.
  const translators = await Promise.all(
    Object.entries({ en, fr, de, es }).map(async ([language, catalog]) => {
      const instance = i18next.createInstance();
      await instance.init({ lng: language, resources: { [language]: { translation: catalog } } });
      return (key: string, values?: Record<string, unknown>) => instance.t(key, values ?? {});
    }),
  );

  function storeFor(vector: VectorCase): TrustStore {
    const store: Record<string, TrustStore[string]> = {};
    for (const [name, state] of Object.entries(vector.trust)) {
      const card = signedKeyCardSchema.parse(manifest.offices[name as OfficeName].card);
      store[card.card.signingKey] = {
        card,
        state,
        importedAt: 0,
        revocationReason: state === 'revoked' ? 'compromised' : undefined,
      };
    }
    return store;
  }

  it('are reproduced byte for byte by the generator (fixed keys, seeded RNG)', async () => {
    const generated = await generateBundleVectors(kit);
    expect(JSON.parse(JSON.stringify(generated.manifest))).toEqual(manifest);
    const committed = readdirSync(vectorDir)
      .filter((name) => name.endsWith('.bin'))
      .sort();
    expect(committed).toEqual(Object.keys(generated.files).sort());
    for (const [name, bytes] of Object.entries(generated.files))
      expect(kit.equal(new Uint8Array(readFileSync(join(vectorDir, name))), bytes), name).toBe(true);
    const total = committed.reduce((sum, name) => sum + readFileSync(join(vectorDir, name)).length, 0);
    expect(total).toBeLessThan(512 * 1024);
  });

  it('cover a valid bundle of every kind and every error code a file can produce', () => {
    const kinds = new Set(
      manifest.vectors
        .filter((v) => v.expect === 'ok')
        .map((v) => v.kind)
        .filter(Boolean),
    );
    expect([...kinds].sort()).toEqual([
      'challenge',
      'decision',
      'key-card',
      'period-report',
      'receipt',
      'recommendation',
      'recommendation-response',
      'request',
      'response',
      'revocation',
    ]);
    const codes = new Set(manifest.vectors.map((v) => v.expect));
    for (const code of BUNDLE_ERROR_CODES) {
      if (CODES_WITHOUT_FILE_VECTORS.includes(code)) continue;
      expect(codes.has(code), code).toBe(true);
    }
  });

  it('name a rule of §11 each, with the code that rule gives, and cover every rule but IO', () => {
    for (const vector of manifest.vectors) {
      const rule = BUNDLE_RULES.find((entry) => entry.rule === vector.rule);
      if (vector.rule === '15') {
        expect(vector.expect, vector.file).toBe('ok');
        continue;
      }
      expect(rule, `${vector.file}: rule ${vector.rule}`).toBeDefined();
      if (vector.expect !== 'ok') expect(rule?.code, `${vector.file}: rule ${vector.rule}`).toBe(vector.expect);
    }
    const refused = new Set(manifest.vectors.filter((v) => v.expect !== 'ok').map((v) => v.rule));
    for (const { rule } of BUNDLE_RULES) if (rule !== 'IO') expect(refused.has(rule), `rule ${rule}`).toBe(true);
  });

  it('expect, for a bundle with several faults, the code of the earliest rule in §11', () => {
    const precedence = manifest.vectors.filter((v) => v.faults !== undefined);
    for (const vector of precedence) {
      const faults = vector.faults ?? [];
      expect(faults.length, vector.file).toBeGreaterThanOrEqual(2);
      for (const fault of faults) expect(ruleOrder(fault), `${vector.file}: ${fault}`).toBeGreaterThanOrEqual(0);
      const earliest = [...faults].sort((a, b) => ruleOrder(a) - ruleOrder(b))[0];
      expect(vector.rule, vector.file).toBe(earliest);
    }
    // One precedence vector for every step whose rule can meet a later fault (step 8 ends verification, so none).
    const steps = new Set(precedence.map((v) => v.rule.split('.')[0]));
    expect([...steps].map(Number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14]);
  });

  for (const vector of manifest.vectors) {
    it(`${vector.file} as ${vector.as ?? 'no secret'}: ${vector.expect}`, async () => {
      const bytes = new Uint8Array(readFileSync(join(vectorDir, vector.file)));
      const office = vector.as ? manifest.offices[vector.as] : undefined;
      const recipient = office
        ? {
            signingPublicKey: fromHex(office.signingKey, 32) ?? new Uint8Array(),
            boxPrivateKeyPlaintext: fromHex(office.boxPrivateKey ?? '', 32) ?? new Uint8Array(),
          }
        : null;
      const keyOf = (name: OfficeName) => manifest.offices[name].signingKey;
      const result = await verifyBundle(kit, {
        source: memorySource(bytes),
        trust: trustView(storeFor(vector)),
        recipient,
        clock: () => vector.now,
        ledger: {
          hasSeen: (sender, id) => vector.ledger.seen.some(([name, seen]) => keyOf(name) === sender && seen === id),
          lastSequence: (sender) =>
            Object.entries(vector.ledger.lastSequence).find(([name]) => keyOf(name as OfficeName) === sender)?.[1],
        },
      });
      expect(result.ok ? 'ok' : result.error.code, result.ok ? '' : result.error.message).toBe(vector.expect);
      if (result.ok && vector.kind) expect(result.value.header.kind).toBe(vector.kind);
      // Where the verifier names the rule that refused (for the screens' wording), it is the vector's rule.
      if (!result.ok && result.error.refusal.rule !== undefined)
        expect(result.error.refusal.rule, result.error.message).toBe(vector.rule);
      // Worded from the catalogs, every detail the words name is there: no placeholder, no dash for a missing one.
      if (!result.ok)
        for (const t of translators) {
          const worded = bundleRefusalText(t, (iso) => iso, result.error.refusal);
          expect(`${worded.what} ${worded.next}`, result.error.message).not.toMatch(/\{\{|—|exchange\./);
        }
    });
  }

  it("carry the covering note as the request body's message, read only after full verification", async () => {
    const vector = manifest.vectors.find((v) => v.file === 'valid-request.bin' && v.as !== null);
    if (!vector?.as) throw new Error('no keyed valid-request vector');
    const office = manifest.offices[vector.as];
    const result = await verifyBundle(kit, {
      source: memorySource(new Uint8Array(readFileSync(join(vectorDir, vector.file)))),
      trust: trustView(storeFor(vector)),
      recipient: {
        signingPublicKey: fromHex(office.signingKey, 32) ?? new Uint8Array(),
        boxPrivateKeyPlaintext: fromHex(office.boxPrivateKey ?? '', 32) ?? new Uint8Array(),
      },
      clock: () => vector.now,
      ledger: { hasSeen: () => false, lastSequence: () => undefined },
    });
    if (!result.ok || !result.value.opened) throw new Error('the valid request did not open');
    expect(result.value.payload).toMatchObject({
      kind: 'request',
      body: { caseRef: 'CB-2026-0001', message: 'Please review.' },
    });
  });

  it("carry, in a period report, the sender's signed oversight audit export of the same period (§7.5)", async () => {
    const vector = manifest.vectors.find((v) => v.file === 'valid-period-report.bin');
    if (!vector?.as) throw new Error('no keyed valid-period-report vector');
    const office = manifest.offices[vector.as];
    const received: Uint8Array[] = [];
    const result = await verifyBundle(kit, {
      source: memorySource(new Uint8Array(readFileSync(join(vectorDir, vector.file)))),
      trust: trustView(storeFor(vector)),
      recipient: {
        signingPublicKey: fromHex(office.signingKey, 32) ?? new Uint8Array(),
        boxPrivateKeyPlaintext: fromHex(office.boxPrivateKey ?? '', 32) ?? new Uint8Array(),
      },
      clock: () => vector.now,
      ledger: { hasSeen: () => false, lastSequence: () => undefined },
      openAttachment: () => ({
        write: (bytes) => {
          received.push(bytes.slice());
          return Promise.resolve();
        },
      }),
    });
    if (!result.ok || !result.value.opened || result.value.payload.kind !== 'period-report')
      throw new Error('the valid period report did not open');
    const { header, payload, attachments } = result.value;
    expect(attachments.map((a) => a.mediaType)).toEqual(['application/json']);
    // What §7.5 asks of a reader: the export verifies against the key that signed the bundle, and covers its period.
    const exported = verifyOversightExport(kit, concatBytes(...received), [header.sender]);
    if (!exported.ok) throw new Error(exported.error.message);
    expect(exported.value.body.office.signingKey).toBe(header.sender);
    expect(exported.value.body.scope).toEqual({ kind: 'period', ...payload.body.period });
    // Signed by another office's key, the same file is refused.
    const other = manifest.offices.alice.signingKey;
    expect(verifyOversightExport(kit, concatBytes(...received), [other]).ok).toBe(false);
  });

  it('list secret keys that belong to the published cards, and fingerprints that match them', () => {
    for (const office of Object.values(manifest.offices)) {
      expect(formatFingerprint(officeFingerprint(kit, fromHex(office.signingKey, 32) ?? new Uint8Array()))).toBe(
        office.fingerprint,
      );
      if (office.signingSeed === undefined || office.boxPrivateKey === undefined) continue;
      const signing = kit.signKeyPair(fromHex(office.signingSeed, 32));
      const card = signedKeyCardSchema.parse(office.card);
      expect(toHex(signing.publicKey)).toBe(card.card.signingKey);
      // The box private key opens a box made to the card's box public key.
      const other = kit.boxKeyPair();
      const nonce = new Uint8Array(24);
      const boxed = kit.box(
        new Uint8Array([1, 2, 3]),
        nonce,
        fromHex(card.card.boxKey, 32) ?? new Uint8Array(),
        other.privateKey,
      );
      expect([
        ...kit.boxOpen(boxed, nonce, other.publicKey, fromHex(office.boxPrivateKey, 32) ?? new Uint8Array()),
      ]).toEqual([1, 2, 3]);
    }
  });

  it('publish JSON Schemas that match the zod schemas (docs/bundle-schemas)', () => {
    const schemaDir = join(root, 'docs/bundle-schemas');
    const expected = bundleJsonSchemas();
    expect(readdirSync(schemaDir).sort()).toEqual(
      Object.keys(expected)
        .map((name) => `${name}.schema.json`)
        .sort(),
    );
    for (const [name, schema] of Object.entries(expected)) {
      expect(JSON.parse(readFileSync(join(schemaDir, `${name}.schema.json`), 'utf8')), name).toEqual(
        JSON.parse(JSON.stringify(schema)),
      );
    }
  });
});
