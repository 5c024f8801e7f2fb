import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExchangeHandlers } from '../../../electron/main/handlers/exchange/create-exchange-handlers';
import { createPathGrants } from '../../../electron/main/handlers/files/path-grants';
import type { RemovableVolume } from '@shared/ipc/contract';

let dir: string;
let picked: { folder: string | null; file: string | null };
let volumes: RemovableVolume[];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'casebridge-exchange-'));
  picked = { folder: dir, file: null };
  volumes = [];
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const handlers = () =>
  createExchangeHandlers({
    grants: createPathGrants(),
    dialogs: { chooseFolder: async () => picked.folder, chooseBundleFile: async () => picked.file },
    listVolumes: async () => volumes,
    maxBundleBytes: 10 * 1024 * 1024,
  });
const value = <T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};
const blake = (data: Uint8Array) => createHash('blake2b512').update(data).digest('hex');

describe('exchange handlers', () => {
  it('exports a bundle in chunks to a folder the user picked, then imports it back in chunks', async () => {
    const h = handlers();
    const folder = value(await h['exchange.chooseFolder'](undefined));
    expect(folder?.path).toBe(dir);
    const data = new Uint8Array(randomBytes(2_500_000));
    const { exportId } = value(
      await h['exchange.beginExport']({
        folderToken: folder?.folderToken ?? '',
        fileName: 'req-1.cbundle',
        bytes: data.length,
        hashHex: blake(data),
      }),
    );
    let written = 0;
    for (let i = 0; i < data.length; i += 1024 * 1024) {
      written = value(
        await h['exchange.writeChunk']({ exportId, chunk: data.subarray(i, i + 1024 * 1024) }),
      ).writtenBytes;
    }
    expect(written).toBe(data.length);
    const result = value(await h['exchange.finishExport']({ exportId }));
    expect(result).toEqual({ path: join(dir, 'req-1.cbundle'), bytes: data.length, hashHex: blake(data) });

    const [file] = value(await h['exchange.listBundles']({ folderToken: folder?.folderToken ?? '' }));
    expect(file).toMatchObject({ name: 'req-1.cbundle', bytes: data.length });
    const { readId, bytes } = value(await h['exchange.openBundle']({ fileToken: file?.fileToken ?? '' }));
    expect(bytes).toBe(data.length);
    const parts: Uint8Array[] = [];
    for (;;) {
      const { chunk } = value(await h['exchange.readChunk']({ readId }));
      if (chunk === null) break;
      parts.push(chunk);
    }
    expect(Buffer.compare(Buffer.concat(parts), data)).toBe(0);
  });

  it('refuses tokens it did not hand out, and sessions that do not exist', async () => {
    const h = handlers();
    const fake = 'a'.repeat(32);
    expect(await h['exchange.listBundles']({ folderToken: fake })).toMatchObject({
      ok: false,
      error: { code: 'not-granted' },
    });
    expect(await h['exchange.openBundle']({ fileToken: fake })).toMatchObject({
      ok: false,
      error: { code: 'not-granted' },
    });
    expect(await h['exchange.readChunk']({ readId: fake })).toMatchObject({
      ok: false,
      error: { code: 'unknown-session' },
    });
    expect(await h['exchange.writeChunk']({ exportId: fake, chunk: new Uint8Array(1) })).toMatchObject({
      ok: false,
      error: { code: 'unknown-session' },
    });
  });

  it('a folder token is not a file token', async () => {
    const h = handlers();
    const folder = value(await h['exchange.chooseFolder'](undefined));
    expect(await h['exchange.openBundle']({ fileToken: folder?.folderToken ?? '' })).toMatchObject({
      ok: false,
      error: { code: 'not-granted' },
    });
  });

  it('returns null when the user cancels a dialog', async () => {
    picked = { folder: null, file: null };
    const h = handlers();
    expect(value(await h['exchange.chooseFolder'](undefined))).toBeNull();
    expect(value(await h['exchange.chooseBundleFile'](undefined))).toBeNull();
  });

  it('reports an existing file at begin, before any chunk is sent', async () => {
    await writeFile(join(dir, 'req-1.cbundle'), 'x');
    const h = handlers();
    const folder = value(await h['exchange.chooseFolder'](undefined));
    const result = await h['exchange.beginExport']({
      folderToken: folder?.folderToken ?? '',
      fileName: 'req-1.cbundle',
      bytes: 10,
      hashHex: '0'.repeat(128),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'already-exists' } });
  });

  it('a failed verification ends the session and leaves nothing', async () => {
    const h = handlers();
    const folder = value(await h['exchange.chooseFolder'](undefined));
    const { exportId } = value(
      await h['exchange.beginExport']({
        folderToken: folder?.folderToken ?? '',
        fileName: 'x.cbundle',
        bytes: 4,
        hashHex: '0'.repeat(128),
      }),
    );
    value(await h['exchange.writeChunk']({ exportId, chunk: new Uint8Array([1, 2, 3, 4]) }));
    expect(await h['exchange.finishExport']({ exportId })).toMatchObject({
      ok: false,
      error: { code: 'verify-failed' },
    });
    expect(await readdir(dir)).toEqual([]);
    expect(await h['exchange.finishExport']({ exportId })).toMatchObject({
      ok: false,
      error: { code: 'unknown-session' },
    });
  });

  it('cancel leaves nothing on the drive', async () => {
    const h = handlers();
    const folder = value(await h['exchange.chooseFolder'](undefined));
    const { exportId } = value(
      await h['exchange.beginExport']({
        folderToken: folder?.folderToken ?? '',
        fileName: 'x.cbundle',
        bytes: 100,
        hashHex: '0'.repeat(128),
      }),
    );
    value(await h['exchange.writeChunk']({ exportId, chunk: new Uint8Array(50) }));
    expect(value(await h['exchange.cancelExport']({ exportId }))).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it('grants a removable drive only while it is mounted', async () => {
    const h = handlers();
    expect(await h['exchange.useVolume']({ mountPoint: dir })).toMatchObject({
      ok: false,
      error: { code: 'volume-gone' },
    });
    volumes = [
      {
        mountPoint: dir,
        label: 'STICK',
        device: '/dev/sdb1',
        fileSystem: 'vfat',
        totalBytes: 1,
        freeBytes: 1,
        writable: true,
      },
    ];
    const granted = value(await h['exchange.useVolume']({ mountPoint: dir }));
    expect(granted.path).toBe(dir);
    expect(value(await h['exchange.listBundles']({ folderToken: granted.folderToken }))).toEqual([]);
  });

  it('refuses a file larger than any bundle before reading it', async () => {
    await writeFile(join(dir, 'big.cbundle'), new Uint8Array(10 * 1024 * 1024 + 1));
    picked.file = join(dir, 'big.cbundle');
    const h = handlers();
    const file = value(await h['exchange.chooseBundleFile'](undefined));
    expect(await h['exchange.openBundle']({ fileToken: file?.fileToken ?? '' })).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
    expect((await readFile(join(dir, 'big.cbundle'))).length).toBe(10 * 1024 * 1024 + 1);
  });
});
