import { describe, expect, it } from 'vitest';
import { cryptoKit, DecryptionError } from '@shared/crypto/crypto-kit';

const text = (s: string) => new TextEncoder().encode(s);

describe('crypto kit', async () => {
  const kit = await cryptoKit();

  it('seals and opens with associated data, and refuses any change', () => {
    const key = kit.randomBytes(32);
    const sealed = kit.seal(key, text('secret'), text('cases|1|v1'));
    expect(new TextDecoder().decode(kit.open(key, sealed, text('cases|1|v1')))).toBe('secret');
    expect(() => kit.open(key, sealed, text('cases|2|v1'))).toThrow(DecryptionError);
    expect(() => kit.open(kit.randomBytes(32), sealed, text('cases|1|v1'))).toThrow(DecryptionError);
    const flipped = sealed.slice();
    flipped[30] = (flipped[30] ?? 0) ^ 1;
    expect(() => kit.open(key, flipped, text('cases|1|v1'))).toThrow(DecryptionError);
    expect(() => kit.open(key, sealed.subarray(0, 20), text('cases|1|v1'))).toThrow(DecryptionError);
  });

  it('derives distinct sub-keys per purpose', () => {
    const master = kit.randomBytes(32);
    const a = kit.deriveSubkey(master, 1, 'records_');
    const b = kit.deriveSubkey(master, 2, 'records_');
    const c = kit.deriveSubkey(master, 1, 'blindidx');
    expect(kit.equal(a, b)).toBe(false);
    expect(kit.equal(a, c)).toBe(false);
    expect(kit.equal(a, kit.deriveSubkey(master, 1, 'records_'))).toBe(true);
  });

  it('hashes the same in one shot and streamed', () => {
    const data = kit.randomBytes(200_000);
    const hasher = kit.createHasher(32);
    hasher.update(data.subarray(0, 70_000));
    hasher.update(data.subarray(70_000));
    expect(kit.equal(hasher.digest(), kit.hash(data, 32))).toBe(true);
  });

  it('signs and verifies; a changed message or key fails', () => {
    const pair = kit.signKeyPair();
    const sig = kit.sign(text('header'), pair.privateKey);
    expect(kit.verify(sig, text('header'), pair.publicKey)).toBe(true);
    expect(kit.verify(sig, text('headeR'), pair.publicKey)).toBe(false);
    expect(kit.verify(sig, text('header'), kit.signKeyPair().publicKey)).toBe(false);
    expect(kit.verify(sig.subarray(1), text('header'), pair.publicKey)).toBe(false);
  });

  it('boxes to a recipient with sender authentication', () => {
    const alice = kit.boxKeyPair();
    const bob = kit.boxKeyPair();
    const mallory = kit.boxKeyPair();
    const nonce = kit.randomBytes(24);
    const boxed = kit.box(text('content key'), nonce, bob.publicKey, alice.privateKey);
    expect(new TextDecoder().decode(kit.boxOpen(boxed, nonce, alice.publicKey, bob.privateKey))).toBe('content key');
    expect(() => kit.boxOpen(boxed, nonce, mallory.publicKey, bob.privateKey)).toThrow(DecryptionError);
  });

  it('streams chunks, marks the final one, and rejects reordering', () => {
    const key = kit.randomBytes(32);
    const enc = kit.streamEncryptor(key);
    const c1 = enc.push(text('one'), text('ad'), 'message');
    const c2 = enc.push(text('two'), text('ad'), 'final');
    const dec = kit.streamDecryptor(enc.header, key);
    expect(dec.pull(c1, text('ad')).tag).toBe('message');
    expect(dec.pull(c2, text('ad'))).toEqual({ plaintext: text('two'), tag: 'final' });
    const reordered = kit.streamDecryptor(enc.header, key);
    expect(() => reordered.pull(c2, text('ad'))).toThrow(DecryptionError);
    const wrongAd = kit.streamDecryptor(enc.header, key);
    expect(() => wrongAd.pull(c1, text('other'))).toThrow(DecryptionError);
  });

  it('derives the same key from the same passphrase and salt (Argon2id, test floor)', () => {
    const salt = kit.randomBytes(16);
    const a = kit.argon2id(text('correct horse'), salt, 3, 64 * 1024 * 1024);
    const b = kit.argon2id(text('correct horse'), salt, 3, 64 * 1024 * 1024);
    expect(kit.equal(a, b)).toBe(true);
    expect(() => kit.argon2id(text('x'), kit.randomBytes(8), 3, 64 * 1024 * 1024)).toThrow(RangeError);
  });

  it('wipes buffers', () => {
    const key = kit.randomBytes(32);
    kit.wipe(key);
    expect(key.every((b) => b === 0)).toBe(true);
  });
});
