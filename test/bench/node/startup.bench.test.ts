import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright';
import { buildPageBridge } from '../../../electron/bridge/build-page-bridge';
import { connectPlaywrightShell } from '../../../electron/bridge/playwright-shell';
import { nodeVolumeProbe } from '../../../electron/main/handlers/media/volume-probe';
import { createHandlers } from '../../../electron/main/ipc/create-handlers';
import { chromiumArgs, chromiumPath } from '../../support/chromium-path';
import { reportRatio, reportValue } from '../report';

/**
 * Start-up: from navigation to an interactive lock screen (the passphrase field in the page, rendered and enabled),
 * on the built renderer served through the desktop shell's own wiring, as the e2e suite loads it. Also the bytes of
 * code and catalogs the page fetched before that moment, and the longest main-thread task until then.
 *
 * It loads out/renderer-e2e (`npm run bench` builds it first; it is the app's build but for the KDF cost it creates
 * vaults at, which keeps setting up a vault for the lock screen quick). Set BENCH_BASELINE_RENDERER to another built
 * renderer folder (e.g. one built from an older commit) to measure both alternately in the same run and print their
 * ratio.
 */

const ORIGIN = 'https://casebridge.test';
const RUNS = 5;
const root = resolve(import.meta.dirname, '../../..');
const thisBuild = resolve(root, 'out/renderer-e2e');
const baselineBuild = process.env['BENCH_BASELINE_RENDERER'];
const folders: string[] = [];
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

type Load = {
  readonly readyMs: number;
  readonly bytes: number;
  readonly files: number;
  readonly longestTaskMs: number;
};

