import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as FsPromises from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The order of the file system calls an atomic write makes. A crash test cannot show a missing fsync (the page cache
 * survives a killed process), so the real calls are recorded here: data, then fsync of the file, then close, then
 * the rename, then fsync of the folder that holds the new name.
 */
const calls: string[] = [];

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const label = (path: unknown) =>
    String(path).endsWith('.partial') ? 'temp' : String(path).endsWith('.cbundle') ? 'target' : 'other';
  return {
    ...real,
    open: async (...args: Parameters<typeof real.open>) => {
      const handle = await real.open(...args);
      const what = (await real.stat(args[0])).isDirectory() ? 'folder' : label(args[0]);
      calls.push(`open ${what}`);
      return new Proxy(handle, {
        get(target, property, receiver) {
          const value: unknown = Reflect.get(target, property, receiver);
          if (typeof value !== 'function' || !['write', 'sync', 'close'].includes(String(property))) return value;
          return (...callArgs: unknown[]) => {
            calls.push(`${String(property)} ${what}`);
            return Reflect.apply(value as (...a: unknown[]) => unknown, target, callArgs);
          };
        },
      });
    },
    rename: async (...args: Parameters<typeof real.rename>) => {
      calls.push('rename');
      return real.rename(...args);
    },
  };
});

const { writeFileAtomically } = await import('../../../electron/main/handlers/files/write-file-atomically');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'casebridge-order-'));
  calls.length = 0;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('atomic write: the order of file system calls', () => {
  it('writes, fsyncs and closes the temp file, renames it, fsyncs the folder, then reads the file back', async () => {
    const data = randomBytes(100);
    async function* chunks() {
      yield data.subarray(0, 60);
      yield data.subarray(60);
    }
    await writeFileAtomically({ targetPath: join(dir, 'a.cbundle'), chunks: chunks(), expectedBytes: 100 });
    const expected = ['open temp', 'write temp', 'write temp', 'sync temp', 'close temp', 'rename'];
    if (process.platform !== 'win32') expected.push('open folder', 'sync folder', 'close folder');
    expected.push('open target', 'close target');
    expect(calls).toEqual(expected);
  });
});
