import type { Sodium } from './sodium';
import type { WasmHeap } from './wasm-heap';

/**
 * Opens many XChaCha20-Poly1305 ciphertexts (nonce ‖ ciphertext ‖ tag, as CryptoKit.seal writes them) under one key,
 * calling libsodium's wasm export directly. libsodium.js copies every argument into the wasm heap, allocates the
 * output, copies it out and frees five buffers per call; for 10,000 small records that bookkeeping cost more than
 * the cipher. Here the key is copied into the heap once, the ciphertext and associated-data buffers are reused, the
 * associated data is encoded straight into the heap, and the plaintext is read where it lies and zeroed at once.
 */
export type BatchOpener = {
  /**
   * Opens `sealed` bound to `associatedData` (UTF-8 encoded), hands the plaintext to `read` and returns what `read`
   * returns. The plaintext view lives in the wasm heap and is zeroed as soon as `read` returns: `read` must copy what
   * it keeps (decoding it to a string does). Throws `failed()` when authentication fails.
   */
  open<T>(sealed: Uint8Array, associatedData: string, read: (plaintext: Uint8Array) => T): T;
  /** Zeroes and frees the key copy and the buffers. Idempotent; call it in `finally`. */
  dispose(): void;
};

const NONCE_BYTES = 24;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const encoder = new TextEncoder();

type Decrypt = (
  message: number,
  messageLength: number,
  secretNonce: number,
  ciphertext: number,
  ciphertextLengthLow: number,
  ciphertextLengthHigh: number,
  associatedData: number,
  associatedDataLengthLow: number,
  associatedDataLengthHigh: number,
  nonce: number,
  key: number,
) => number;

function exported<F>(module: object, name: string, guard: (value: unknown) => value is F): F {
  const value: unknown = Reflect.get(module, name);
  if (!guard(value)) throw new TypeError(`libsodium exposes no ${name}.`);
  return value;
}

const isFunction = (value: unknown): value is (...args: number[]) => number => typeof value === 'function';

export function createBatchOpener(sodium: Sodium, heap: WasmHeap, key: Uint8Array, failed: () => Error): BatchOpener {
  if (key.length !== KEY_BYTES) throw new RangeError('The record key must be 32 bytes.');
  const module: unknown = Reflect.get(sodium, 'libsodium');
  if (typeof module !== 'object' || module === null) throw new TypeError('libsodium has no wasm module.');
  // Looked up on the module at each use, as the wrapper does: these are the zeroing allocator of wasm-heap.ts.
  const malloc = (size: number): number => {
    const address = Reflect.apply(exported(module, '_malloc', isFunction), module, [size]);
    if (typeof address !== 'number' || address === 0) throw new RangeError('The wasm heap is full.');
    return address;
  };
  const release = (address: number, size: number) => {
    if (address !== 0) heap.release(address, size);
  };
  const decrypt: Decrypt = exported(module, '_crypto_aead_xchacha20poly1305_ietf_decrypt', isFunction);

  const keyAddress = malloc(KEY_BYTES);
  heap.bytes().set(key, keyAddress);
  let capacity = 0;
  let input = 0;
  let output = 0;
  let adCapacity = 0;
  let adAddress = 0;
  let live = true;

  const reserve = (ciphertextBytes: number, adBytes: number) => {
    if (ciphertextBytes > capacity) {
      release(input, capacity);
      release(output, capacity);
      input = output = 0;
      capacity = Math.max(ciphertextBytes, capacity * 2, 4096);
      input = malloc(capacity);
      output = malloc(capacity);
    }
    if (adBytes > adCapacity) {
      release(adAddress, adCapacity);
      adAddress = 0;
      adCapacity = Math.max(adBytes, 256);
      adAddress = malloc(adCapacity);
    }
  };

  return {
    open(sealed, associatedData, read) {
      if (!live) throw new Error('This opener was disposed.');
      if (sealed.length < NONCE_BYTES + TAG_BYTES) throw failed();
      // UTF-8 takes at most three bytes per UTF-16 code unit.
      reserve(sealed.length, associatedData.length * 3);
      let bytes = heap.bytes();
      bytes.set(sealed, input);
      const { written } = encoder.encodeInto(associatedData, bytes.subarray(adAddress, adAddress + adCapacity));
      const cipherLength = sealed.length - NONCE_BYTES;
      const status = decrypt(
        output,
        0,
        0,
        input + NONCE_BYTES,
        cipherLength,
        0,
        adAddress,
        written,
        0,
        input,
        keyAddress,
      );
      if (status !== 0) throw failed();
      const plainLength = cipherLength - TAG_BYTES;
      bytes = heap.bytes();
      try {
        return read(bytes.subarray(output, output + plainLength));
      } finally {
        heap.bytes().fill(0, output, output + plainLength);
      }
    },
    dispose() {
      if (!live) return;
      live = false;
      release(keyAddress, KEY_BYTES);
      release(input, capacity);
      release(output, capacity);
      release(adAddress, adCapacity);
    },
  };
}
