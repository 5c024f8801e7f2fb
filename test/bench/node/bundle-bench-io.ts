import { open } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import type { ByteSink } from '../../../shared/bytes/byte-io';

/** Writes `bytes` of incompressible data (a random 16 MiB block, repeated) to `path`. */
export async function writeTestFile(path: string, bytes: number): Promise<void> {
  const block = new Uint8Array(randomBytes(16 * 1024 * 1024));
  const handle = await open(path, 'w');
  try {
    for (let written = 0; written < bytes; written += block.length)
      await handle.write(block, 0, Math.min(block.length, bytes - written));
  } finally {
    await handle.close();
  }
}

/** A sequential file sink for verified attachment plaintext. */
export async function appendSink(path: string): Promise<ByteSink & { close(): Promise<void> }> {
  const handle = await open(path, 'w');
  return {
    async write(bytes) {
      await handle.write(bytes);
    },
    close: () => handle.close(),
  };
}
