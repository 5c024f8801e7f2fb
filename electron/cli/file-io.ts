import { open, type FileHandle } from 'node:fs/promises';
import type { ByteSource, RandomAccessSink } from '../../shared/bytes/byte-io';

/** A bundle file as a ByteSource: positional reads, size taken once at open (the verifier checks it). */
export async function openFileSource(path: string): Promise<ByteSource & { close(): Promise<void> }> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(offset, length) {
      const buffer = new Uint8Array(length);
      let filled = 0;
      while (filled < length) {
        const { bytesRead } = await handle.read(buffer, filled, length - filled, offset + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return filled === length ? buffer : buffer.subarray(0, filled);
    },
    close: () => handle.close(),
  };
}

/** A new file written positionally; `finish` flushes it to the medium (fsync) before closing. */
export async function openFileSink(
  path: string,
): Promise<RandomAccessSink & { finish(): Promise<void>; abort(): Promise<void> }> {
  const handle: FileHandle = await open(path, 'wx');
  return {
    async writeAt(offset, bytes) {
      let written = 0;
      while (written < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, written, bytes.length - written, offset + written);
        written += bytesWritten;
      }
    },
    async finish() {
      await handle.sync();
      await handle.close();
    },
    abort: () => handle.close(),
  };
}

/** Streams a file as plaintext chunks for the builder, one buffer at a time. */
export async function* readFileChunks(path: string, chunkBytes = 1024 * 1024): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    for (;;) {
      const buffer = new Uint8Array(chunkBytes);
      const { bytesRead } = await handle.read(buffer, 0, chunkBytes, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
