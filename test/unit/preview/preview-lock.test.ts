import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME, PreviewAlreadyRunning, takePreviewLock } from '../../../electron/preview/preview-lock';

let folder = '';
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'casebridge-lock-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('the preview lock: one preview per data folder', () => {
  it('writes the owner process id and removes the file on release', async () => {
    const lock = await takePreviewLock(folder, 4242, () => true);
    expect(await readFile(join(folder, LOCK_FILE_NAME), 'utf8')).toBe('4242\n');
    await lock.release();
    expect(existsSync(join(folder, LOCK_FILE_NAME))).toBe(false);
  });

  it('refuses a second preview while the owner runs, naming it', async () => {
    await takePreviewLock(folder, 4242, () => true);
    const second = takePreviewLock(folder, 5151, (pid) => pid === 4242);
    await expect(second).rejects.toBeInstanceOf(PreviewAlreadyRunning);
    await expect(takePreviewLock(folder, 5151, (pid) => pid === 4242)).rejects.toThrow(/process 4242/);
  });

  it('takes over a lock left by a preview that no longer runs, or an unreadable one', async () => {
    await writeFile(join(folder, LOCK_FILE_NAME), '999999\n');
    await takePreviewLock(folder, 5151, () => false);
    expect(await readFile(join(folder, LOCK_FILE_NAME), 'utf8')).toBe('5151\n');
    await writeFile(join(folder, LOCK_FILE_NAME), 'garbage');
    await takePreviewLock(folder, 6161, () => true);
    expect(await readFile(join(folder, LOCK_FILE_NAME), 'utf8')).toBe('6161\n');
  });

  it('creates the data folder on first use', async () => {
    const lock = await takePreviewLock(join(folder, 'new', 'Casebridge-preview'), 7, () => true);
    expect(existsSync(join(folder, 'new', 'Casebridge-preview', LOCK_FILE_NAME))).toBe(true);
    await lock.release();
  });
});
