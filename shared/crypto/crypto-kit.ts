import { loadSodium, type Sodium } from './sodium';
import { wasmHeap, type WasmHeap } from './wasm-heap';
import { createBatchOpener, type BatchOpener } from './batch-opener';

/**
 * The few primitives Casebridge uses, over libsodium (wasm). Everything that encrypts, signs or hashes goes
 * through a CryptoKit, so the choice of primitives is visible in one file.
 */

/** A ciphertext failed authentication: wrong key, wrong associated data, or tampering. */
export class DecryptionError extends Error {
  override readonly name = 'DecryptionError';
}

export type KeyPair = { readonly publicKey: Uint8Array; readonly privateKey: Uint8Array };

export const KEY_BYTES = 32;
export const AEAD_NONCE_BYTES = 24;
export const AEAD_TAG_BYTES = 16;
export const SALT_BYTES = 16;
export const SIGNATURE_BYTES = 64;
export const BOX_NONCE_BYTES = 24;
export const BOX_MAC_BYTES = 16;
export const STREAM_HEADER_BYTES = 24;
export const STREAM_ABYTES = 17;

export type StreamTag = 'message' | 'final';

export type StreamEncryptor = {
  readonly header: Uint8Array;
  push(plaintext: Uint8Array, associatedData: Uint8Array | null, tag: StreamTag): Uint8Array;
  /** Zeroes and frees the stream state (it holds the stream's sub-key); call it in `finally`. Idempotent. */
  dispose(): void;
};

export type StreamDecryptor = {
  /** Throws DecryptionError on any tampered, reordered, foreign or truncated chunk. */
  pull(ciphertext: Uint8Array, associatedData: Uint8Array | null): { plaintext: Uint8Array; tag: StreamTag };
  /** Zeroes and frees the stream state (it holds the stream's sub-key); call it in `finally`. Idempotent. */
  dispose(): void;
};

export type Hasher = { update(data: Uint8Array): void; digest(): Uint8Array };

export type CryptoKit = ReturnType<typeof createCryptoKit>;

let kit: Promise<CryptoKit> | undefined;

/** Loads libsodium (checking it is the wasm build) once, and returns the kit. */
export function cryptoKit(): Promise<CryptoKit> {
  kit ??= loadSodium().then(createCryptoKit);
  return kit;
}

// libsodium's randombytes is ~25x slower per call than the platform CSPRNG here.
function randomBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let offset = 0; offset < length; offset += 65536) {
    globalThis.crypto.getRandomValues(out.subarray(offset, Math.min(length, offset + 65536)));
  }
  return out;
}

/** sizeof(crypto_secretstream_xchacha20poly1305_state): sub-key (32), nonce (12), padding (8). */
const STREAM_STATE_BYTES = 52;

/**
 * A secretstream state in the wasm heap. libsodium.js types it as an object but returns the bare heap address, and
 * never frees it; this owns it until `dispose`, after which its memory may belong to someone else, so any use throws.
 */
function ownedStreamState<State>(heap: WasmHeap, state: State) {
  const raw: unknown = state;
  const address = typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'address') : raw;
  if (typeof address !== 'number' || !Number.isInteger(address) || address <= 0)
    throw new TypeError('libsodium returned no secretstream state address.');
  let live = true;
  return {
    use(): State {
      if (!live) throw new Error('This stream was disposed; its state is gone.');
      return state;
    },
    dispose(): void {
      if (!live) return;
      live = false;
      heap.release(address, STREAM_STATE_BYTES);
    },
  };
}

