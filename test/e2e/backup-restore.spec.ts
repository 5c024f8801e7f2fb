import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeBuilder } from './harness/axe-builder';
import type { Page } from '@playwright/test';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { test, expect, openShell } from './harness/fixtures';
import { AppShellPage } from './pages/AppShellPage';
import { BackupPage } from './pages/BackupPage';
import { CasePage } from './pages/CasePage';
import { CasesPage } from './pages/CasesPage';
import { E2E_PASSPHRASE, VaultPage } from './pages/VaultPage';

// Vault creation, verify, restore and unlock each run Argon2id in the app's worker (the suite's build: test floor).
test.describe.configure({ timeout: 180_000 });
test.use({ actionTimeout: 20_000 });

const SCREENSHOTS = 'test-results/screenshots';
const kit = await cryptoKit();
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

async function checkScreen(page: Page, name: string): Promise<void> {
  const results = await axeBuilder(page).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious, name).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** SHA-256 over every stored attachment chunk (ciphertext, in key order), read straight from IndexedDB. */
function chunkDigest(page: Page): Promise<{ rows: number; sha256: string }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('casebridge');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const values = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction('attachmentChunks').objectStore('attachmentChunks').getAll();
      request.onsuccess = () => resolve(request.result as unknown[]);
      request.onerror = () => reject(request.error ?? new Error('read failed'));
    });
    db.close();
    const parts = values.map((row) => (row as { c: Uint8Array }).c);
    const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      all.set(part, at);
      at += part.length;
    }
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
    return { rows: values.length, sha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('') };
  });
}

test('a backup written from Settings restores on a fresh installation: same cases, same evidence, audit verifies', async ({
  shell,
  browser,
}) => {
  const { page } = shell;
  const drive = await mkdtemp(join(tmpdir(), 'casebridge-backup-drive-'));
  const vault = new VaultPage(page);
  const app = new AppShellPage(page);
  const cases = new CasesPage(page);
  const casePage = new CasePage(page);
  try {
    await shell.load();
    await vault.createVault({ officeName: 'Bureau of Quiet Harbours', jurisdiction: 'DE' });
    // No backup yet: the dashboard says so.
    await expect(page.getByTestId('backup-reminder')).toContainText('No backup of this office has been verified yet');

    // A case with evidence.
    await app.open('Cases');
    const reference = await cases.startNewCase();
    await cases.fillNewCase({
      title: 'Subscriber data for the Heron account',
      partner: 'FR',
      legalBasis: 'gdpr-61',
      purpose: 'Identify the operator of an account',
      categories: ['Subscriber data'],
      person: { name: 'Camille Durand', contact: '12 rue des Lilas, 69001 Lyon', language: 'fr' },
      statements: { necessity: 'No other means.' },
      purgeAt: '2028-03-01',
    });
    await cases.saveNewCase(reference);
    const evidenceBytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7 + 3) & 255));
    await page
      .getByLabel('Choose files…')
      .setInputFiles({ name: 'threats.bin', mimeType: 'application/octet-stream', buffer: evidenceBytes });
    const evidenceHash = toHex(kit.hash(new Uint8Array(evidenceBytes), 32));
    await expect(page.getByTestId('evidence-item')).toContainText(evidenceHash);
    const before = await chunkDigest(page);
    expect(before.rows).toBeGreaterThan(0);

    // Settings → Backup, to a folder; then verify it without restoring.
    await app.open('Settings');
    const backup = new BackupPage(page);
    shell.dialogs.nextFolder = drive;
    const outcome = await backup.backUpToFolder();
    const [fileName] = await readdir(drive);
    expect(fileName).toMatch(/^casebridge-backup-.*\.cbbackup$/);
    const backupPath = join(drive, fileName ?? '');
    await expect(outcome).toContainText(backupPath);
    await expect(page.getByTestId('backup-last')).toContainText('Last verified backup: made');
    expect((await stat(backupPath)).size).toBeGreaterThan(evidenceBytes.length);
    await backup.panel().scrollIntoViewIfNeeded();
    await checkScreen(page, 'backup-written');
    shell.dialogs.nextBundleFile = backupPath;
    const verified = await backup.verify(E2E_PASSPHRASE);
    await expect(verified).toContainText('The backup is intact: office Bureau of Quiet Harbours');
    await checkScreen(page, 'backup-verified');
    await app.open('Dashboard');
    await expect(page.getByTestId('backup-reminder')).toHaveCount(0);

    // A fresh installation (new browser context: empty IndexedDB) restores it from the first-run screen.
    const context2 = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Berlin' });
    const fresh = await openShell(context2);
    try {
      await fresh.load();
      const freshBackup = new BackupPage(fresh.page);
      await expect(freshBackup.restoreRegion()).toBeVisible();
      fresh.dialogs.nextBundleFile = backupPath;

      // The wrong passphrase is refused with what to do, and nothing is written.
      await freshBackup.restore('not the office passphrase at all');
      await expect(fresh.page.getByTestId('restore-error')).toContainText('does not open this backup', {
        timeout: 60_000,
      });
      await checkScreen(fresh.page, 'restore-refused');

      await freshBackup
        .restoreRegion()
        .getByLabel(/Passphrase of someone/)
        .fill(E2E_PASSPHRASE);
      await freshBackup.restoreRegion().getByRole('button', { name: 'Restore', exact: true }).click();
      const freshVault = new VaultPage(fresh.page);
      await expect(freshVault.heading('Casebridge is locked')).toBeVisible({ timeout: 90_000 });
      await freshVault.unlock();
      await freshVault.expectUnlocked();

      const freshApp = new AppShellPage(fresh.page);
      const freshCases = new CasesPage(fresh.page);
      await freshApp.open('Cases');
      await freshCases.openFromList(reference);
      await expect(fresh.page.getByTestId('evidence-item')).toContainText(evidenceHash);
      expect(await chunkDigest(fresh.page)).toEqual(before);
      const verdict = await new CasePage(fresh.page).verifyChain();
      await expect(verdict).toContainText('Chain verified');
      await checkScreen(fresh.page, 'restored-case');
      expect(fresh.problems).toEqual([]);
    } finally {
      await context2.close();
      await fresh.close();
    }
    await casePage.page.bringToFront();
    expect(shell.problems).toEqual([]);
  } finally {
    await rm(drive, { recursive: true, force: true });
  }
});
