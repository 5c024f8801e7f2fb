import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { bundleJsonSchemas } from '@shared/bundle/bundle-json-schemas';
import { memorySource } from '@shared/bytes/byte-io';
import { fromHex, toHex } from '@shared/bytes/bytes';
import { formatFingerprint, officeFingerprint } from '@shared/offices/fingerprint';
import { verifyBundle } from '@shared/bundle/verify-bundle';
import { signedKeyCardSchema } from '@shared/offices/key-card';
import { trustView, type TrustStore } from '@shared/offices/trust-store';
import {
  generateBundleVectors,
  type OfficeName,
  type VectorCase,
  type VectorManifest,
} from '../../vectors/bundle/bundle-vectors';

const root = resolve(import.meta.dirname, '../../..');
const vectorDir = join(root, 'test/vectors/bundle');
const manifest: VectorManifest = JSON.parse(readFileSync(join(vectorDir, 'manifest.json'), 'utf8'));

describe('bundle test vectors', async () => {
  const kit = await cryptoKit();

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
    expect(total).toBeLessThan(400 * 1024);
  });

  it('cover a valid bundle of every kind and every error class the verifier can produce', () => {
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
      'receipt',
      'request',
      'response',
      'revocation',
    ]);
    const codes = new Set(manifest.vectors.map((v) => v.expect));
    for (const code of [
      'BUNDLE_MALFORMED',
      'BUNDLE_NONCANONICAL',
      'BUNDLE_VERSION_UNSUPPORTED',
      'BUNDLE_ALGORITHM_UNSUPPORTED',
      'BUNDLE_CRITICAL_EXTENSION_UNKNOWN',
      'BUNDLE_LIMIT_EXCEEDED',
      'BUNDLE_TRUNCATED',
      'BUNDLE_TRAILING_DATA',
      'BUNDLE_SIGNATURE_INVALID',
      'BUNDLE_SIGNER_UNKNOWN',
      'BUNDLE_SIGNER_UNVERIFIED',
      'BUNDLE_SIGNER_REVOKED',
      'BUNDLE_SIGNER_EXPIRED',
      'BUNDLE_NOT_YET_VALID',
      'BUNDLE_EXPIRED',
      'BUNDLE_NOT_FOR_US',
      'BUNDLE_REPLAYED',
      'BUNDLE_SEQUENCE_OLD',
      'BUNDLE_KEY_WRAP_INVALID',
      'BUNDLE_ITEM_HASH_MISMATCH',
      'BUNDLE_CHUNK_INVALID',
      'BUNDLE_INNER_SIGNATURE_INVALID',
      'BUNDLE_INNER_MISMATCH',
      'BUNDLE_ATTACHMENT_MISMATCH',
    ]) {
      expect(codes.has(code as VectorCase['expect']), code).toBe(true);
    }
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