export function createCryptoKit(sodium: Sodium) {
  const heap = wasmHeap(sodium);
  const toTag = (tag: number): StreamTag => {
    if (tag === sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL) return 'final';
    if (tag === sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE) return 'message';
    throw new DecryptionError('Unexpected secretstream tag.');
  };

  return {
    randomBytes,

    /** Argon2id13. `memoryBytes` and `iterations` come from a checked KDF header, never from user input. */
    argon2id(
      passphrase: Uint8Array,
      salt: Uint8Array,
      iterations: number,
      memoryBytes: number,
      length = KEY_BYTES,
    ): Uint8Array {
      if (salt.length !== SALT_BYTES) throw new RangeError('Argon2id salt must be 16 bytes.');
      return sodium.crypto_pwhash(
        length,
        passphrase,
        salt,
        iterations,
        memoryBytes,
        sodium.crypto_pwhash_ALG_ARGON2ID13,
      );
    },

    /** XChaCha20-Poly1305 with a random nonce; output is nonce ‖ ciphertext ‖ tag. */
    seal(key: Uint8Array, plaintext: Uint8Array, associatedData: Uint8Array): Uint8Array {
      const nonce = randomBytes(AEAD_NONCE_BYTES);
      const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, associatedData, null, nonce, key);
      const out = new Uint8Array(AEAD_NONCE_BYTES + ciphertext.length);
      out.set(nonce, 0);
      out.set(ciphertext, AEAD_NONCE_BYTES);
      return out;
    },

    /** Opens what `seal` produced; throws DecryptionError if the key, data or associated data differ. */
    open(key: Uint8Array, sealed: Uint8Array, associatedData: Uint8Array): Uint8Array {
      if (sealed.length < AEAD_NONCE_BYTES + AEAD_TAG_BYTES) throw new DecryptionError('Ciphertext is too short.');
      try {
        return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
          null,
          sealed.subarray(AEAD_NONCE_BYTES),
          associatedData,
          sealed.subarray(0, AEAD_NONCE_BYTES),
          key,
        );
      } catch {
        throw new DecryptionError('Decryption failed: wrong key, or the data was altered.');
      }
    },

    /**
     * Opens many ciphertexts `seal` produced under one key, without libsodium.js's per-call copies (batch-opener.ts):
     * for listing thousands of records. Dispose it in `finally`: it holds a copy of the key in the wasm heap.
     */
    batchOpener(key: Uint8Array): BatchOpener {
      return createBatchOpener(
        sodium,
        heap,
        key,
        () => new DecryptionError('Decryption failed: wrong key, or the data was altered.'),
      );
    },

    /** A purpose-bound sub-key (crypto_kdf): `context` is exactly 8 ASCII characters. */
    deriveSubkey(masterKey: Uint8Array, subkeyId: number, context: string, length = KEY_BYTES): Uint8Array {
      if (context.length !== 8) throw new RangeError('KDF context must be 8 characters.');
      return sodium.crypto_kdf_derive_from_key(length, subkeyId, context, masterKey);
    },

    /** BLAKE2b, optionally keyed (keyed = a MAC / blind index). */
    hash(data: Uint8Array, length = 32, key: Uint8Array | null = null): Uint8Array {
      return sodium.crypto_generichash(length, data, key);
    },

    /** Streaming BLAKE2b for content that must never be held whole in memory. */
    createHasher(length = 32, key: Uint8Array | null = null): Hasher {
      const state = sodium.crypto_generichash_init(key, length);
      return {
        update: (data) => sodium.crypto_generichash_update(state, data),
        digest: () => sodium.crypto_generichash_final(state, length),
      };
    },

    signKeyPair(seed?: Uint8Array): KeyPair {
      const pair = seed ? sodium.crypto_sign_seed_keypair(seed) : sodium.crypto_sign_keypair();
      return { publicKey: pair.publicKey, privateKey: pair.privateKey };
    },

    sign(message: Uint8Array, privateKey: Uint8Array): Uint8Array {
      return sodium.crypto_sign_detached(message, privateKey);
    },

    verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
      if (signature.length !== SIGNATURE_BYTES || publicKey.length !== KEY_BYTES) return false;
      try {
        return sodium.crypto_sign_verify_detached(signature, message, publicKey);
      } catch {
        return false;
      }
    },

    boxKeyPair(seed?: Uint8Array): KeyPair {
      const pair = seed ? sodium.crypto_box_seed_keypair(seed) : sodium.crypto_box_keypair();
      return { publicKey: pair.publicKey, privateKey: pair.privateKey };
    },

    /** Authenticated public-key encryption (X25519 + XSalsa20-Poly1305): the recipient learns who sent it. */
    box(
      message: Uint8Array,
      nonce: Uint8Array,
      recipientPublicKey: Uint8Array,
      senderPrivateKey: Uint8Array,
    ): Uint8Array {
      return sodium.crypto_box_easy(message, nonce, recipientPublicKey, senderPrivateKey);
    },

    boxOpen(
      ciphertext: Uint8Array,
      nonce: Uint8Array,
      senderPublicKey: Uint8Array,
      recipientPrivateKey: Uint8Array,
    ): Uint8Array {
      try {
        return sodium.crypto_box_open_easy(ciphertext, nonce, senderPublicKey, recipientPrivateKey);
      } catch {
        throw new DecryptionError('Key unwrap failed: not addressed to this key, or altered.');
      }
    },

    /** secretstream (XChaCha20-Poly1305) for payloads and attachments, chunk by chunk. */
    /**
     * `header` (24 random bytes) may be supplied so a caller can draw it from an injected RNG (fixed test
     * vectors); libsodium's init_pull derives exactly the state init_push would for that header.
     */
    streamEncryptor(key: Uint8Array, header?: Uint8Array): StreamEncryptor {
      if (header && header.length !== STREAM_HEADER_BYTES) throw new RangeError('Stream header must be 24 bytes.');
      const { state: address, header: streamHeader } = header
        ? { state: sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key), header: header.slice() }
        : sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
      const state = ownedStreamState(heap, address);
      return {
        header: streamHeader,
        push: (plaintext, associatedData, tag) =>
          sodium.crypto_secretstream_xchacha20poly1305_push(
            state.use(),
            plaintext,
            associatedData,
            tag === 'final'
              ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
              : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE,
          ),
        dispose: state.dispose,
      };
    },

    streamDecryptor(header: Uint8Array, key: Uint8Array): StreamDecryptor {
      if (header.length !== STREAM_HEADER_BYTES) throw new DecryptionError('Stream header has the wrong length.');
      const state = ownedStreamState(heap, sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key));
      return {
        pull(ciphertext, associatedData) {
          const live = state.use();
          if (ciphertext.length < STREAM_ABYTES) throw new DecryptionError('Stream chunk is too short.');
          let result: { message: Uint8Array; tag: number } | false;
          try {
            result = sodium.crypto_secretstream_xchacha20poly1305_pull(live, ciphertext, associatedData, 'uint8array');
          } catch {
            throw new DecryptionError('A stream chunk failed authentication.');
          }
          // libsodium.js returns false (not a throw) for a forged chunk.
          if (!result) throw new DecryptionError('A stream chunk failed authentication.');
          return { plaintext: result.message, tag: toTag(result.tag) };
        },
        dispose: state.dispose,
      };
    },

    /** Overwrites key material we own. */
    wipe(...buffers: (Uint8Array | null | undefined)[]): void {
      for (const buffer of buffers) if (buffer) sodium.memzero(buffer);
    },

    /** Constant-time equality for MACs, hashes and keys. */
    equal(a: Uint8Array, b: Uint8Array): boolean {
      return a.length === b.length && sodium.memcmp(a, b);
    },
  };
}
