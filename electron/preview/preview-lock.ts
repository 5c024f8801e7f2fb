import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export const LOCK_FILE_NAME = 'casebridge-preview.lock';

export type PreviewLock = { release(): Promise<void> };

/** A second preview on the same data folder: the lock holder's process id, for the message. */
export class PreviewAlreadyRunning extends Error {
  constructor(readonly pid: number) {
    super(`Casebridge preview is already running (process ${pid}).`);
  }
}

/**
 * One preview per data folder, as the desktop shell's single-instance lock: two browsers must never write the same
 * IndexedDB. The lock file holds the owner's process id; a lock left by a process that no longer runs is taken over.
 */
export async function takePreviewLock(
  folder: string,
  pid: number = process.pid,
  isRunning: (pid: number) => boolean = processIsRunning,
): Promise<PreviewLock> {
  await mkdir(folder, { recursive: true });
  const path = join(folder, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const file = await open(path, 'wx');
      await file.writeFile(`${pid}\n`);
      await file.sync();
      await file.close();
      return { release: () => rm(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) throw new PreviewAlreadyRunning(owner);
      await rm(path, { force: true }); // left behind by a preview that crashed
    }
  }
  throw new Error(`Casebridge could not take the preview lock ${path}. Remove the file if no preview is running.`);
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
