import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, type ScriptedDialogs, type Shell } from './harness/fixtures';
import { authorisedCase, exchangeKeyCards, onlyBundle, openOffice } from './harness/two-offices';
import { AppShellPage } from './pages/AppShellPage';
import { ExchangePage } from './pages/ExchangePage';
import { VaultPage } from './pages/VaultPage';

/**
 * Killing the receiving office's window at each step of a bundle import, then starting the app again on the same
 * profile: nothing is lost, nothing half-imported shows, no orphan chunk survives the next unlock, and the bundle can
 * still be imported (or already was). The profile is the receiver's browser context, whose IndexedDB outlives the
 * window (a persistent profile on disk cannot be used here: the harness's page bridge is not installed in one).
 */

const RECEIVER = 'Commission des Ports Calmes';
/**
 * Twelve files of 256 KiB, one vault chunk each: staging writes each file's chunk when the file ends, so the count
 * grows in twelve steps. (The bundle stays under 4 MiB: the test bridge cannot carry one 4 MiB export chunk in time.)
 */
const FILES = Array.from({ length: 12 }, (_, i) => i + 1);
const ALL_CHUNKS = FILES.length;

/** What a thief with the disk would count: raw IndexedDB, no Dexie, no key (works while the vault is locked). */
type RawCounts = {
  cases: number;
  events: number;
  attachments: number;
  ledger: number;
  chunks: number;
  orphans: number;
};

function rawCounts(page: Page): Promise<RawCounts> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('casebridge');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const done = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
    try {
      const tx = db.transaction(['cases', 'events', 'attachments', 'bundleLedger', 'attachmentChunks'], 'readonly');
      const count = (store: string) => done(tx.objectStore(store).count());
      const chunkKeys = await done(tx.objectStore('attachmentChunks').getAllKeys());
      const recorded = new Set((await done(tx.objectStore('attachments').getAllKeys())).map(String));
      // Chunk keys are [attachmentId, index]: a chunk whose attachment has no record is an orphan.
      const orphans = chunkKeys.filter((key) => Array.isArray(key) && !recorded.has(String(key[0]))).length;
      return {
        cases: await count('cases'),
        events: await count('events'),
        attachments: recorded.size,
        ledger: await count('bundleLedger'),
        chunks: chunkKeys.length,
        orphans,
      };
    } finally {
      db.close();
    }
  });
}

/** The number of staged or stored chunks, as cheaply as IndexedDB can say it (polled while staging runs). */
function chunkCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('casebridge');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const counted = db.transaction('attachmentChunks', 'readonly').objectStore('attachmentChunks').count();
          counted.onsuccess = () => {
            db.close();
            resolve(counted.result);
          };
          counted.onerror = () => reject(counted.error ?? new Error('count failed'));
        };
      }),
  );
}

/** The receiving office's window: its page, the Exchange screen, and errors the page reported. */
type Window = { readonly page: Page; readonly exchange: ExchangePage; readonly problems: string[] };

function windowOf(page: Page, dialogs: ScriptedDialogs): Window {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  return { page, exchange: new ExchangePage(page, dialogs), problems };
}

/**
 * The kill: the window is closed without unload handlers, as when the app is killed or its renderer crashes. Its
 * IndexedDB connection goes with it, so a transaction still running is aborted, never completed.
 */
async function kill(window: Window): Promise<void> {
  await window.page.close({ runBeforeUnload: false });
}

/** The app started again on the same profile: locked, then unlocked by its person (which sweeps orphan chunks). */
async function restart(context: BrowserContext, shell: Shell) {
  const window = windowOf(await context.newPage(), shell.dialogs);
  await shell.wiring.load(window.page);
  const vault = new VaultPage(window.page);
  await vault.expectLocked();
  const beforeUnlock = await rawCounts(window.page);
  await vault.unlock();
  await vault.expectUnlocked();
  return { window, beforeUnlock, afterUnlock: await rawCounts(window.page) };
}

