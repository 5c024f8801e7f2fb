import type { RandomAccessSink } from '@shared/bundle/byte-io';

const STAGING_FOLDER = 'exchange-staging';

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
  return {
    sink: {
      async writeAt(offset, bytes) {
        // A copy: the builder may reuse its buffer once this resolves, and the stream may still hold it.
        await writable.write({ type: 'write', position: offset, data: bytes.slice() });
      },
    },
    async finish() {
      if (open) {
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
