import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describeFsError, FileOperationError } from './file-errors';
import { openRegularFile } from './regular-file';
import { isTempName } from './write-file-atomically';

export const BUNDLE_EXTENSION = '.cbundle';

export type BundleFileEntry = {
  readonly path: string;
  readonly name: string;
  readonly bytes: number;
  readonly modifiedAt: string;
};

/**
 * Bundle files directly in a folder (no recursion), newest first; temp files of interrupted exports are ignored, and
 * so is anything that is not a regular file (a link, a folder, a FIFO), which is never followed.
 */
export async function listBundleFiles(folder: string): Promise<BundleFileEntry[]> {
  const names = await readdir(folder).catch((error: unknown) => {
    throw describeFsError(error, { kind: 'drive-at', path: folder });
  });
  const entries: BundleFileEntry[] = [];
  for (const name of names) {
    if (!name.endsWith(BUNDLE_EXTENSION) || isTempName(name) || name.startsWith('.')) continue;
    const path = join(folder, name);
    const info = await lstat(path).catch(() => null);
    if (info?.isFile()) entries.push({ path, name, bytes: info.size, modifiedAt: info.mtime.toISOString() });
  }
  return entries.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
}

/**
 * Streams a regular file in chunks (never through a link), refusing it up front when it is larger than `maxBytes`,
 * and stopping if it grows while being read. The caller verifies the bytes; this only bounds them.
 */
export async function* readFileBounded(
  path: string,
  maxBytes: number,
  chunkBytes = 1024 * 1024,
): AsyncGenerator<Uint8Array> {
  const { handle, info } = await openRegularFile(path);
  if (info.size > maxBytes) {
    await handle.close();
    throw new FileOperationError({ code: 'file-too-large', params: { bytes: info.size, maxBytes } });
  }
  let read = 0;
  try {
    // The stream reads the handle that was checked, and closes it when done, failed or returned early.
    for await (const chunk of handle.createReadStream({ highWaterMark: chunkBytes })) {
      const bytes = chunk as Buffer;
      read += bytes.byteLength;
      if (read > info.size) throw new FileOperationError({ code: 'changed-while-read', params: {} });
      yield new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
  } catch (error) {
    throw describeFsError(error, { kind: 'file', path });
  }
}
