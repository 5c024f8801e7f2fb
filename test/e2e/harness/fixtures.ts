import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { createHandlers } from '../../../electron/main/ipc/create-handlers';
import { createIpcRouter } from '../../../electron/main/ipc/create-ipc-router';
import { nodeVolumeProbe, type VolumeProbe } from '../../../electron/main/handlers/media/volume-probe';
import { securityHeaders } from '../../../electron/main/security/content-security-policy';
import { resolveAppFile } from '../../../electron/main/security/resolve-app-file';
import { APP_ORIGIN } from '../../../electron/main/security/app-origin';
import { bridgeBundlePath } from './build-bridge';
import { VaultPage } from '../pages/VaultPage';
import { decodeBinary, encodeBinary } from './binary-codec';

/** The test page's origin. Requests to it are answered from out/renderer exactly as app:// would be. */
export const TEST_ORIGIN = 'https://casebridge.test';
const rendererRoot = resolve(import.meta.dirname, '../../../out/renderer');
const version = JSON.parse(await readFile(resolve(import.meta.dirname, '../../../package.json'), 'utf8'))
  .version as string;

export type ShellOptions = { readonly volumeProbe?: VolumeProbe };

/** Stands in for the native dialogs: a test sets what the user "picks" next (null = cancelled). */
export type ScriptedDialogs = { nextFolder: string | null; nextBundleFile: string | null; nextSavePath: string | null };

/**
 * A fresh "installation": its own browser context (empty IndexedDB), its own data folder, and the
 * real main-process handlers behind window.casebridge. Every request off the test origin is aborted.
 */
export async function openShell(context: BrowserContext, options: ShellOptions = {}) {
  const dataFolder = await mkdtemp(join(tmpdir(), 'casebridge-e2e-'));
  const dialogs: ScriptedDialogs = { nextFolder: null, nextBundleFile: null, nextSavePath: null };
  // The page does not exist yet when the handlers are built; the PDF printer looks it up when called.
  const printed: { page?: Page } = {};
  const router = createIpcRouter({
    handlers: createHandlers({
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
    }),
    isTrustedSender: (url) => url !== undefined && url.startsWith(`${TEST_ORIGIN}/`),
  });
  const blockedRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(`${TEST_ORIGIN}/`)) {
      blockedRequests.push(url);
      return route.abort('blockedbyclient');
    }
    const file = resolveAppFile(url.replace(TEST_ORIGIN, APP_ORIGIN), rendererRoot);
    if (file === null) return route.fulfill({ status: 404, headers: securityHeaders(), body: 'Not found' });
    return route.fulfill({
      status: 200,
      headers: { 'Content-Type': file.mimeType, ...securityHeaders() },
      body: await readFile(file.path),
    });
  });
  await context.exposeBinding('__casebridgeInvoke', async ({ frame }, channel: unknown, input: unknown) =>
    encodeBinary(await router.dispatch(frame.url(), channel, decodeBinary(input))),
  );
  await context.addInitScript({ path: bridgeBundlePath });
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
    blockedRequests,
    problems,
    async close() {
      await rm(dataFolder, { recursive: true, force: true });
    },
  };
}

export type Shell = Awaited<ReturnType<typeof openShell>>;

type Fixtures = { shell: Shell; app: Page };

export const test = base.extend<Fixtures>({
  shell: async ({ context }, use) => {
    const shell = await openShell(context);
    await use(shell);
    await shell.close();
  },
  // A fresh installation starts at the vault's first run; the shell specs need an unlocked app.
  app: async ({ shell }, use) => {
    await shell.page.goto(`${TEST_ORIGIN}/index.html`);
    await new VaultPage(shell.page).createVault();
    await use(shell.page);
  },
});

export { expect };
