import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { createHandlers } from '../../../electron/main/ipc/create-handlers';
import { nodeVolumeProbe, type VolumeProbe } from '../../../electron/main/handlers/media/volume-probe';
import { pageBridgePath } from '../../../electron/bridge/build-page-bridge';
import { connectPlaywrightShell } from '../../../electron/bridge/playwright-shell';
import { VaultPage } from '../pages/VaultPage';
import { rendererRoots, type RendererBuild } from './renderer-builds';

/** The test page's origin. It stands for app://casebridge: requests to it reach the app's own protocol handler. */
export const TEST_ORIGIN = 'https://casebridge.test';
const version = JSON.parse(await readFile(resolve(import.meta.dirname, '../../../package.json'), 'utf8'))
  .version as string;

export type ShellOptions = { readonly volumeProbe?: VolumeProbe; readonly build?: RendererBuild };

/** Stands in for the native dialogs: a test sets what the user "picks" next (null = cancelled). */
export type ScriptedDialogs = { nextFolder: string | null; nextBundleFile: string | null; nextSavePath: string | null };

/**
 * A fresh "installation": its own browser context (empty IndexedDB), its own data folder, and the desktop shell's
 * own wiring (protocol handler, session policies, IPC registration with its sender check) around the real
 * main-process handlers behind window.casebridge. Only the native dialogs and the PDF printer are stand-ins.
 */
export async function openShell(context: BrowserContext, options: ShellOptions = {}) {
  const dataFolder = await mkdtemp(join(tmpdir(), 'casebridge-e2e-'));
  const dialogs: ScriptedDialogs = { nextFolder: null, nextBundleFile: null, nextSavePath: null };
  // The page does not exist yet when the handlers are built; the PDF printer looks it up when called.
  const printed: { page?: Page } = {};
  const handlers = createHandlers({
    app: { name: 'Casebridge', version, platform: process.platform, dataFolder, shell: 'test-harness' },
    volumeProbe: options.volumeProbe ?? nodeVolumeProbe,
    dialogs: {
      chooseFolder: async () => dialogs.nextFolder,
      chooseBundleFile: async () => dialogs.nextBundleFile,
    },
    documents: {
      chooseSavePath: async () => dialogs.nextSavePath,
      // Headless Chromium's PDF printer stands in for Electron's printToPDF: same print CSS, real PDF.
      printToPdf: async () => {
        if (!printed.page) throw new Error('No page to print.');
        return new Uint8Array(await printed.page.pdf({ format: 'A4', printBackground: true }));
      },
    },
  });
  const wiring = await connectPlaywrightShell(context, {
    rendererRoot: rendererRoots[options.build ?? 'e2e'],
    pageOrigin: TEST_ORIGIN,
    handlers,
    pageBridgePath,
  });
  const page = await context.newPage();
  printed.page = page;
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  return {
    page,
    dataFolder,
    dialogs,
    wiring,
    problems,
    /** Opens the app as the desktop shell does at start-up. */
    load: (path?: string) => wiring.load(page, path),
    /** Reloads the window as the shell would (a restart of the page, with the same data). */
    reload: () => wiring.reload(page),
    /** The machine sleeps or its screen locks. */
    systemLock: () => wiring.systemLock(page),
    async close() {
      await rm(dataFolder, { recursive: true, force: true });
    },
  };
}

export type Shell = Awaited<ReturnType<typeof openShell>>;

type Fixtures = { build: RendererBuild; shell: Shell; app: Page };

export const test = base.extend<Fixtures>({
  // `test.use({ build: 'shipped' })` runs a spec against the packaged build, production KDF and all.
  build: ['e2e', { option: true }],
  shell: async ({ context, build }, use) => {
    const shell = await openShell(context, { build });
    await use(shell);
    await shell.close();
  },
  // A fresh installation starts at the vault's first run; the shell specs need an unlocked app.
  app: async ({ shell }, use) => {
    await shell.load();
    await new VaultPage(shell.page).createVault();
    await use(shell.page);
  },
});

export { expect };
