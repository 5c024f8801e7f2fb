import type { DeriveKey } from '@shared/vault/vault-keys';
import { kdfResponseSchema } from './kdf-messages';

export class KdfWorkerError extends Error {
  override readonly name = 'KdfWorkerError';
  constructor(
    message: string,
    readonly retryable = false,
  ) {
    super(message);
  }
}

const ATTEMPTS = 3;

/**
 * Argon2id in a fresh Web Worker, terminated afterwards. If the worker's libsodium refuses to start (its
 * WebAssembly speed check can fail while the module is still cold on a loaded machine), a new worker tries
 * again, up to three times; the check itself is never skipped.
 */
export const deriveInWorker: DeriveKey = async (passphrase, salt, params) => {
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        // Each attempt gets its own copy: the copy is transferred (detached here) and wiped by the worker.
        return await deriveOnce(passphrase.slice(), salt, params);
      } catch (error) {
        if (!(error instanceof KdfWorkerError && error.retryable) || attempt >= ATTEMPTS) throw error;
      }
    }
  } finally {
    passphrase.fill(0);
  }
};

const deriveOnce: DeriveKey = (passphrase, salt, params) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./argon2id.worker.ts', import.meta.url), { type: 'module', name: 'argon2id' });
    const finish = () => worker.terminate();
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      finish();
      const response = kdfResponseSchema.safeParse(event.data);
      if (!response.success) reject(new KdfWorkerError('The key derivation worker sent a malformed answer.'));
      else if (response.data.ok) resolve(response.data.key);
      else reject(new KdfWorkerError(response.data.message, response.data.retryable));
    });
    worker.addEventListener('error', (event) => {
      finish();
      reject(new KdfWorkerError(`The key derivation worker failed: ${event.message}`));
    });
    const message = { passphrase, salt: salt.slice(), iterations: params.iterations, memoryBytes: params.memoryBytes };
    worker.postMessage(message, passphrase.buffer instanceof ArrayBuffer ? [passphrase.buffer] : []);
  });
