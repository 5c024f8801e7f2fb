import sodiumModule from 'libsodium-wrappers-sumo';
import { wasmHeap } from './wasm-heap';

/**
 * The only import of libsodium in the project (a lint rule enforces it). Everything else asks this module
 * for the ready instance, so the wasm check below runs before any key is touched.
 */
export type Sodium = typeof sodiumModule;

export class CryptoUnavailableError extends Error {
  override readonly name = 'CryptoUnavailableError';
}

let ready: Promise<Sodium> | undefined;

/** Loads libsodium once and refuses to hand it out unless the WebAssembly build is the one running. */
export function loadSodium(): Promise<Sodium> {
  ready ??= sodiumModule.ready.then(() => {
    assertWasmBuild(sodiumModule);
    // From here on the wrapper zeroes the heap copies of keys and plaintexts it frees.
    wasmHeap(sodiumModule);
    return sodiumModule;
  });
  return ready;
}

/** Functions exported by a WebAssembly instance print as `function <index>() { [native code] }`. */
const WASM_EXPORT = /^function \d+\(\) \{\s*\[native code\]\s*\}$/;

/** The primitives whose speed and constant-time behaviour matter most: they must be wasm, not JavaScript. */
const CHECKED_EXPORTS = [
  '_crypto_pwhash',
  '_crypto_generichash',
  '_crypto_aead_xchacha20poly1305_ietf_encrypt',
  '_crypto_sign_detached',
];

/**
 * Refuses a libsodium that did not instantiate its WebAssembly module (no WebAssembly, a CSP without
 * 'wasm-unsafe-eval', or a JavaScript fallback build). A structural check, not a timing one, so a busy
 * machine can never make it fail.
 */
export function assertWasmBuild(sodium: Sodium): void {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    throw new CryptoUnavailableError('This environment has no WebAssembly, so libsodium cannot run at full strength.');
  }
  // The emscripten module is not in the typings; read it as unknown.
  const emscripten: unknown = Reflect.get(sodium, 'libsodium');
  if (typeof emscripten !== 'object' || emscripten === null || Reflect.get(emscripten, 'calledRun') !== true) {
    throw new CryptoUnavailableError('libsodium did not finish loading its WebAssembly module.');
  }
  for (const name of CHECKED_EXPORTS) {
    const fn: unknown = Reflect.get(emscripten, name);
    if (typeof fn !== 'function' || !WASM_EXPORT.test(Function.prototype.toString.call(fn))) {
      throw new CryptoUnavailableError(
        `libsodium's ${name.slice(1)} is not running as WebAssembly: it may have fallen back to a JavaScript build.`,
      );
    }
  }
}
