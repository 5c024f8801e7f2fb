import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect } from '@playwright/test';
import { startPreview, type PreviewOptions } from '../../electron/preview/start-preview';
import { LOCK_FILE_NAME } from '../../electron/preview/preview-lock';
import { chromiumPath } from '../support/chromium-path';
import { VaultPage } from './pages/VaultPage';

// The preview that `npm start` falls back to where Electron cannot run: the launcher as a user starts it (a child
// process), and the same start-up in this process where the test drives the window.
const root = resolve(import.meta.dirname, '../..');
const launcher = join(root, 'out/preview/casebridge-preview.js');

test.describe.configure({ timeout: 120_000 });

let dataFolder = '';
test.beforeEach(async () => {
  dataFolder = await mkdtemp(join(tmpdir(), 'casebridge-preview-'));
});
test.afterEach(async () => {
  await rm(dataFolder, { recursive: true, force: true });
});

function options(): PreviewOptions {
  return {
    chromiumPath: chromiumPath(),
    dataFolder,
    rendererRoot: join(root, 'out/renderer'),
    pageBridgePath: join(root, 'out/preview/page-bridge.js'),
    version: '0.1.0',
    headless: true,
  };
}

/** Runs the built launcher as `npm start -- --preview` does, headless, on this test's data folder. */
function launch() {
  const child = spawn(process.execPath, [launcher], {
    cwd: root,
    env: { ...process.env, CASEBRIDGE_PREVIEW_DATA: dataFolder, CASEBRIDGE_PREVIEW_HEADLESS: '1' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, exited, output: () => output };
}

test('the preview opens the app, says what it is, keeps its data across a restart and refuses the network', async () => {
  const first = await startPreview(options());
  const vault = new VaultPage(first.page);
  await expect(vault.heading('Set up Casebridge')).toBeVisible();
  await expect(first.page.getByTestId('preview-banner')).toHaveText('Preview — not the hardened desktop shell');
  await expect(first.page).toHaveTitle('Casebridge — Preview — not the hardened desktop shell');
  await first.page.screenshot({ path: 'test-results/screenshots/preview-first-run.png' });
  await vault.createVault({ officeName: 'Preview Office, Lisbon', jurisdiction: 'PT' });
  await vault.expectUnlocked();
  await expect(first.page.getByTestId('office-name')).toHaveText('Preview Office, Lisbon');
  const fetched = await first.page.evaluate(() =>
    fetch('https://example.org/').then(
      () => 'reached',
      () => 'refused',
    ),
  );
  expect(fetched).toBe('refused');
  // Native dialogs are a window of the launcher's own: a wrong path is explained, a right one is granted.
  const dialogOpens = first.context.waitForEvent('page');
  const chosen = first.page.evaluate(() =>
    (
      window as Window & { casebridge: { exchange: { chooseFolder(): Promise<unknown> } } }
    ).casebridge.exchange.chooseFolder(),
  );
  const dialog = await dialogOpens;
  await expect(dialog.getByRole('heading', { name: 'Choose where to save the bundle' })).toBeVisible();
  await dialog.getByLabel(/Full path of a folder/).fill(join(dataFolder, 'no-such-folder'));
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/That is not a folder on this computer/);
  await dialog.getByLabel(/Full path of a folder/).fill(dataFolder);
  await dialog.getByRole('button', { name: 'OK' }).click();
  expect(await chosen).toMatchObject({ ok: true, value: { folderToken: expect.any(String), path: dataFolder } });
  expect(dialog.isClosed()).toBe(true);
  // The lock file names this process; a second launch on the same data is refused with a message.
  expect((await readFile(join(dataFolder, LOCK_FILE_NAME), 'utf8')).trim()).toBe(String(process.pid));
  const second = launch();
  expect(await second.exited).toBe(2);
  expect(second.output()).toMatch(/already running on this data folder \(process \d+\)/);
  await first.close();
  expect(existsSync(join(dataFolder, LOCK_FILE_NAME))).toBe(false);

  // A restart opens the same profile: the vault is there, locked, and the same office unlocks.
  const again = await startPreview(options());
  const reopened = new VaultPage(again.page);
  await reopened.expectLocked();
  await reopened.unlock();
  await reopened.expectUnlocked();
  await expect(again.page.getByTestId('office-name')).toHaveText('Preview Office, Lisbon');
  await again.close();
});

test('the launcher runs as a child process, holds the lock while it runs, and Ctrl-C ends it cleanly', async () => {
  const run = launch();
  await expect.poll(run.output, { timeout: 60_000 }).toMatch(/Window open/);
  expect(run.output()).toMatch(/Casebridge preview — not the hardened desktop shell/);
  expect(existsSync(join(dataFolder, LOCK_FILE_NAME))).toBe(true);
  await expect(startPreview(options())).rejects.toThrow(/already running/);
  run.child.kill('SIGINT');
  expect(await run.exited).toBe(0);
  expect(run.output()).toMatch(/Casebridge preview closed/);
  expect(existsSync(join(dataFolder, LOCK_FILE_NAME))).toBe(false);
});
