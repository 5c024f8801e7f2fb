import { constants } from 'node:fs';
import { access, readFile, readdir, realpath, statfs, lstat } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { posix, win32 } from 'node:path';

/** The few system calls volume detection needs; injected so tests run on fixture trees. */
export type VolumeProbe = {
  readText(path: string): Promise<string | null>;
  realpath(path: string): Promise<string | null>;
  listDir(path: string): Promise<string[]>;
  isSymlink(path: string): Promise<boolean>;
  space(path: string): Promise<{ totalBytes: number; freeBytes: number } | null>;
  canWrite(path: string): Promise<boolean>;
  run(command: string, args: readonly string[], timeoutMs: number): Promise<string | null>;
};

export const nodeVolumeProbe: VolumeProbe = {
  readText: (path) => readFile(path, 'utf8').catch(() => null),
  realpath: (path) => realpath(path).catch(() => null),
  listDir: (path) => readdir(path).catch(() => []),
  isSymlink: (path) =>
    lstat(path).then(
      (s) => s.isSymbolicLink(),
      () => false,
    ),
  space: (path) =>
    statfs(path).then(
      (s) => ({ totalBytes: s.blocks * s.bsize, freeBytes: s.bavail * s.bsize }),
      () => null,
    ),
  canWrite: (path) =>
    access(path, constants.W_OK).then(
      () => true,
      () => false,
    ),
  // Only absolute paths: a bare name would be resolved through the search path (and, on Windows, the current folder).
  run: (command, args, timeoutMs) =>
    new Promise((resolve) => {
      if (!posix.isAbsolute(command) && !win32.isAbsolute(command)) {
        resolve(null);
        return;
      }
      execFile(command, [...args], { timeout: timeoutMs, windowsHide: true }, (error, stdout) =>
        resolve(error ? null : stdout),
      );
    }),
};
