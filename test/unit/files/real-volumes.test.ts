import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileOperationError } from '../../../electron/main/handlers/files/file-errors';
import { writeFileAtomically } from '../../../electron/main/handlers/files/write-file-atomically';

// Real small file systems stand in for a full or write-protected USB stick. Mounting needs root (CI runs as
// root); elsewhere these tests are reported as skipped with this reason.
function tryMount(options: string): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const point = execFileSync('mktemp', ['-d', join(tmpdir(), 'casebridge-vol-XXXXXX')], { encoding: 'utf8' }).trim();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', point], { stdio: 'ignore' });
    return point;
  } catch {
    return null;
  }
}
const canMount = (() => {
  const point = tryMount('size=64k');
  if (point === null) return false;
  execFileSync('umount', [point]);
  return true;
})();

const mounted: string[] = [];
afterEach(async () => {
  for (const point of mounted.splice(0)) {
    try {
      execFileSync('umount', ['-l', point], { stdio: 'ignore' });
    } catch {
      // already unmounted by the test itself
    }
    await rm(point, { recursive: true, force: true });
  }
});
function mount(options: string): string {
  const point = tryMount(options);
  if (point === null) throw new Error('mount failed');
  mounted.push(point);
  return point;
}
async function* chunksOf(data: Uint8Array) {
  for (let i = 0; i < data.length; i += 64 * 1024) yield data.subarray(i, i + 64 * 1024);
}
async function codeOf(promise: Promise<unknown>) {
  return promise.then(
    () => 'ok',
    (e: unknown) => (e instanceof FileOperationError ? e.code : String(e)),
  );
}

describe.skipIf(!canMount)('real volumes (tmpfs; skipped unless root can mount)', () => {
  it('refuses up front when the bundle cannot fit, writing nothing', async () => {
    const stick = mount('size=1m');
    const data = randomBytes(2 * 1024 * 1024);
    expect(
      await codeOf(
        writeFileAtomically({
          targetPath: join(stick, 'b.cbundle'),
          chunks: chunksOf(data),
          expectedBytes: data.length,
        }),
      ),
    ).toBe('volume-full');
    expect(await readdir(stick)).toEqual([]);
  });

  it('reports a drive that fills up during the write and leaves no file behind', async () => {
    const stick = mount('size=1m');
    const data = randomBytes(600 * 1024);
    const code = await codeOf(
      writeFileAtomically({
        targetPath: join(stick, 'b.cbundle'),
        chunks: chunksOf(data),
        expectedBytes: data.length,
        // someone else fills the stick after our free-space check
        afterStep: async (step) => {
          if (step === 'temp-created')
            await writeFile(join(stick, 'other.bin'), randomBytes(700 * 1024)).catch(() => undefined);
        },
      }),
    );
    expect(code).toBe('volume-full');
    expect((await readdir(stick)).filter((n) => n !== 'other.bin')).toEqual([]);
  });

  it('reports a write-protected drive', async () => {
    const stick = mount('size=1m,ro');
    expect(
      await codeOf(
        writeFileAtomically({
          targetPath: join(stick, 'b.cbundle'),
          chunks: chunksOf(randomBytes(10)),
          expectedBytes: 10,
        }),
      ),
    ).toBe('read-only');
  });

  it('reports a drive unmounted mid-write and leaves no valid-looking file', async () => {
    const stick = mount('size=4m');
    const data = randomBytes(1024 * 1024);
    const code = await codeOf(
      writeFileAtomically({
        targetPath: join(stick, 'b.cbundle'),
        chunks: chunksOf(data),
        expectedBytes: data.length,
        afterStep: (step) => {
          if (step === 'file-synced') execFileSync('umount', ['-l', stick]);
        },
      }),
    );
    expect(['volume-gone', 'verify-failed']).toContain(code);
    expect(await readdir(stick)).toEqual([]); // the mount point folder underneath is empty
  });
});
