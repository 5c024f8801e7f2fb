import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, open, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomically } from '../../../electron/main/handlers/files/write-file-atomically';

/**
 * A second, independent look at durability (atomic-write-order.test.ts records the call order through a module
 * mock): here the real FileHandle.sync is watched, and at each fsync the test looks at the disk itself. The data must
 * be complete in the temp file and fsynced before the finished name exists, and the folder fsynced after it does.
 */
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'casebridge-durable-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

describe('atomic write: what is on disk at each fsync', () => {
  it('fsyncs the complete temp file before the rename, and the folder after it', async () => {
    const probe = await open(join(dir, 'probe'), 'w');
    const prototype = Object.getPrototypeOf(probe) as { sync(): Promise<void> };
    await probe.close();
    const target = join(dir, 'case.cbundle');
    const seen: { targetExists: boolean; tempBytes: number[] }[] = [];
    const realSync = prototype.sync;
    vi.spyOn(prototype, 'sync').mockImplementation(async function (this: unknown) {
      const names = await readdir(dir);
      const temps = names.filter((name) => name.endsWith('.partial'));
      const sizes = await Promise.all(temps.map(async (name) => (await stat(join(dir, name))).size));
      seen.push({ targetExists: existsSync(target), tempBytes: sizes });
      return realSync.call(this);
    });
    const data = randomBytes(5000);
    async function* chunks() {
      yield data.subarray(0, 2000);
      yield data.subarray(2000);
    }
    await writeFileAtomically({ targetPath: target, chunks: chunks(), expectedBytes: 5000 });
    expect(seen[0]).toEqual({ targetExists: false, tempBytes: [5000] });
    if (process.platform !== 'win32') expect(seen.at(-1)).toEqual({ targetExists: true, tempBytes: [] });
    expect(seen.length).toBeGreaterThanOrEqual(process.platform === 'win32' ? 1 : 2);
  });
});
