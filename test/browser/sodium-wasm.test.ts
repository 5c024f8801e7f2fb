import { describe, expect, it } from 'vitest';
import { assertWasmBuild, CryptoUnavailableError, loadSodium } from '@shared/crypto/sodium';

describe('libsodium in real Chromium', () => {
  it('loads the WebAssembly build with Argon2id available', async () => {
    const sodium = await loadSodium();
    expect(typeof sodium.crypto_pwhash).toBe('function');
    expect(sodium.crypto_pwhash_ALG_ARGON2ID13).toBe(2);
    expect(() => assertWasmBuild(sodium)).not.toThrow();
  });

  it('refuses a build that did not run its WebAssembly module', async () => {
    const sodium = await loadSodium();
    const fake = new Proxy(sodium, {
      get: (target, key) => (key === 'libsodium' ? { calledRun: false } : Reflect.get(target, key)),
    });
    expect(() => assertWasmBuild(fake)).toThrow(CryptoUnavailableError);
  });

  it('refuses a build whose primitives are JavaScript, not WebAssembly', async () => {
    const sodium = await loadSodium();
    const emscripten: object = Reflect.get(sodium, 'libsodium');
    const jsFallback = new Proxy(emscripten, {
      // what an asm.js build's export looks like: ordinary JavaScript source
      get: (target, key) =>
        key === '_crypto_generichash'
          ? function crypto_generichash(a: number) {
              return a | 0;
            }
          : Reflect.get(target, key),
    });
    const fake = new Proxy(sodium, {
      get: (target, key) => (key === 'libsodium' ? jsFallback : Reflect.get(target, key)),
    });
    expect(() => assertWasmBuild(fake)).toThrow(/crypto_generichash is not running as WebAssembly/);
  });
});
