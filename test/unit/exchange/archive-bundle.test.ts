import { mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExchangeHandlers } from '../../../electron/main/handlers/exchange/create-exchange-handlers';
import { archiveNameCandidate } from '../../../electron/main/handlers/files/archive-bundle-file';
import { createPathGrants } from '../../../electron/main/handlers/files/path-grants';
import { ipcContract, type RemovableVolume } from '@shared/ipc/contract';

/** A temp folder stands for the stick; the handlers are the real ones, the drive is granted as the app does it. */
let root: string;
let stick: string;
let picked: string | null;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'casebridge-archive-'));
  stick = join(root, 'stick');
  await mkdir(stick);
  picked = null;
});
afterEach(() => rm(root, { recursive: true, force: true }));

const volume = (): RemovableVolume => ({
  mountPoint: stick,
  label: 'STICK',
  device: '/dev/sdb1',
  fileSystem: 'vfat',
  totalBytes: 1,
  freeBytes: 1,
  writable: true,
});
const handlers = () =>
  createExchangeHandlers({
    grants: createPathGrants(),
    dialogs: { chooseFolder: async () => null, chooseBundleFile: async () => picked },
    listVolumes: async () => [volume()],
  });
type Handlers = ReturnType<typeof handlers>;
const value = <T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

/** Grants the stick as "Look on STICK" does and lists its bundles; returns the token of `name`. */
async function listed(h: Handlers, name: string): Promise<string> {
  const { folderToken } = value(await h['exchange.useVolume']({ mountPoint: stick }));
  const files = value(await h['exchange.listBundles']({ folderToken }));
  const file = files.find((f) => f.name === name);
  if (!file) throw new Error(`${name} not listed`);
  return file.fileToken;
}

const archiveDir = () => join(stick, 'casebridge-archive');

