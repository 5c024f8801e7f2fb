import { cryptoKit } from '@shared/crypto/crypto-kit';
import { CryptoUnavailableError } from '@shared/crypto/sodium';
import { kdfRequestSchema, type KdfResponse } from './kdf-messages';

// Argon2id at 256 MiB takes about a second: running it here keeps the window responsive, and because the
// worker is terminated afterwards, the 256 MiB of wasm memory it grew is returned to the OS.
const reply = (response: KdfResponse, transfer: Transferable[] = []) => globalThis.postMessage(response, { transfer });

globalThis.addEventListener('message', (event: MessageEvent<unknown>) => {
  const request = kdfRequestSchema.safeParse(event.data);
  if (!request.success) {
    reply({ ok: false, message: 'The key derivation request was malformed.', retryable: false });
    return;
  }
  const { passphrase, salt, iterations, memoryBytes } = request.data;
  cryptoKit().then(
    (kit) => {
      try {
        const key = kit.argon2id(passphrase, salt, iterations, memoryBytes);
        reply({ ok: true, key }, key.buffer instanceof ArrayBuffer ? [key.buffer] : []);
      } finally {
        kit.wipe(passphrase);
      }
    },
    (error: unknown) =>
      // A cold WebAssembly module on a busy machine can fail the start-up speed check; a fresh worker may pass.
      reply({
        ok: false,
        message: error instanceof Error ? error.message : String(error),
        retryable: error instanceof CryptoUnavailableError,
      }),
  );
});
