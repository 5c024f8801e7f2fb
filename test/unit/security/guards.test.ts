import { describe, expect, it } from 'vitest';
import { cryptoKit, DecryptionError } from '@shared/crypto/crypto-kit';
import { suppressTable } from '@shared/reports/suppress-table';
import { isAppUrl } from '../../../electron/main/security/app-origin';
import { isRequestAllowed, isTrustedSender } from '../../../electron/main/security/request-policy';
import { createPathGrants } from '../../../electron/main/handlers/files/path-grants';

// Guards of the security core that the mutation run (docs/testing.md) found untested: each test names the mistake
// it would catch.
const kit = await cryptoKit();

describe('app:// origin', () => {
  it('refuses an app URL that carries credentials (a look-alike origin for the same host)', () => {
    expect(isAppUrl('app://casebridge/index.html')).toBe(true);
    expect(isAppUrl('app://ana@casebridge/index.html')).toBe(false);
    expect(isAppUrl('app://:secret@casebridge/index.html')).toBe(false);
  });
});

describe('sender and request policy', () => {
  it('refuses an empty or missing frame URL', () => {
    expect(isTrustedSender('')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender('not a url')).toBe(false);
  });

  it('accepts the dev server on each loopback name, and its hot-reload socket, but nothing else', () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:5173', 'http://[::1]:5173']) {
      expect(isRequestAllowed(`${origin}/src/main.tsx`, { devServerOrigin: origin })).toBe(true);
      expect(isTrustedSender(`${origin}/`, { devServerOrigin: origin })).toBe(true);
    }
    const dev = { devServerOrigin: 'http://localhost:5173' };
    expect(isRequestAllowed('ws://localhost:5173/', dev)).toBe(true);
    expect(isRequestAllowed('ws://localhost:5174/', dev)).toBe(false);
    expect(isRequestAllowed('wss://example.org/', dev)).toBe(false);
    expect(isRequestAllowed('http://example.org:5173/', { devServerOrigin: 'http://example.org:5173' })).toBe(false);
    expect(isRequestAllowed('http://localhost:5173/', { devServerOrigin: 'not a url' })).toBe(false);
    expect(isRequestAllowed('::::', dev)).toBe(false);
  });
});

describe('path grants', () => {
  it('gives the same token for the same path and kind, another for the other kind, and resolves only its kind', () => {
    let next = 0;
    const grants = createPathGrants(() => `t${next++}`);
    const folder = grants.grant('/media/stick', 'folder');
    expect(grants.grant('/media/stick', 'folder')).toBe(folder);
    const file = grants.grant('/media/stick', 'file');
    expect(file).not.toBe(folder);
    expect(grants.grant('/media/other', 'folder')).not.toBe(folder);
    expect(grants.resolve(folder, 'folder')).toBe('/media/stick');
    expect(grants.resolve(folder, 'file')).toBeNull();
    expect(grants.resolve('t99', 'folder')).toBeNull();
  });
});

describe('crypto kit guards', () => {
  const key = kit.randomBytes(32);
  const pair = kit.signKeyPair();
  const message = new TextEncoder().encode('case 42');
  const signature = kit.sign(message, pair.privateKey);

  it('verifies false (never throws) for a signature or public key of the wrong length', () => {
    expect(kit.verify(signature, message, pair.publicKey)).toBe(true);
    expect(kit.verify(signature.subarray(0, 63), message, pair.publicKey)).toBe(false);
    expect(kit.verify(signature, message, pair.publicKey.subarray(0, 31))).toBe(false);
    expect(kit.verify(new Uint8Array(64), message, new Uint8Array(32))).toBe(false);
  });

  it('refuses sealed data shorter than a nonce and a tag, whatever its key', () => {
    expect(() => kit.open(key, new Uint8Array(39), new Uint8Array())).toThrow(DecryptionError);
    const sealed = kit.seal(key, new Uint8Array(), new Uint8Array());
    expect(sealed.length).toBe(40);
    expect(kit.open(key, sealed, new Uint8Array())).toEqual(new Uint8Array());
  });

  it('refuses a stream header or chunk of the wrong size, and a chunk from another stream', () => {
    expect(() => kit.streamDecryptor(new Uint8Array(23), key)).toThrow(DecryptionError);
    expect(() => kit.streamEncryptor(key, new Uint8Array(23))).toThrow(RangeError);
    const encryptor = kit.streamEncryptor(key);
    const chunk = encryptor.push(message, null, 'final');
    const decryptor = kit.streamDecryptor(encryptor.header, key);
    expect(() => decryptor.pull(chunk.subarray(0, 16), null)).toThrow(DecryptionError);
    const other = kit.streamDecryptor(kit.streamEncryptor(key).header, key);
    expect(() => other.pull(chunk, null)).toThrow(DecryptionError);
    expect(decryptor.pull(chunk, null)).toEqual({ plaintext: message, tag: 'final' });
  });

  it('compares in constant time only equal lengths', () => {
    expect(kit.equal(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(kit.equal(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false);
    expect(kit.equal(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
  });

  it('refuses a KDF context that is not 8 characters and a salt that is not 16 bytes', () => {
    expect(() => kit.deriveSubkey(key, 1, 'short', 32)).toThrow(RangeError);
  });
});

describe('suppression input', () => {
  it('refuses a negative or fractional count instead of publishing it', () => {
    expect(() => suppressTable([{ key: 'a', count: -1 }])).toThrow(RangeError);
    expect(() => suppressTable([{ key: 'a', count: 1.5 }])).toThrow(/whole number/);
  });
});
