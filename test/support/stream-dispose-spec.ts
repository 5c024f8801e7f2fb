import { describe, expect, it } from 'vitest';
import { createCryptoKit } from '@shared/crypto/crypto-kit';
import { loadSodium } from '@shared/crypto/sodium';

/**
 * The secretstream state lives in libsodium's wasm heap, not in JavaScript: it holds the stream's sub-key
 * (HChaCha20 of the key and the header's first 16 bytes), which decrypts every later chunk. These tests read the
 * real heap, so they see what an attacker with a memory dump would. Shared by the node (unit) and Chromium
 * (browser) runs: each loads its own libsodium build.
 */
export function describeStreamDispose(where: string): void {
  describe(`stream dispose (${where})`, async () => {
    const sodium = await loadSodium();
    const kit = createCryptoKit(sodium);

    const heapBytes = (): Uint8Array => {
      const emscripten: unknown = Reflect.get(sodium, 'libsodium');
      const heap: unknown = typeof emscripten === 'object' && emscripten ? Reflect.get(emscripten, 'HEAPU8') : null;
      if (!(heap instanceof Uint8Array)) throw new Error('libsodium has no HEAPU8');
      return heap;
    };
    /** Offsets in the wasm heap where `needle` occurs whole. */
    const findInHeap = (needle: Uint8Array): number[] => {
      const heap = heapBytes();
      const found: number[] = [];
      const first = needle[0];
      for (let at = heap.indexOf(first ?? 0); at !== -1 && at + needle.length <= heap.length;) {
        let same = true;
        for (let i = 1; i < needle.length && same; i++) same = heap[at + i] === needle[i];
        if (same) found.push(at);
        at = heap.indexOf(first ?? 0, at + 1);
      }
      return found;
    };
    const streamSubkey = (key: Uint8Array, header: Uint8Array) =>
      sodium.crypto_core_hchacha20(header.subarray(0, 16), key, null);
    /** A key with no zero byte, so no run of it can be mistaken for zeroed memory. */
    const nonZeroKey = () => kit.randomBytes(32).map((byte) => byte | 1);

    it('zeroes the encryptor state (with its sub-key) in wasm memory', () => {
      const key = nonZeroKey();
      const encryptor = kit.streamEncryptor(key);
      encryptor.push(new Uint8Array([1, 2, 3]), null, 'message');
      const subkey = streamSubkey(key, encryptor.header);
      expect(findInHeap(subkey).length).toBeGreaterThan(0);
      encryptor.dispose();
      expect(findInHeap(subkey)).toEqual([]);
    });

    it('zeroes the decryptor state in wasm memory', () => {
      const key = nonZeroKey();
      const encryptor = kit.streamEncryptor(key);
      // A 'message' chunk: a final one makes libsodium rekey, which replaces the sub-key this test looks for.
      const sealed = encryptor.push(new Uint8Array([4, 5]), null, 'message');
      encryptor.dispose();
      const decryptor = kit.streamDecryptor(encryptor.header, key);
      decryptor.pull(sealed, null);
      const subkey = streamSubkey(key, encryptor.header);
      expect(findInHeap(subkey).length).toBeGreaterThan(0);
      decryptor.dispose();
      expect(findInHeap(subkey)).toEqual([]);
    });

    it('leaves no copy of the key in freed wasm memory either', () => {
      // libsodium.js copies every key argument into the heap and frees the copy without zeroing it.
      const key = nonZeroKey();
      const encryptor = kit.streamEncryptor(key);
      encryptor.dispose();
      expect(findInHeap(key.subarray(8))).toEqual([]);
    });

    it('refuses to use a disposed stream, and a second dispose is harmless', () => {
      const key = kit.randomBytes(32);
      const encryptor = kit.streamEncryptor(key);
      encryptor.dispose();
      expect(() => encryptor.push(new Uint8Array(1), null, 'final')).toThrow(/disposed/);
      expect(() => encryptor.dispose()).not.toThrow();
      const decryptor = kit.streamDecryptor(encryptor.header, key);
      decryptor.dispose();
      expect(() => decryptor.pull(new Uint8Array(40), null)).toThrow(/disposed/);
      expect(() => decryptor.dispose()).not.toThrow();
    });
  });
}
