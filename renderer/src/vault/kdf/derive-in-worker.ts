import type { DeriveKey } from '@shared/vault/vault-keys';
import { kdfResponseSchema } from './kdf-messages';

export class KdfWorkerError extends Error {
  override readonly name = 'KdfWorkerError';
}

/** Argon2id in a fresh Web Worker, terminated afterwards. The passphrase bytes are transferred, not copied. */
export const deriveInWorker: DeriveKey = (passphrase, salt, params) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./argon2id.worker.ts', import.meta.url), { type: 'module', name: 'argon2id' });
    const finish = () => worker.terminate();
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      finish();
      const response = kdfResponseSchema.safeParse(event.data);
      if (!response.success) reject(new KdfWorkerError('The key derivation worker sent a malformed answer.'));
      else if (response.data.ok) resolve(response.data.key);
      else reject(new KdfWorkerError(response.data.message));
    });
    worker.addEventListener('error', (event) => {
      finish();
      reject(new KdfWorkerError(`The key derivation worker failed: ${event.message}`));
    });
    const message = { passphrase, salt: salt.slice(), iterations: params.iterations, memoryBytes: params.memoryBytes };
    worker.postMessage(message, passphrase.buffer instanceof ArrayBuffer ? [passphrase.buffer] : []);
  });
