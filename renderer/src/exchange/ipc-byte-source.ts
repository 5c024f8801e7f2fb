import type { ByteSource } from '@shared/bundle/byte-io';
import type { CasebridgeApi } from '@shared/ipc/contract';
import { err, ok, type Result } from '@shared/result';

export type OpenedBundleFile = { readonly source: ByteSource; close(): Promise<void> };

/**
 * A bundle file on a stick as a ByteSource. The main process streams it forward only (chunk by chunk), and the
 * verifier reads in file order, so this keeps just the bytes between the last read and the next IPC chunk:
 * memory stays bounded however large the bundle. A backward read is refused (it would be a verifier bug).
 */
export async function openBundleFile(shell: CasebridgeApi, fileToken: string): Promise<Result<OpenedBundleFile, string>> {
  const opened = await shell.exchange.openBundle({ fileToken });
  if (!opened.ok) return err(opened.error.code, opened.error.message);
  const { readId, bytes: size } = opened.value;
  let base = 0;
  let buffer = new Uint8Array(0);
  let ended = false;
  let queue: Promise<unknown> = Promise.resolve();

  const fill = async (until: number) => {
    while (base + buffer.length < until && !ended) {
      const next = await shell.exchange.readChunk({ readId });
      if (!next.ok) throw new Error(next.error.message);
      const chunk = next.value.chunk;
      if (chunk === null) {
        ended = true;
        break;
      }
      const joined = new Uint8Array(buffer.length + chunk.length);
      joined.set(buffer);
      joined.set(chunk, buffer.length);
      buffer = joined;
    }
  };

  const source: ByteSource = {
    size,
    read(offset, length) {
      const run = queue.then(async () => {
        if (offset < base) throw new RangeError('This bundle reader only reads forward.');
        await fill(offset + length);
        const start = offset - base;
        if (start + length > buffer.length) throw new RangeError('Read past the end of the bundle.');
        const out = buffer.slice(start, start + length);
        buffer = buffer.subarray(start + length);
        base = offset + length;
        return out;
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
  return ok({
    source,
    async close() {
      buffer = new Uint8Array(0);
      await shell.exchange.closeBundle({ readId });
    },
  });
}

/** Reads a small file whole (a key card): bounded by `limit`, so a huge file is refused before it is read. */
export async function readSmallBundle(shell: CasebridgeApi, fileToken: string, limit: number): Promise<Result<Uint8Array, string>> {
  const opened = await shell.exchange.openBundle({ fileToken });
  if (!opened.ok) return err(opened.error.code, opened.error.message);
  const { readId, bytes } = opened.value;
  try {
    if (bytes > limit) return err('too-large', `This file is ${bytes} bytes, too large for a key card. Choose the office's key-card file.`);
    const out = new Uint8Array(bytes);
    let filled = 0;
    for (;;) {
      const next = await shell.exchange.readChunk({ readId });
      if (!next.ok) return err(next.error.code, next.error.message);
      if (next.value.chunk === null) break;
      if (filled + next.value.chunk.length > bytes) return err('verify-failed', 'The file grew while it was read. Copy it again.');
      out.set(next.value.chunk, filled);
      filled += next.value.chunk.length;
    }
    return ok(out.subarray(0, filled));
  } finally {
    await shell.exchange.closeBundle({ readId });
  }
}
