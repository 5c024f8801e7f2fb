import sodiumModule from 'libsodium-wrappers-sumo';

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
    return sodiumModule;
  });
  return ready;
}

/** Minimum BLAKE2b throughput we accept (the wasm build does 600+ MiB/s here; a JS fallback a fraction). */
export const MIN_WASM_HASH_MIB_PER_S = 60;

export function assertWasmBuild(sodium: Sodium): void {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    throw new CryptoUnavailableError('This environment has no WebAssembly, so libsodium cannot run at full strength.');
  }
  // The emscripten module is not in the typings; read it as unknown.
  const emscripten: unknown = Reflect.get(sodium, 'libsodium');
  if (typeof emscripten !== 'object' || emscripten === null || Reflect.get(emscripten, 'calledRun') !== true) {
    throw new CryptoUnavailableError('libsodium did not finish loading its WebAssembly module.');
  }
  const speed = measureHashSpeed(sodium);
  if (speed < MIN_WASM_HASH_MIB_PER_S) {
    throw new CryptoUnavailableError(
      `libsodium is running far below WebAssembly speed (${speed.toFixed(0)} MiB/s): it may have fallen back to a JavaScript build.`,
    );
  }
}

/** Best of three BLAKE2b passes over 2 MiB, in MiB/s; the best run filters out scheduler noise. */
export function measureHashSpeed(sodium: Sodium): number {
  const data = new Uint8Array(2 * 1024 * 1024);
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    sodium.crypto_generichash(32, data, null);
    best = Math.min(best, performance.now() - start);
  }
  return 2 / (Math.max(best, 0.01) / 1000);
}
