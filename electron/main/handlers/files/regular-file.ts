import { constants, type Stats } from 'node:fs';
import { lstat, open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { describeFsError, FileOperationError } from './file-errors';

/** 0 where the platform has no such flag (Windows has neither; there the lstat check is the guard). */
function optionalFlag(name: 'O_NOFOLLOW' | 'O_NONBLOCK'): number {
  const flag: unknown = Reflect.get(constants, name);
  return typeof flag === 'number' ? flag : 0;
}

/**
 * Read-only open that fails on a link as the last path component (ELOOP) and cannot hang on a FIFO swapped in
 * after the check; on a regular file O_NONBLOCK changes nothing.
 */
export const READ_NO_FOLLOW = constants.O_RDONLY | optionalFlag('O_NOFOLLOW') | optionalFlag('O_NONBLOCK');

function notRegular(path: string): FileOperationError {
  return new FileOperationError({ code: 'not-regular-file', params: { name: basename(path) } });
}

/**
 * What a granted path is, without following a link: a link, a folder, a device or a FIFO under a bundle's name is
 * refused, so no file outside the folder the user picked is ever listed or read through one.
 */
export async function regularFileInfo(path: string): Promise<Stats> {
  const info = await lstat(path).catch((error: unknown) => {
    throw describeFsError(error, { kind: 'file', path });
  });
  if (!info.isFile()) throw notRegular(path);
  return info;
}

/** Opens a regular file for reading; the open itself refuses a link, and the opened file must be the one checked. */
export async function openRegularFile(path: string): Promise<{ readonly handle: FileHandle; readonly info: Stats }> {
  const checked = await regularFileInfo(path);
  const handle = await open(path, READ_NO_FOLLOW).catch((error: unknown) => {
    throw Reflect.get(Object(error), 'code') === 'ELOOP'
      ? notRegular(path)
      : describeFsError(error, { kind: 'file', path });
  });
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.dev !== checked.dev || info.ino !== checked.ino) throw notRegular(path);
    return { handle, info };
  } catch (error) {
    await handle.close();
    throw describeFsError(error, { kind: 'file', path });
  }
}
