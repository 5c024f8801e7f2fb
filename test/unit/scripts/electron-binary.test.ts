import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executableIn, locateElectron, missingElectronMessage } from '../../../scripts/electron-binary.mjs';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'casebridge-electron-bin-'));
  await mkdir(join(root, 'node_modules/electron'), { recursive: true });
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('locating the Electron binary', () => {
  it('reports a missing runtime with both ways out', () => {
    const found = locateElectron({ root, env: {} });
    expect(found.missing).toMatch(/not been downloaded/);
    const message = missingElectronMessage(found.missing ?? '');
    expect(message).toMatch(/network connection/);
    expect(message).toMatch(/ELECTRON_OVERRIDE_DIST_PATH=/);
  });

  it('finds the downloaded runtime through path.txt', async () => {
    await writeFile(join(root, 'node_modules/electron/path.txt'), 'electron');
    await mkdir(join(root, 'node_modules/electron/dist'));
    await writeFile(join(root, 'node_modules/electron/dist/electron'), '');
    expect(locateElectron({ root, env: {}, platform: 'linux' }).path).toBe(
      join(root, 'node_modules/electron/dist/electron'),
    );
  });

  it('prefers ELECTRON_OVERRIDE_DIST_PATH and says when it is wrong', async () => {
    const dist = join(root, 'unpacked');
    expect(locateElectron({ root, env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, platform: 'linux' }).missing).toMatch(
      /holds no Electron executable/,
    );
    await mkdir(dist);
    await writeFile(executableIn(dist, 'linux'), '');
    expect(locateElectron({ root, env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, platform: 'linux' }).path).toBe(
      join(dist, 'electron'),
    );
    expect(executableIn(dist, 'win32')).toBe(join(dist, 'electron.exe'));
    expect(executableIn(dist, 'darwin')).toMatch(/Electron\.app\/Contents\/MacOS\/Electron$/);
  });

  it('npm start -- --electron stops with one clear message where the binary is missing (no fallback)', () => {
    const repo = resolve(import.meta.dirname, '../../..');
    const run = spawnSync(process.execPath, [join(repo, 'scripts/start.mjs'), '--electron'], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(root, 'nowhere') },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Casebridge cannot start the desktop shell: ELECTRON_OVERRIDE_DIST_PATH is set/);
    expect(run.stderr).toMatch(/Two ways out/);
    expect(run.stdout).not.toMatch(/preview/);
  });

  it('refuses --electron and --preview together', () => {
    const repo = resolve(import.meta.dirname, '../../..');
    const run = spawnSync(process.execPath, [join(repo, 'scripts/start.mjs'), '--electron', '--preview'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/choose --electron or --preview, not both/);
  });
});
