import { describe, expect, it } from 'vitest';
import { cryptoKit } from '@shared/crypto/crypto-kit';

describe('streamEncryptor with a caller-supplied header', async () => {
  const kit = await cryptoKit();

  it('uses the given header and produces a stream the decryptor opens', () => {
    const key = kit.randomBytes(32);
    const header = kit.randomBytes(24);
    const enc = kit.streamEncryptor(key, header);
    expect(kit.equal(enc.header, header)).toBe(true);
    const c1 = enc.push(new Uint8Array([1, 2, 3]), null, 'message');
    const c2 = enc.push(new Uint8Array([4]), null, 'final');
    const dec = kit.streamDecryptor(header, key);
    expect([...dec.pull(c1, null).plaintext]).toEqual([1, 2, 3]);
    expect(dec.pull(c2, null).tag).toBe('final');
  });

  it('is deterministic for the same key and header, and refuses a wrong-length header', () => {
    const key = kit.randomBytes(32);
    const header = kit.randomBytes(24);
    const a = kit.streamEncryptor(key, header).push(new Uint8Array(10), null, 'final');
    const b = kit.streamEncryptor(key, header).push(new Uint8Array(10), null, 'final');
    expect(kit.equal(a, b)).toBe(true);
    expect(() => kit.streamEncryptor(key, new Uint8Array(23))).toThrow(RangeError);
  });
});
