import type { Page } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import { expectAccessible, heronRequest, openOffice } from './harness/two-offices';
import { AppShellPage } from './pages/AppShellPage';
import { CasesPage } from './pages/CasesPage';
import { VaultPage } from './pages/VaultPage';

/**
 * Rollback and deletion detection as a user meets it: someone with the disk deletes a case row while Casebridge is
 * locked; the next unlock says what changed, opens read-only on request (saves refused, with words), and a person
 * accepts the change with a reason, after which the office works again and later unlocks are quiet.
 */

/** What someone with the disk could do: delete one stored case row directly in IndexedDB, no Dexie, no key. */
function deleteOneCaseRow(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('casebridge');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    try {
      const tx = db.transaction('cases', 'readwrite');
      const store = tx.objectStore('cases');
      const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
        const request = store.getAllKeys();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
      const [first] = keys;
      if (first !== undefined) store.delete(first);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('delete failed'));
      });
      return keys.length;
    } finally {
      db.close();
    }
  });
}

test('a vault changed outside Casebridge opens read-only until a person accepts the change with a reason', async ({
  context,
}) => {
  test.setTimeout(120_000); // three unlocks, each a real Argon2id run
  const office = await openOffice(context, 'Bureau of Quiet Harbours', 'DE');
  const page = office.shell.page;
  const vault = new VaultPage(page);
  const cases = new CasesPage(page);
  await new AppShellPage(page).open('Cases');
  const reference = await cases.startNewCase();
  await cases.fillNewCase(heronRequest);
  await cases.saveNewCase(reference);

  await vault.lock();
  expect(await deleteOneCaseRow(page)).toBe(1);
  await vault.unlock();
  await expect(vault.heading('This vault changed outside Casebridge')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/^Cases: 1 record is missing\. Casebridge last changed them on /)).toBeVisible();
  await expectAccessible(page, 'vault changed');
  await page.screenshot({ path: test.info().outputPath('vault-changed.png'), fullPage: true });

  // Read only: the app opens, with the banner, and a save is refused in words.
  await page.getByRole('button', { name: 'Open read-only' }).click();
  await vault.expectUnlocked();
  const banner = page.getByText('Read-only: this vault changed outside Casebridge');
  await expect(banner).toBeVisible();
  await new AppShellPage(page).open('Cases');
  await cases.startNewCase();
  await cases.fillNewCase({ ...heronRequest, title: 'Work typed while read-only' });
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(
    page.getByText(/nothing was saved: the vault is open read-only because it changed outside Casebridge/),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('vault-read-only-save.png'), fullPage: true });

  // Accept, with a reason (refused without one).
  await page.getByRole('button', { name: 'Review the changes' }).click();
  await page.getByRole('button', { name: 'Accept and seal again' }).click();
  await expect(page.getByText('Say why the change is expected before accepting it.')).toBeVisible();
  await page.getByLabel('Why the change is expected').fill('The test laptop was reimaged by IT on Monday.');
  await page.getByRole('button', { name: 'Accept and seal again' }).click();
  await vault.expectUnlocked();
  await expect(banner).toHaveCount(0);
  await new AppShellPage(page).open('Cases');
  const third = await cases.startNewCase();
  await cases.fillNewCase({ ...heronRequest, title: 'Work after accepting' });
  await cases.saveNewCase(third);

  await vault.lock();
  await vault.unlock();
  await vault.expectUnlocked();
  await expect(vault.heading('This vault changed outside Casebridge')).toHaveCount(0);
});
