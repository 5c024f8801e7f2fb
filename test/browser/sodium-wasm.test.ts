import { describe, expect, it } from 'vitest';
import { assertWasmBuild, CryptoUnavailableError, loadSodium, measureHashSpeed } from '@shared/crypto/sodium';

describe('libsodium in real Chromium', () => {
  it('loads the WebAssembly build with Argon2id available', async () => {
    const sodium = await loadSodium();
    expect(typeof sodium.crypto_pwhash).toBe('function');
    expect(sodium.crypto_pwhash_ALG_ARGON2ID13).toBe(2);
    expect(measureHashSpeed(sodium)).toBeGreaterThan(60);
  });

  it('refuses a build that did not run its WebAssembly module', async () => {
    const sodium = await loadSodium();
    const fake = new Proxy(sodium, {
      get: (target, key) => (key === 'libsodium' ? { calledRun: false } : Reflect.get(target, key)),
    });
    expect(() => assertWasmBuild(fake)).toThrow(CryptoUnavailableError);
  });

  it('refuses a build that hashes at JavaScript speed', async () => {
    const sodium = await loadSodium();
    const slowHash = (length: number, data: Uint8Array, key: Uint8Array | null) => {
      const until = performance.now() + 60; // 2 MiB in 60 ms = 33 MiB/s, below the floor
      while (performance.now() < until) {
        /* spin */
      }
      return sodium.crypto_generichash(length, data, key);
    };
    const slow = new Proxy(sodium, {
      get: (target, key) => (key === 'crypto_generichash' ? slowHash : Reflect.get(target, key)),
    });
    expect(() => assertWasmBuild(slow)).toThrow(/below WebAssembly speed/);
  });
});
