import { describe, expect, it } from 'vitest';
import { cryptoKit, DecryptionError } from '@shared/crypto/crypto-kit';
import { loadSodium } from '@shared/crypto/sodium';
import { wasmHeap } from '@shared/crypto/wasm-heap';

const kit = await cryptoKit();
const heap = wasmHeap(await loadSodium());
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Whether `needle` occurs anywhere in the wasm heap. */
function inHeap(needle: Uint8Array): boolean {
  const bytes = heap.bytes();
  const first = needle[0];
  for (
    let i = bytes.indexOf(first ?? 0);
    i !== -1 && i <= bytes.length - needle.length;
    i = bytes.indexOf(first ?? 0, i + 1)
  ) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

describe('the batch opener', () => {
  const key = kit.randomBytes(32);
  const ad = '["casebridge.record","cases","case-é",1,7]';
  const adBytes = new TextEncoder().encode(ad);

  it('opens what seal wrote, with the same associated data as CryptoKit.open, across growing sizes', () => {
    const plaintexts = ['short', 'x'.repeat(5000), 'ÿ€😀 unicode', 'y'.repeat(70_000), ''].map((p) =>
      new TextEncoder().encode(p),
    );
    const sealed = plaintexts.map((p) => kit.seal(key, p, adBytes));
    const opener = kit.batchOpener(key);
    try {
      sealed.forEach((s, i) => {
        expect(opener.open(s, ad, (p) => text(p))).toBe(text(plaintexts[i] ?? new Uint8Array()));
        expect(text(kit.open(key, s, adBytes))).toBe(text(plaintexts[i] ?? new Uint8Array()));
      });
    } finally {
      opener.dispose();
    }
  });

  it('refuses other associated data, a changed byte, another key and a short input, and goes on opening after', () => {
    const sealed = kit.seal(key, new TextEncoder().encode('the record'), adBytes);
    const tampered = sealed.slice();
    tampered[30] = (tampered[30] ?? 0) ^ 1;
    const opener = kit.batchOpener(key);
    const other = kit.batchOpener(kit.randomBytes(32));
    try {
      expect(() => opener.open(sealed, ad.replace('7]', '8]'), text)).toThrow(DecryptionError);
      expect(() => opener.open(tampered, ad, text)).toThrow(DecryptionError);
      expect(() => opener.open(sealed.subarray(0, 39), ad, text)).toThrow(DecryptionError);
      expect(() => other.open(sealed, ad, text)).toThrow(DecryptionError);
      expect(opener.open(sealed, ad, text)).toBe('the record');
    } finally {
      opener.dispose();
      other.dispose();
    }
    expect(() => opener.open(sealed, ad, text)).toThrow(/disposed/);
  });

  it('leaves no plaintext in the wasm heap after each read, and no key copy after dispose', () => {
    // Several 64-byte blocks: libsodium's ChaCha20 leaves the last partial block of any message on the wasm stack
    // (CryptoKit.open too), so only a plaintext longer than one block can show whether the opener zeroes its copy.
    const marker = new TextEncoder().encode(`plaintext marker ${crypto.randomUUID()} `.repeat(5));
    const ownKey = kit.randomBytes(32);
    const sealed = kit.seal(ownKey, marker, adBytes);
    const opener = kit.batchOpener(ownKey);
    let seen = false;
    opener.open(sealed, ad, () => {
      // While `read` runs the plaintext is in the heap; the test checks the search would find it.
      seen = inHeap(marker);
      return undefined;
    });
    expect(seen).toBe(true);
    expect(inHeap(marker)).toBe(false);
    expect(inHeap(ownKey)).toBe(true);
    opener.dispose();
    expect(inHeap(ownKey)).toBe(false);
  });
});
