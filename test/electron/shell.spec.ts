import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { expectedApiSurface } from './shell-expectations';

// Runs through scripts/electron-e2e.mjs, which sets CASEBRIDGE_ELECTRON_PATH or reports the skip itself.
const executablePath = process.env['CASEBRIDGE_ELECTRON_PATH'];
test.skip(!executablePath, 'No Electron binary: run through `npm run test:electron`, which explains how to get one.');

const root = resolve(import.meta.dirname, '../..');
let app: ElectronApplication;
let page: Page;
let profile: string;

test.beforeEach(async () => {
  profile = await mkdtemp(join(tmpdir(), 'casebridge-electron-'));
  app = await electron.launch({ executablePath, args: [root, `--casebridge-profile=${profile}`], cwd: root });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterEach(async () => {
  await app.close();
  await rm(profile, { recursive: true, force: true });
});

test('opens one hardened window served from app://', async () => {
  expect(app.windows()).toHaveLength(1);
  expect(page.url()).toBe('app://casebridge/index.html');
  await expect(page).toHaveTitle('Casebridge');
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    // getLastWebPreferences() exists at run time but is left out of Electron's typings.
    type WithPrefs = { getLastWebPreferences(): Record<string, unknown> | null };
    const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as WithPrefs | undefined;
    const p = contents?.getLastWebPreferences();
    return {
      contextIsolation: p?.contextIsolation,
      sandbox: p?.sandbox,
      nodeIntegration: p?.nodeIntegration,
      webviewTag: p?.webviewTag,
    };
  });
  expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
  expect(
    await page.evaluate(() => [
      typeof (globalThis as { require?: unknown }).require,
      typeof (globalThis as { process?: unknown }).process,
    ]),
  ).toEqual(['undefined', 'undefined']);
});

test('denies navigation, new windows and network requests', async () => {
  await page.evaluate(() => {
    window.location.href = 'https://example.org/';
  });
  await page.waitForTimeout(300); // give a navigation the chance to happen (there is no event when it is denied)
  expect(page.url()).toBe('app://casebridge/index.html');
  expect(await page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
  expect(app.windows()).toHaveLength(1);
  const fetched = await page.evaluate(() =>
    fetch('app://casebridge/../../etc/passwd').then(
      (r) => r.status,
      () => 'failed',
    ),
  );
  expect(fetched === 404 || fetched === 'failed').toBe(true);
  const external = await page.evaluate(() =>
    fetch('https://example.org/').then(
      () => 'reached',
      () => 'blocked',
    ),
  );
  expect(external).toBe('blocked');
});

test('the IPC bridge answers from the real main process', async () => {
  const info = await page.evaluate(() => window.casebridge?.app.info());
  expect(info).toMatchObject({ ok: true, value: { name: 'Casebridge', shell: 'electron', dataFolder: profile } });
  const drives = await page.evaluate(() => window.casebridge?.media.listRemovable());
  expect(drives?.ok).toBe(true);
  // The preload exposes exactly what the IPC contract defines (the same expectation a unit test holds createApi to).
  const surface = await page.evaluate(() =>
    Object.fromEntries(
      Object.entries(window.casebridge ?? {}).map(([area, calls]) => [area, Object.keys(calls as object).sort()]),
    ),
  );
  expect(surface).toEqual(expectedApiSurface());
});

test('app:// serves nothing outside the renderer folder, not even a sibling folder with a similar name', async () => {
  const statuses = await page.evaluate(async () => {
    const urls = [
      'app://casebridge/..%2frenderer.bak%2findex.html',
      'app://casebridge/..%2fmain%2findex.js',
      'app://casebridge/%2e%2e%2f%2e%2e%2fpackage.json',
    ];
    return Promise.all(
      urls.map((url) =>
        fetch(url).then(
          (r) => r.status,
          () => 'failed',
        ),
      ),
    );
  });
  for (const status of statuses) expect(status === 404 || status === 'failed').toBe(true);
  const csp = await page.evaluate(() =>
    fetch('app://casebridge/index.html').then((r) => r.headers.get('content-security-policy')),
  );
  expect(csp).toContain("default-src 'none'");
});

test('a permission the page asks for is denied', async () => {
  const outcome = await page.evaluate(async () => ({
    notifications: await Notification.requestPermission(),
    geolocation: await new Promise<string>((resolve) =>
      navigator.geolocation.getCurrentPosition(
        () => resolve('granted'),
        (error) => resolve(error.code === error.PERMISSION_DENIED ? 'denied' : `error ${error.code}`),
      ),
    ),
  }));
  expect(outcome).toEqual({ notifications: 'denied', geolocation: 'denied' });
});

test('a call from a window that does not show the app is refused by the sender check', async () => {
  const answer = await app.evaluate(async ({ BrowserWindow }) => {
    type WithPrefs = { getLastWebPreferences(): { preload?: string } | null };
    const first = BrowserWindow.getAllWindows()[0];
    const preload = (first?.webContents as unknown as WithPrefs | undefined)?.getLastWebPreferences()?.preload;
    const other = new BrowserWindow({
      show: false,
      webPreferences: { preload, sandbox: true, contextIsolation: true },
    });
    try {
      await other.loadURL('about:blank');
      return (await other.webContents.executeJavaScript('window.casebridge.app.info()')) as unknown;
    } finally {
      other.destroy();
    }
  });
  expect(answer).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
});
