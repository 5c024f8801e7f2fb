import { concatBytes } from './bytes';

/**
 * The bundle code never touches a file system: it reads through a ByteSource (random access, known size)
 * and writes through sinks. Node adapts real files (electron/cli/file-io.ts); tests use memory.
 */
export type ByteSource = {
  /** Actual size in bytes: every declared size is checked against it before anything is read. */
  readonly size: number;
  /** Exactly `length` bytes at `offset`, or a rejection. */
  read(offset: number, length: number): Promise<Uint8Array>;
};

/** Where a bundle is written: positional, so the header (which commits to the items) can be written last. */
export type RandomAccessSink = { writeAt(offset: number, bytes: Uint8Array): Promise<void> };

/** Where a verified attachment's plaintext goes, chunk by chunk (provisional until verification succeeds). */
export type ByteSink = { write(bytes: Uint8Array): Promise<void> };

/** Plaintext for the builder: any chunking; the builder re-chunks to the bundle's chunk size. */
export type ByteStream = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export function memorySource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => {
      if (offset < 0 || offset + length > bytes.length) return Promise.reject(new RangeError('Read past the end.'));
      return Promise.resolve(bytes.subarray(offset, offset + length));
    },
  };
}

/** A growing in-memory bundle file, for tests and small bundles. */
export function memorySink(): RandomAccessSink & { bytes(): Uint8Array } {
  let buffer = new Uint8Array(1024);
  let length = 0;
  return {
    writeAt(offset, bytes) {
      const end = offset + bytes.length;
      if (end > buffer.length) {
        const grown = new Uint8Array(Math.max(end, buffer.length * 2));
        grown.set(buffer.subarray(0, length));
        buffer = grown;
      }
      buffer.set(bytes, offset);
      length = Math.max(length, end);
      return Promise.resolve();
    },
    bytes: () => buffer.slice(0, length),
  };
}

/** Collects attachment plaintext in memory (tests). */
export function memoryByteSink(): ByteSink & { bytes(): Uint8Array } {
  const parts: Uint8Array[] = [];
  return {
    write(bytes) {
      parts.push(bytes.slice());
      return Promise.resolve();
    },
    bytes: () => concatBytes(...parts),
  };
}

/**
 * Re-chunks a byte stream into pieces of exactly `chunkSize` (the last may be shorter), holding at most one
 * chunk. Yields at least one (possibly empty) chunk.
 */
export async function* rechunk(input: ByteStream, chunkSize: number): AsyncGenerator<Uint8Array> {
  let buffer = new Uint8Array(chunkSize);
  let filled = 0;
  let yielded = false;
  for await (const piece of input) {
    let offset = 0;
    while (offset < piece.length) {
      const take = Math.min(chunkSize - filled, piece.length - offset);
      buffer.set(piece.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (filled === chunkSize) {
        yield buffer;
        yielded = true;
        buffer = new Uint8Array(chunkSize);
        filled = 0;
      }
    }
  }
  if (filled > 0 || !yielded) yield buffer.subarray(0, filled);
}
