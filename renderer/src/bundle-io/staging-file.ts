import type { RandomAccessSink } from '@shared/bytes/byte-io';

const STAGING_FOLDER = 'exchange-staging';
const COALESCE_BYTES = 4 * 1024 * 1024;

export type StagingFile = {
  readonly sink: RandomAccessSink;
  /** Commits the writes and returns the file to read back (sequentially, for hashing and sending). */
  finish(): Promise<File>;
  remove(): Promise<void>;
};

/**
 * A bundle is built out of order (attachments first, the header that commits to them last), but goes to the
 * stick in order with its hash announced first. So it is built into a file in the origin-private file system
 * (on disk, never whole in memory), then read back in order. The file holds only bundle ciphertext and is
 * removed when the export ends either way.
 */
export async function createStagingFile(): Promise<StagingFile> {
  const root = await (await navigator.storage.getDirectory()).getDirectoryHandle(STAGING_FOLDER, { create: true });
  const name = `export-${crypto.randomUUID()}.staging`;
  const handle = await root.getFileHandle(name, { create: true });
  const writable = await handle.createWritable({ keepExistingData: false });
  let open = true;
  // The builder writes each item front to back in chunk-sized pieces; contiguous pieces are gathered into one
  // larger write (each file-system write has a fixed cost). Copying also frees the builder's buffer at once.
  let pending = new Uint8Array(COALESCE_BYTES);
  let pendingOffset = 0;
  let pendingLength = 0;
  const flush = async () => {
    if (pendingLength === 0) return;
    const data = pending.subarray(0, pendingLength);
    pending = new Uint8Array(COALESCE_BYTES);
    const position = pendingOffset;
    pendingLength = 0;
    await writable.write({ type: 'write', position, data });
  };
  return {
    sink: {
      async writeAt(offset, bytes) {
        if (
          pendingLength > 0 &&
          (offset !== pendingOffset + pendingLength || pendingLength + bytes.length > COALESCE_BYTES)
        )
          await flush();
        if (bytes.length >= COALESCE_BYTES) {
          await writable.write({ type: 'write', position: offset, data: bytes.slice() });
          return;
        }
        if (pendingLength === 0) pendingOffset = offset;
        pending.set(bytes, pendingLength);
        pendingLength += bytes.length;
      },
    },
    async finish() {
      if (open) {
        await flush();
        open = false;
        await writable.close();
      }
      return handle.getFile();
    },
    async remove() {
      if (open) {
        open = false;
        await writable.abort().catch(() => undefined);
      }
      await root.removeEntry(name).catch(() => undefined);
    },
  };
}

/** Removes staging files an interrupted export left behind (run when the Exchange screen opens). */
export async function sweepStagingFiles(): Promise<void> {
  const root = await navigator.storage.getDirectory();
  await root.removeEntry(STAGING_FOLDER, { recursive: true }).catch(() => undefined);
}
