import type { IpcErr, IpcErrorCode } from '@shared/ipc/contract';
import { describeShellMessage, IPC_CODE_OF, shellErr } from '@shared/ipc/describe-shell-message';
import type { ShellMessage, ShellPlace } from '@shared/ipc/shell-message';

/** A file operation that failed: the coarse code callers branch on, and the message the renderer words. */
export class FileOperationError extends Error {
  override readonly name = 'FileOperationError';
  readonly code: IpcErrorCode;
  constructor(readonly shellMessage: ShellMessage) {
    super(describeShellMessage(shellMessage));
    this.code = IPC_CODE_OF[shellMessage.code];
  }
}

export const errnoOf = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;

/** Turns an fs errno into a message that says what happened to the drive and what to do next. */
export function describeFsError(error: unknown, place: ShellPlace): FileOperationError {
  if (error instanceof FileOperationError) return error;
  const errno = errnoOf(error);
  switch (errno) {
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return new FileOperationError({ code: 'read-only', params: { place } });
    case 'ENOSPC':
    case 'EDQUOT':
      return new FileOperationError({ code: 'volume-full', params: { place } });
    case 'ENOENT':
    case 'ENOTDIR':
    case 'EIO':
    case 'ENXIO':
    case 'ENODEV':
    case 'ESTALE':
      return new FileOperationError({ code: 'volume-gone', params: { place } });
    case 'EEXIST':
      return new FileOperationError({ code: 'already-exists', params: { place } });
    default:
      return new FileOperationError({ code: 'io-failed', params: { place, errno: errnoText(errno) } });
  }
}

/** The errno as logs show it; only the English sentence carries it, the catalogs do not show a code. */
export function errnoText(errno: unknown): string {
  return typeof errno === 'string' ? errno.slice(0, 40) : 'unknown error';
}

export function toErr(error: FileOperationError): IpcErr {
  return shellErr(error.shellMessage);
}