test('a bundle import killed after verification, during staging and right after Apply loses nothing and leaves no orphan chunks', async ({
  context,
  browser,
}) => {
  test.setTimeout(400_000);
  const stick = await mkdtemp(join(tmpdir(), 'casebridge-stick-'));
  // The receiving office is another installation: its own browser context, whose IndexedDB outlives its windows.
  const receiverContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  try {
    // One after the other: two Argon2id derivations at once starve a loaded machine.
    const bureau = await openOffice(context, 'Bureau of Quiet Harbours', 'DE');
    const commission = await openOffice(receiverContext, RECEIVER, 'FR');
    await exchangeKeyCards(stick, bureau, commission);
    let window = windowOf(commission.shell.page, commission.shell.dialogs);

    // The sender: a request with the files below.
    const reference = await authorisedCase(bureau.shell.page);
    await bureau.shell.page.getByLabel('Choose files…').setInputFiles(
      FILES.map((n) => ({
        name: `scan-${n}.bin`,
        mimeType: 'application/octet-stream',
        buffer: Buffer.alloc(256 * 1024, n),
      })),
    );
    await expect(bureau.shell.page.getByTestId('evidence-item')).toHaveCount(FILES.length, { timeout: 60_000 });
    await bureau.exchange.open();
    await bureau.exchange.selectCase(reference);
    const outbox = join(stick, 'out');
    await mkdir(outbox);
    await bureau.exchange.exportTo(outbox);
    const bundle = await onlyBundle(outbox);
    const before = await rawCounts(window.page);
    expect(before).toMatchObject({ cases: 0, attachments: 0, chunks: 0, orphans: 0 });

    // (a) Verified, preview shown, not applied: the staged chunks are on disk without records.
    await window.exchange.open();
    await window.exchange.check(bundle);
    await expect(window.exchange.preview).toBeVisible();
    expect((await rawCounts(window.page)).orphans).toBeGreaterThan(0);
    await kill(window);
    let restarted = await restart(receiverContext, commission.shell);
    window = restarted.window;
    expect(restarted.beforeUnlock.orphans, 'the kill left staged chunks behind').toBeGreaterThan(0);
    expect(restarted.afterUnlock).toEqual({ ...before, chunks: 0, orphans: 0 });

    // (b) During staging: the kill follows the first sight of a staged chunk with no other step in between. Whether
    // it lands before the last file is staged is a race, so the step is tried up to five times: every try must leave
    // nothing behind, and at least one must be shown (by the chunk count on disk) to have come mid-staging.
    let stagedAtKill = ALL_CHUNKS;
    for (let attempt = 0; attempt < 5 && stagedAtKill >= ALL_CHUNKS; attempt++) {
      await window.exchange.open();
      commission.shell.dialogs.nextBundleFile = bundle;
      await window.page.getByRole('button', { name: 'Choose a bundle file…' }).click();
      await expect.poll(() => chunkCount(window.page), { intervals: [0], timeout: 30_000 }).toBeGreaterThan(0);
      await kill(window);
      restarted = await restart(receiverContext, commission.shell);
      window = restarted.window;
      expect(restarted.beforeUnlock.orphans, 'the kill left staged chunks behind').toBeGreaterThan(0);
      expect(restarted.afterUnlock).toEqual({ ...before, chunks: 0, orphans: 0 });
      stagedAtKill = restarted.beforeUnlock.chunks;
    }
    expect(stagedAtKill, 'a kill landed before staging had finished').toBeLessThan(ALL_CHUNKS);
    test.info().annotations.push({
      type: 'kill during staging',
      description: `${stagedAtKill} of ${ALL_CHUNKS} chunks were on disk at the kill`,
    });

    // (c) Right after Apply: the commit is one transaction, so the import is either all there or not at all.
    await window.exchange.open();
    await window.exchange.check(bundle);
    await window.exchange.preview.getByRole('button', { name: 'Apply' }).click();
    await kill(window);
    restarted = await restart(receiverContext, commission.shell);
    window = restarted.window;
    const committed = restarted.beforeUnlock.ledger > before.ledger;
    test.info().annotations.push({
      type: 'kill after Apply',
      description: committed ? 'the commit had reached the disk' : 'the commit had not reached the disk',
    });
    const imported = {
      cases: before.cases + 1,
      attachments: FILES.length,
      ledger: before.ledger + 1,
      chunks: ALL_CHUNKS,
      orphans: 0,
    };
    await window.exchange.open();
    await window.exchange.check(bundle);
    if (committed) {
      expect(restarted.afterUnlock).toMatchObject(imported);
      await expect(window.exchange.outcome).toContainText('Nothing to do');
    } else {
      expect(restarted.afterUnlock).toEqual({ ...before, chunks: 0, orphans: 0 });
      await window.exchange.apply();
      expect(await rawCounts(window.page)).toMatchObject(imported);
    }
    await expect(window.exchange.receivedLog()).toContainText(reference);
    // Settings say whether the browser granted persistent storage, and what that means.
    await new AppShellPage(window.page).open('Settings');
    await expect(window.page.getByTestId('storage-status')).toContainText(
      /Persistent storage was not granted: if this computer runs very low on space|keeps the vault's data even when/,
    );
    expect(window.problems).toEqual([]);
    expect(bureau.shell.problems).toEqual([]);
    await bureau.shell.close();
    await commission.shell.close();
  } finally {
    await receiverContext.close();
    await rm(stick, { recursive: true, force: true });
  }
});
