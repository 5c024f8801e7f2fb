import { err, type Err } from '@shared/result';

export type FileErrorCode =
  | 'read-only'
  | 'volume-full'
  | 'volume-gone'
  | 'already-exists'
  | 'not-found'
  | 'too-large'
  | 'verify-failed'
  | 'cancelled'
  | 'io-failed';

export class FileOperationError extends Error {
  override readonly name = 'FileOperationError';
  constructor(
    readonly code: FileErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Turns an fs errno into a message that says what happened to the drive and what to do next. */
export function describeFsError(error: unknown, where: string): FileOperationError {
  if (error instanceof FileOperationError) return error;
  const code = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
  switch (code) {
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return new FileOperationError(
        'read-only',
        `${where} is read-only, or you may not write there. Check the drive's lock switch, or choose another drive. Nothing was written.`,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new FileOperationError(
        'volume-full',
        `${where} is full. Free some space or choose another drive. No usable file was left behind.`,
      );
    case 'ENOENT':
    case 'ENOTDIR':
    case 'EIO':
    case 'ENXIO':
    case 'ENODEV':
    case 'ESTALE':
      return new FileOperationError(
        'volume-gone',
        `${where} is no longer available (was the drive removed?). Re-insert it and try again. No usable file was left behind.`,
      );
    case 'EEXIST':
      return new FileOperationError(
        'already-exists',
        `A file with this name already exists on ${where}. Nothing was overwritten.`,
      );
    default:
      return new FileOperationError(
        'io-failed',
        `Writing to ${where} failed (${typeof code === 'string' ? code : 'unknown error'}). Try again or choose another drive.`,
      );
  }
}

export function toErr(error: FileOperationError): Err<FileErrorCode> {
  return err(error.code, error.message);
}