describe('exchange.archiveBundle', () => {
  it('moves a listed bundle into casebridge-archive/ (created when missing), bytes unchanged, out of the listing', async () => {
    await writeFile(join(stick, 'request-1.cbundle'), 'request bytes');
    await writeFile(join(stick, 'receipt-2.cbundle'), 'receipt bytes');
    const h = handlers();
    const token = await listed(h, 'request-1.cbundle');
    expect(value(await h['exchange.archiveBundle']({ fileToken: token }))).toEqual({
      name: 'request-1.cbundle',
      relativePath: 'casebridge-archive/request-1.cbundle',
    });
    expect(await readFile(join(archiveDir(), 'request-1.cbundle'), 'utf8')).toBe('request bytes');
    expect((await readdir(stick)).sort()).toEqual(['casebridge-archive', 'receipt-2.cbundle']);
    // The archive folder is not part of the inbox: a new listing shows only what is left.
    const { folderToken } = value(await h['exchange.useVolume']({ mountPoint: stick }));
    expect(value(await h['exchange.listBundles']({ folderToken })).map((f) => f.name)).toEqual(['receipt-2.cbundle']);
    // The same token cannot move anything a second time.
    expect(await h['exchange.archiveBundle']({ fileToken: token })).toMatchObject({
      ok: false,
      error: { code: 'not-granted' },
    });
  });

  it('never overwrites an archived file of the same name: it takes " (2)", then " (3)"', async () => {
    await mkdir(archiveDir());
    await writeFile(join(archiveDir(), 'request-1.cbundle'), 'archived earlier');
    const h = handlers();
    await writeFile(join(stick, 'request-1.cbundle'), 'second copy');
    expect(value(await h['exchange.archiveBundle']({ fileToken: await listed(h, 'request-1.cbundle') }))).toEqual({
      name: 'request-1 (2).cbundle',
      relativePath: 'casebridge-archive/request-1 (2).cbundle',
    });
    await writeFile(join(stick, 'request-1.cbundle'), 'third copy');
    expect(value(await h['exchange.archiveBundle']({ fileToken: await listed(h, 'request-1.cbundle') })).name).toBe(
      'request-1 (3).cbundle',
    );
    expect(await readFile(join(archiveDir(), 'request-1.cbundle'), 'utf8')).toBe('archived earlier');
    expect(await readFile(join(archiveDir(), 'request-1 (2).cbundle'), 'utf8')).toBe('second copy');
    expect(await readFile(join(archiveDir(), 'request-1 (3).cbundle'), 'utf8')).toBe('third copy');
    expect(await readdir(stick)).toEqual(['casebridge-archive']);
  });

  it('names numbered copies before the extension', () => {
    expect(archiveNameCandidate('a.cbundle', 1)).toBe('a.cbundle');
    expect(archiveNameCandidate('a.cbundle', 2)).toBe('a (2).cbundle');
    expect(archiveNameCandidate('key card.cbundle', 12)).toBe('key card (12).cbundle');
  });

  it('says the file is gone when it was removed after the listing, and moves nothing', async () => {
    await writeFile(join(stick, 'request-1.cbundle'), 'x');
    const h = handlers();
    const token = await listed(h, 'request-1.cbundle');
    await rm(join(stick, 'request-1.cbundle'));
    const result = await h['exchange.archiveBundle']({ fileToken: token });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(result.ok ? '' : result.error.message).toMatch(
      /request-1\.cbundle is no longer in .* Look on the drive again/,
    );
    expect(await readdir(stick)).toEqual([]);
  });

  it('says the drive was pulled when its folder is gone, and what to do', async () => {
    await writeFile(join(stick, 'request-1.cbundle'), 'x');
    const h = handlers();
    const token = await listed(h, 'request-1.cbundle');
    await rename(stick, join(root, 'pulled'));
    const result = await h['exchange.archiveBundle']({ fileToken: token });
    expect(result).toMatchObject({ ok: false, error: { code: 'volume-gone' } });
    expect(result.ok ? '' : result.error.message).toContain(
      'is no longer available (was the drive removed?). Re-insert it',
    );
    expect(await readdir(join(root, 'pulled'))).toEqual(['request-1.cbundle']);
  });

  it('refuses a file outside a listing: one picked in the dialog, a folder token, a token never handed out', async () => {
    const elsewhere = join(root, 'elsewhere');
    await mkdir(elsewhere);
    await writeFile(join(elsewhere, 'picked.cbundle'), 'x');
    picked = join(elsewhere, 'picked.cbundle');
    const h = handlers();
    const file = value(await h['exchange.chooseBundleFile'](undefined));
    const { folderToken } = value(await h['exchange.useVolume']({ mountPoint: stick }));
    for (const fileToken of [file?.fileToken ?? '', folderToken, 'b'.repeat(32)]) {
      const result = await h['exchange.archiveBundle']({ fileToken });
      expect(result).toMatchObject({ ok: false, error: { code: 'not-granted' } });
      expect(result.ok ? '' : result.error.message).toContain('Look on the drive again');
    }
    expect(await readdir(elsewhere)).toEqual(['picked.cbundle']);
    expect(await readdir(stick)).toEqual([]);
  });

  it('takes only an opaque token over IPC, never a path', () => {
    const input = ipcContract['exchange.archiveBundle'].input;
    expect(input.safeParse({ fileToken: 'c'.repeat(32) }).success).toBe(true);
    for (const fileToken of ['../request-1.cbundle', join(stick, 'request-1.cbundle'), 'C'.repeat(32)])
      expect(input.safeParse({ fileToken }).success).toBe(false);
    expect(input.safeParse({ fileToken: 'c'.repeat(32), path: '/etc' }).data).toEqual({ fileToken: 'c'.repeat(32) });
  });

  it('refuses to follow a link or a file standing where the archive folder belongs', async () => {
    const outside = join(root, 'outside');
    await mkdir(outside);
    await symlink(outside, archiveDir());
    await writeFile(join(stick, 'request-1.cbundle'), 'x');
    const h = handlers();
    const result = await h['exchange.archiveBundle']({ fileToken: await listed(h, 'request-1.cbundle') });
    expect(result).toMatchObject({ ok: false, error: { code: 'already-exists' } });
    expect(result.ok ? '' : result.error.message).toContain('Rename or move that file, then archive again');
    expect(await readdir(outside)).toEqual([]);

    await rm(archiveDir());
    await writeFile(archiveDir(), 'not a folder');
    const again = await h['exchange.archiveBundle']({ fileToken: await listed(h, 'request-1.cbundle') });
    expect(again).toMatchObject({ ok: false, error: { code: 'already-exists' } });
    expect((await readdir(stick)).sort()).toEqual(['casebridge-archive', 'request-1.cbundle']);
  });
});