/** Records, inside the page, when the passphrase field is first there and enabled, and every long task until then. */
const WATCH_SCRIPT = `(() => {
  const state = { readyAt: 0, longest: 0 };
  Object.defineProperty(window, '__startup', { value: state });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!state.readyAt) state.longest = Math.max(state.longest, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const check = () => {
    if (state.readyAt) return;
    const field = document.querySelector('input[type=password]:not([disabled])');
    if (field) state.readyAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

async function openShell(rendererRoot: string) {
  const dataFolder = mkdtempSync(join(tmpdir(), 'casebridge-startup-bench-'));
  folders.push(dataFolder);
  browser ??= await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const handlers = createHandlers({
    app: { name: 'Casebridge', version: '0.0.0', platform: process.platform, dataFolder, shell: 'test-harness' },
    volumeProbe: nodeVolumeProbe,
    dialogs: { chooseFolder: async () => null, chooseBundleFile: async () => null },
    documents: {
      chooseSavePath: async () => null,
      printToPdf: async () => new Uint8Array(),
    },
  });
  const wiring = await connectPlaywrightShell(context, {
    rendererRoot,
    pageOrigin: ORIGIN,
    handlers,
    pageBridgePath: await buildPageBridge(),
  });
  await context.addInitScript(WATCH_SCRIPT);
  const page = await context.newPage();
  const fetched = new Set<string>();
  let counting = true;
  page.on('request', (request) => {
    if (counting && request.url().startsWith(ORIGIN)) fetched.add(new URL(request.url()).pathname);
  });
  /** Loads the page (or reloads it) and waits for the interactive lock screen. */
  const load = async (reload: boolean): Promise<Load> => {
    fetched.clear();
    counting = true;
    await (reload ? wiring.reload(page) : wiring.load(page));
    await page.waitForFunction(() => Reflect.get(Reflect.get(window, '__startup') ?? {}, 'readyAt') > 0, null, {
      timeout: 60_000,
    });
    counting = false;
    const { readyAt, longest } = await page.evaluate(() => {
      const state: unknown = Reflect.get(window, '__startup');
      const read = (key: string) => {
        const value: unknown = typeof state === 'object' && state !== null ? Reflect.get(state, key) : 0;
        return typeof value === 'number' ? value : 0;
      };
      return { readyAt: read('readyAt'), longest: read('longest') };
    });
    let bytes = 0;
    for (const path of fetched) {
      const file = join(rendererRoot, decodeURIComponent(path));
      if (/\.(js|css|html)$/.test(path) && existsSync(file)) bytes += statSync(file).size;
    }
    return { readyMs: readyAt, bytes, files: fetched.size, longestTaskMs: longest };
  };
  return { page, load };
}

/** A vault created through the first-run screens, so that later loads show the lock screen. */
async function createVault(page: Page): Promise<void> {
  await page.getByLabel('Your name').fill('Ana Silva');
  await page.getByLabel('Passphrase', { exact: true }).fill('bench passphrase with 4 lanterns');
  await page.getByLabel('Repeat the passphrase').fill('bench passphrase with 4 lanterns');
  // The create button waits for the strength estimator, which loads on demand.
  await page
    .getByTestId('strength-label')
    .filter({ hasText: /Strong|Very strong/ })
    .waitFor({ timeout: 60_000 });
  await page.getByLabel('I understand that a lost passphrase means lost data').check();
  await page.getByRole('button', { name: 'Create the vault' }).click();
  await page.getByLabel('Office name').fill('Bureau of Quiet Harbours', { timeout: 60_000 });
  await page.getByLabel('Jurisdiction').selectOption('DE');
  await page.getByRole('radio', { name: 'Caseworker' }).check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByRole('button', { name: 'Skip for now' }).click({ timeout: 60_000 });
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 60_000 });
}

const best = (loads: readonly Load[]) => loads.reduce((a, b) => (b.readyMs < a.readyMs ? b : a));
const kB = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;

it('start-up: navigation to an interactive lock screen, and what the first screen loads', async (context) => {
  context.skip(
    !existsSync(join(thisBuild, 'index.html')),
    'out/renderer-e2e is not built: `npm run bench` builds it (or run `npx electron-vite build --mode e2e`)',
  );
  const builds = [{ label: 'this build', root: thisBuild }];
  if (baselineBuild && existsSync(join(baselineBuild, 'index.html')))
    builds.push({ label: 'baseline build', root: baselineBuild });
  const shells = [];
  const firstRun: Load[][] = builds.map(() => []);
  for (const build of builds) {
    const shell = await openShell(build.root);
    firstRun[shells.length]?.push(await shell.load(false));
    await createVault(shell.page);
    shells.push(shell);
  }
  // Measured alternately, so a burst of load on this shared machine hits every build.
  const locked: Load[][] = builds.map(() => []);
  for (let run = 0; run < RUNS; run++)
    for (const [index, shell] of shells.entries()) locked[index]?.push(await shell.load(true));

  for (const [index, build] of builds.entries()) {
    const lock = best(locked[index] ?? []);
    const first = firstRun[index]?.[0];
    const name = build.label === 'this build' ? '' : ` (${build.label})`;
    reportValue(
      `start-up: navigation → interactive lock screen${name}`,
      lock.readyMs,
      'ms',
      `best of ${RUNS} reloads; first-run screen on a fresh install ${first ? first.readyMs.toFixed(0) : '?'} ms`,
    );
    reportValue(
      `start-up: code fetched before the lock screen is interactive${name}`,
      lock.bytes / 1024,
      'KiB',
      `${lock.files} files (${kB(lock.bytes)}), script, styles and catalogs`,
    );
    reportValue(`start-up: longest main-thread task before the lock screen${name}`, lock.longestTaskMs, 'ms');
  }
  if (builds.length === 2) {
    const [ours, theirs] = [best(locked[0] ?? []), best(locked[1] ?? [])];
    reportRatio(
      'start-up: navigation → interactive lock screen',
      ours.readyMs,
      'the baseline build',
      theirs.readyMs,
      `code ${kB(ours.bytes)} vs ${kB(theirs.bytes)}`,
    );
  }
});
