import { describe, expect, it } from 'vitest';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { concatBytes, utf8 } from '@shared/bytes/bytes';
import { SIGNING_DOMAINS, signDomain, signingDigest, verifyDomain } from '@shared/bundle/signing-domains';

/**
 * What a domain signature signs, computed here independently of `signingDigest`: BLAKE2b-512 of the domain, a zero
 * byte, then the parts in order. The byte-exact bundle vectors pin the same layout from the other side.
 */
const kit = await cryptoKit();
const keys = kit.signKeyPair();
const a = utf8('first part');
const b = utf8('second part');

describe('domain signatures', () => {
  it('sign BLAKE2b-512(domain ‖ 0x00 ‖ parts in order)', () => {
    const expected = kit.hash(concatBytes(utf8(SIGNING_DOMAINS.bundleHeader), new Uint8Array([0]), a, b), 64);
    expect(signingDigest(kit, 'bundleHeader', a, b)).toEqual(expected);
    const signature = signDomain(kit, 'bundleHeader', keys.privateKey, a, b);
    expect(kit.verify(signature, expected, keys.publicKey)).toBe(true);
  });

  it('do not verify with the parts swapped, split differently, or under another domain', () => {
    const signature = signDomain(kit, 'bundleHeader', keys.privateKey, a, b);
    expect(verifyDomain(kit, 'bundleHeader', signature, keys.publicKey, a, b)).toBe(true);
    expect(verifyDomain(kit, 'bundleHeader', signature, keys.publicKey, b, a)).toBe(false);
    expect(verifyDomain(kit, 'bundlePayload', signature, keys.publicKey, a, b)).toBe(false);
    // Parts are concatenated, so a different split of the same bytes is the same message: the domains keep uses
    // apart, and each use fixes its own parts.
    expect(verifyDomain(kit, 'bundleHeader', signature, keys.publicKey, concatBytes(a, b))).toBe(true);
  });

  it('use a distinct domain for every purpose', () => {
    const domains = Object.values(SIGNING_DOMAINS);
    expect(new Set(domains).size).toBe(domains.length);
    for (const domain of domains) expect(domain).toMatch(/^casebridge\/v1\/[a-z-]+$/);
  });
});
