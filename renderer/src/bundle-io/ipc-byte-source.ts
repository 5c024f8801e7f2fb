import type { ByteSource } from '@shared/bytes/byte-io';
import type { CasebridgeApi } from '@shared/ipc/contract';
import { err, ok, type Result } from '@shared/result';

export type OpenedBundleFile = { readonly source: ByteSource; close(): Promise<void> };

/** The part of the shell's exchange API that reads bundle files (main process, chunked, forward only). */
export type BundleReader = Pick<CasebridgeApi['exchange'], 'openBundle' | 'readChunk' | 'closeBundle'>;

/**
 * A bundle file on a stick as a ByteSource. The main process streams it forward only (chunk by chunk), and the
 * verifier reads in file order, so this keeps just the bytes between the last read and the next IPC chunk:
 * memory stays bounded however large the bundle. A backward read is refused (it would be a verifier bug).
 */
export async function openBundleFile(
  reader: BundleReader,
  fileToken: string,
): Promise<Result<OpenedBundleFile, string>> {
  const opened = await reader.openBundle({ fileToken });
  if (!opened.ok) return err(opened.error.code, opened.error.message);
  const { readId, bytes: size } = opened.value;
  // Chunks received but not yet read, front first; `base` is the file offset of the first unread byte.
  let base = 0;
  let parts: Uint8Array[] = [];
  let first = 0;
  let buffered = 0;
  let ended = false;
  let queue: Promise<unknown> = Promise.resolve();

  const fill = async (until: number) => {
    while (base + buffered < until && !ended) {
      const next = await reader.readChunk({ readId });
      if (!next.ok) throw new Error(next.error.message);
      const chunk = next.value.chunk;
      if (chunk === null) ended = true;
      else {
        parts.push(chunk);
        buffered += chunk.length;
      }
    }
  };

  /** Moves `length` bytes from the front of the buffered parts into `out` (or drops them when `out` is null). */
  const take = (length: number, out: Uint8Array | null) => {
    let done = 0;
    while (done < length) {
      const head = parts[first];
      if (!head) throw new RangeError('Read past the end of the bundle.');
      const n = Math.min(head.length, length - done);
      out?.set(head.subarray(0, n), done);
      if (n === head.length) first++;
      else parts[first] = head.subarray(n);
      done += n;
    }
    // Drop consumed parts now and then, so the list stays short without shifting on every chunk.
    if (first > 64) {
      parts = parts.slice(first);
      first = 0;
    }
    buffered -= length;
    base += length;
  };

  const source: ByteSource = {
    size,
    read(offset, length) {
      const run = queue.then(async () => {
        if (offset < base) throw new RangeError('This bundle reader only reads forward.');
        await fill(offset + length);
        if (base + buffered < offset + length) throw new RangeError('Read past the end of the bundle.');
        take(offset - base, null);
        const out = new Uint8Array(length);
        take(length, out);
        return out;
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
  return ok({
    source,
    async close() {
      parts = [];
      first = 0;
      await reader.closeBundle({ readId });
    },
  });
}

/** Reads a small file whole (a key card): bounded by `limit`, so a huge file is refused before it is read. */
export async function readSmallBundle(
  reader: BundleReader,
  fileToken: string,
  limit: number,
): Promise<Result<Uint8Array, string>> {
  const opened = await reader.openBundle({ fileToken });
  if (!opened.ok) return err(opened.error.code, opened.error.message);
  const { readId, bytes } = opened.value;
  try {
    if (bytes > limit)
      return err(
        'too-large',
        `This file is ${bytes} bytes, too large for a key card. Choose the office's key-card file.`,
      );
    const out = new Uint8Array(bytes);
    let filled = 0;
    for (;;) {
      const next = await reader.readChunk({ readId });
      if (!next.ok) return err(next.error.code, next.error.message);
      if (next.value.chunk === null) break;
      if (filled + next.value.chunk.length > bytes)
        return err('verify-failed', 'The file grew while it was read. Copy it again.');
      out.set(next.value.chunk, filled);
      filled += next.value.chunk.length;
    }
    return ok(out.subarray(0, filled));
  } finally {
    await reader.closeBundle({ readId });
  }
}
