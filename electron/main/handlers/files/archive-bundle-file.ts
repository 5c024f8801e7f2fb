import { lstat, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLE_ARCHIVE_FOLDER } from '@shared/ipc/contract';
import { BUNDLE_EXTENSION } from './bundle-files';
import type { ShellPlace } from '@shared/ipc/shell-message';
import { describeFsError, errnoOf, errnoText, FileOperationError } from './file-errors';
import { isTempName, syncFolder } from './write-file-atomically';

const ARCHIVE_FOLDER = BUNDLE_ARCHIVE_FOLDER;
/** How many numbered names (" (2)" … ) are tried before giving up; a real archive never gets near it. */
export const MAX_ARCHIVE_NAME_TRIES = 1000;

export type ArchivedFile = {
  /** The name the file has in the archive folder. */
  readonly name: string;
  /** `casebridge-archive/<name>`, relative to the listed folder. */
  readonly relativePath: string;
  readonly path: string;
};

/**
 * Moves the bundle `name` out of `folder` into `folder/casebridge-archive/`. A rename on the same volume, so the
 * file is either still in the inbox or complete in the archive, never half-copied; nothing is deleted. An
 * existing archived file is never replaced: the name is reserved first with an exclusive create (atomic on every
 * file system, FAT included), taking " (2)", " (3)"… when it is taken, and the rename then replaces only that
 * empty reservation.
 */
export async function archiveBundleFile(folder: string, name: string): Promise<ArchivedFile> {
  const where: ShellPlace = { kind: 'drive-at', path: folder };
  // The name came from our own listing; checked again so a path can never be smuggled through it.
  if (!isPlainBundleName(name)) throw new FileOperationError({ code: 'archive-name-invalid', params: { name } });
  const folderInfo = await stat(folder).catch((error: unknown) => {
    throw archiveError(error, where, name);
  });
  if (!folderInfo.isDirectory()) throw archiveError({ code: 'ENOTDIR' }, where, name);
  const source = join(folder, name);
  const sourceInfo = await lstat(source).catch((error: unknown) => {
    throw missingOr(error, where, name, folder);
  });
  // Only the regular file that was listed: a link swapped in since is not moved (nor followed).
  if (!sourceInfo.isFile())
    throw new FileOperationError({ code: 'archive-not-regular', params: { name, place: where } });

  const archive = join(folder, ARCHIVE_FOLDER);
  await mkdir(archive).catch((error: unknown) => {
    if (codeOf(error) !== 'EEXIST') throw archiveError(error, where, name);
  });
  // A file or a link under the archive's name would send the bundle somewhere else: refuse rather than follow it.
  const archiveInfo = await lstat(archive).catch((error: unknown) => {
    throw archiveError(error, where, name);
  });
  if (!archiveInfo.isDirectory())
    throw new FileOperationError({ code: 'archive-folder-blocked', params: { place: where } });

  const target = await reserveFreeName(archive, name, where);
  try {
    await rename(source, target.path);
  } catch (error) {
    await rm(target.path, { force: true }).catch(() => undefined);
    throw missingOr(error, where, name, folder);
  }
  // Makes the move durable before the app says it is done (a pulled stick must not bring the file back).
  await syncFolder(archive).catch(() => undefined);
  await syncFolder(folder).catch(() => undefined);
  return { name: target.name, relativePath: `${ARCHIVE_FOLDER}/${target.name}`, path: target.path };
}

/** `request-1.cbundle`, then `request-1 (2).cbundle`, `request-1 (3).cbundle`… */
export function archiveNameCandidate(name: string, attempt: number): string {
  if (attempt <= 1) return name;
  return `${name.slice(0, -BUNDLE_EXTENSION.length)} (${attempt})${BUNDLE_EXTENSION}`;
}

function isPlainBundleName(name: string): boolean {
  return (
    name.endsWith(BUNDLE_EXTENSION) &&
    !name.startsWith('.') &&
    !isTempName(name) &&
    !/[/\\\0]/.test(name) &&
    name !== BUNDLE_EXTENSION
  );
}

async function reserveFreeName(archive: string, name: string, where: ShellPlace) {
  for (let attempt = 1; attempt <= MAX_ARCHIVE_NAME_TRIES; attempt++) {
    const candidate = archiveNameCandidate(name, attempt);
    const path = join(archive, candidate);
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.close();
      return { name: candidate, path };
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') throw archiveError(error, where, name);
    }
  }
  throw new FileOperationError({
    code: 'archive-names-used-up',
    params: { name, place: where, copies: MAX_ARCHIVE_NAME_TRIES - 1 },
  });
}

const codeOf = errnoOf;

/** The file alone is gone (the drive is still there): say so, rather than "the drive was removed". */
function missingOr(error: unknown, where: ShellPlace, name: string, folder: string): FileOperationError {
  if (codeOf(error) === 'ENOENT')
    return new FileOperationError({ code: 'archive-file-gone', params: { name, folder } });
  return archiveError(error, where, name);
}

/** The file-error classes, worded for a move: what happened, what to do, and that nothing moved. */
function archiveError(error: unknown, where: ShellPlace, name: string): FileOperationError {
  const described = describeFsError(error, where);
  switch (described.code) {
    case 'volume-gone':
      return new FileOperationError({ code: 'archive-drive-gone', params: { name, place: where } });
    case 'read-only':
      return new FileOperationError({ code: 'archive-read-only', params: { name, place: where } });
    case 'volume-full':
      return new FileOperationError({ code: 'archive-full', params: { name, place: where } });
    default:
      return new FileOperationError({
        code: 'archive-failed',
        params: { name, place: where, errno: errnoText(codeOf(error)) },
      });
  }
}
