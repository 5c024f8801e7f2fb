import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExchangeHandlers } from '../../../electron/main/handlers/exchange/create-exchange-handlers';
import { readFileBounded } from '../../../electron/main/handlers/files/bundle-files';
import { FileOperationError } from '../../../electron/main/handlers/files/file-errors';
import { createPathGrants } from '../../../electron/main/handlers/files/path-grants';

// R9: a stick can carry links and special files under bundle names (evil.cbundle → /etc/hostname). Granted folders
// and files are used only as regular files: a link is never followed, listed, read, archived or overwritten.
let root: string;
let stick: string;
let secret: string;
let picked: string | null;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'casebridge-links-'));
  stick = join(root, 'stick');
  await mkdir(stick);
  secret = join(root, 'secret.txt');
  await writeFile(secret, 'the host name');
  picked = null;
});
afterEach(() => rm(root, { recursive: true, force: true }));

const handlers = () =>
  createExchangeHandlers({
    grants: createPathGrants(),
    dialogs: { chooseFolder: async () => stick, chooseBundleFile: async () => picked },
    listVolumes: async () => [],
  });
type Handlers = ReturnType<typeof handlers>;
const value = <T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};
async function listNames(h: Handlers) {
  const folder = value(await h['exchange.chooseFolder'](undefined));
  return value(await h['exchange.listBundles']({ folderToken: folder?.folderToken ?? '' }));
}
/**
 * These make links and FIFOs, which need a POSIX system. On Windows the `lstat` check is the guard; there each test is
 * skipped with that reason, which the reporter prints.
 */
const posixOnly = (name: string, body: () => Promise<void>) =>
  it(name, async (context) => {
    context.skip(
      process.platform === 'win32',
      'needs POSIX symbolic links and FIFOs (mkfifo); on Windows the lstat check is the guard',
    );
    await body();
  });

describe('links and special files on a granted drive (R9)', () => {
  posixOnly('lists only regular files: a link or a FIFO under a bundle name is left out', async () => {
    await writeFile(join(stick, 'real.cbundle'), 'bundle');
    await symlink(secret, join(stick, 'evil.cbundle'));
    execFileSync('mkfifo', [join(stick, 'pipe.cbundle')]);
    expect((await listNames(handlers())).map((f) => f.name)).toEqual(['real.cbundle']);
  });

  posixOnly('refuses a link picked in the file dialog, without reading what it points to', async () => {
    await symlink(secret, join(stick, 'evil.cbundle'));
    picked = join(stick, 'evil.cbundle');
    const result = await handlers()['exchange.chooseBundleFile'](undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(result.ok ? '' : result.error.message).toMatch(/not a regular file/);
  });

  posixOnly('refuses a listed bundle that was swapped for a link before it was opened', async () => {
    await writeFile(join(stick, 'request.cbundle'), 'bundle');
    const h = handlers();
    const [file] = await listNames(h);
    await rm(join(stick, 'request.cbundle'));
    await symlink(secret, join(stick, 'request.cbundle'));
    expect(await h['exchange.openBundle']({ fileToken: file?.fileToken ?? '' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  posixOnly('streams no byte through a link', async () => {
    await symlink(secret, join(stick, 'late.cbundle'));
    const chunks: Uint8Array[] = [];
    const read = async () => {
      for await (const chunk of readFileBounded(join(stick, 'late.cbundle'), 1024)) chunks.push(chunk);
    };
    await expect(read()).rejects.toThrow(FileOperationError);
    expect(chunks).toEqual([]);
  });

  posixOnly('never blocks on a FIFO named like a bundle', async () => {
    execFileSync('mkfifo', [join(stick, 'pipe.cbundle')]);
    await expect(readFileBounded(join(stick, 'pipe.cbundle'), 1024).next()).rejects.toThrow(/not a regular file/);
  });

  posixOnly('does not archive a listed bundle that was swapped for a link', async () => {
    await writeFile(join(stick, 'request.cbundle'), 'bundle');
    const h = handlers();
    const [file] = await listNames(h);
    await rm(join(stick, 'request.cbundle'));
    await symlink(secret, join(stick, 'request.cbundle'));
    expect(await h['exchange.archiveBundle']({ fileToken: file?.fileToken ?? '' })).toMatchObject({ ok: false });
    expect(await readlink(join(stick, 'request.cbundle'))).toBe(secret);
    expect(await readdir(join(stick))).not.toContain('casebridge-archive');
  });

  posixOnly(
    'treats a dangling link under the export name as an existing file: nothing replaced or created',
    async () => {
      const target = join(root, 'elsewhere.cbundle');
      await symlink(target, join(stick, 'out.cbundle'));
      const h = handlers();
      const folder = value(await h['exchange.chooseFolder'](undefined));
      const result = await h['exchange.beginExport']({
        folderToken: folder?.folderToken ?? '',
        fileName: 'out.cbundle',
        bytes: 3,
        hashHex: '00'.repeat(64),
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'already-exists' } });
      expect(await readlink(join(stick, 'out.cbundle'))).toBe(target);
      expect(await readdir(root)).not.toContain('elsewhere.cbundle');
    },
  );
});
