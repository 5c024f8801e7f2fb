import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import {
  authorisedCase,
  closeTwoOffices,
  expectAccessible,
  onlyBundle,
  twoOfficesOnOneStick,
} from './harness/two-offices';
import { CasePage } from './pages/CasePage';

/** Removes every case record from the office's raw IndexedDB store (the ledger stays): the office no longer has it. */
async function loseAllCases(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('casebridge');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const tx = db.transaction('cases', 'readwrite');
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const request = tx.objectStore('cases').getAllKeys();
      request.onsuccess = () => resolve(request.result);
    });
    for (const key of keys) tx.objectStore('cases').delete(key);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
    return keys.length;
  });
}

/**
 * Issue 12: a refused receipt. Bonn (B) sent a request to Lyon (A) and then lost the case; Lyon's response reaches
 * Bonn on a USB stick, verifies, but answers a case Bonn does not have. Bonn refuses it with a signed receipt written
 * back to the same stick; Lyon imports that receipt and its exchange log says "refused", with the reason, never
 * "delivered".
 */
test('a verified bundle for a case the office does not have is refused with a receipt; the sender sees refused', async ({
  context,
  browser,
}) => {
  test.setTimeout(150_000);
  const offices = await twoOfficesOnOneStick(context, browser);
  const { stick, usb, bureau: b, commission: a } = offices;
  try {
    // B asks A; A imports the request and answers with a response onto the stick.
    const reference = await authorisedCase(b.shell.page);
    await b.exchange.open();
    await b.exchange.selectCase(reference);
    const toA = join(stick, 'b-to-a');
    await mkdir(toA);
    await b.exchange.exportTo(toA);
    await a.exchange.open();
    await a.exchange.check(await onlyBundle(toA));
    await a.exchange.apply();
    // A received request is answered once A decided to execute it.
    await a.exchange.openAppliedCase();
    await new CasePage(a.shell.page).decideRecognition('Recognise and execute in full');
    await a.exchange.open();
    const caseToSend = a.shell.page.getByLabel('Case to send');
    await expect(caseToSend.locator('option', { hasText: 'Heron' })).toHaveCount(1);
    const options = await caseToSend.locator('option').allTextContents();
    const aReference = (options.find((text) => text.includes('Heron')) ?? '').split(' — ')[0] ?? '';
    await a.exchange.selectCase(aReference);
    await expect(a.exchange.exportPanel.getByRole('radio', { name: 'Response' })).toBeChecked();
    await a.exchange.exportPanel
      .getByLabel('Your response (what was found or done)')
      .fill('Subscriber record and login times attached to our letter.');
    await a.exchange.exportTo(usb);
    const responseName = (await onlyBundle(usb)).split('/').pop() ?? '';
    await expect(a.exchange.sentLog().getByRole('row', { name: /^Response/ })).toContainText('Awaiting receipt');

    // B no longer has the case the response answers.
    expect(await loseAllCases(b.shell.page)).toBe(1);

    // B: the response verifies (genuine, from a verified partner, for B) but cannot be applied; B may refuse it
    // with a receipt to A, written back to the stick it came from.
    await b.exchange.open();
    await b.exchange.checkOnDrive('usb', responseName);
    await expect(b.exchange.outcome).toHaveAttribute('data-code', 'IMPORT_NO_MATCHING_CASE');
    await expect(b.exchange.outcome).toContainText(
      'Refused: the bundle is genuine, but it cannot be applied here: it answers a case the receiving office does not have',
    );
    const refuse = b.shell.page.getByRole('group', { name: 'Refuse this bundle' });
    await expect(refuse).toContainText('it answers a case the receiving office does not have');
    await expect(refuse).toContainText('Nothing of its case is stored');
    const refuseButton = refuse.getByRole('button', {
      name: 'Refuse and send a receipt to Commission des Ports Calmes',
    });
    await expect(refuseButton).toBeVisible();
    await expectAccessible(b.shell.page, 'refusal choice');
    await b.shell.page
      .getByRole('region', { name: 'Import a bundle' })
      .screenshot({ path: 'test-results/screenshots/exchange-refuse-choice.png' });
    await expect(b.exchange.receivedLog()).toHaveCount(0);
    await refuseButton.click();
    await expect(refuse.getByTestId('refuse-written')).toContainText('Refused. The signed refusal receipt', {
      timeout: 30_000,
    });
    await expect(refuse.getByTestId('refuse-written')).toContainText('Safe to unplug');
    await expect(refuse.getByRole('button', { name: /^Refuse and send/ })).toHaveCount(0);
    await expectAccessible(b.shell.page, 'refusal written');
    await b.shell.page.screenshot({ path: 'test-results/screenshots/exchange-refused-written.png', fullPage: true });

    // B's log: the response is refused here (no "Write receipt…" for it), and the receipt is sent.
    const refusedRow = b.exchange.receivedLog().getByRole('row', { name: /^Response/ });
    await expect(refusedRow).toContainText(
      'Refused by this office: it answers a case the receiving office does not have',
    );
    await expect(refusedRow.getByRole('button', { name: 'Write receipt…' })).toHaveCount(0);
    await expect(b.exchange.sentLog().getByRole('row', { name: /^Receipt/ })).toContainText(
      'Commission des Ports Calmes',
    );
    // The inbox no longer calls it new, nor offers to check it; checked from the file dialog it is nothing to do.
    await b.exchange.lookOnDrive('usb');
    const inboxRow = b.exchange.inboxRow('usb', responseName);
    await expect(inboxRow).toContainText('Refused');
    await expect(inboxRow).not.toContainText('New');
    await expect(inboxRow.getByRole('button', { name: 'Check and preview' })).toHaveCount(0);
    await b.exchange.check(join(usb, responseName));
    await expect(b.exchange.outcome).toContainText('this bundle was refused earlier');
    await expect(b.shell.page.getByRole('group', { name: 'Refuse this bundle' })).toHaveCount(0);
    const receiptName =
      (await readdir(usb)).find((name) => name !== responseName && name.endsWith('.cbundle')) ?? 'missing';
    expect(receiptName).toContain('receipt');

    // A imports the refusal receipt: the response is refused, not delivered, and the log says why in plain words.
    await a.exchange.open();
    await a.exchange.check(join(usb, receiptName));
    await expect(a.exchange.preview).toContainText('Bureau of Quiet Harbours refused bundle');
    await expect(a.exchange.preview).toContainText('it answers a case the receiving office does not have');
    await a.exchange.apply();
    const sentResponse = a.exchange.sentLog().getByRole('row', { name: /^Response/ });
    await expect(sentResponse).toContainText(
      'Refused by Bureau of Quiet Harbours: it answers a case the receiving office does not have',
    );
    await expect(sentResponse).not.toContainText('Delivered');
    await expect(sentResponse).not.toContainText('Awaiting receipt');
    await expectAccessible(a.shell.page, 'exchange log with a refusal');
    await a.exchange.sentLog().screenshot({ path: 'test-results/screenshots/exchange-log-refused.png' });

    // A second copy of the receipt changes nothing.
    await a.exchange.check(join(usb, receiptName));
    await expect(a.exchange.outcome).toContainText('Nothing to do');
    await expect(sentResponse).toContainText('Refused by Bureau of Quiet Harbours');

    expect(a.shell.problems).toEqual([]);
    expect(b.shell.problems).toEqual([]);
  } finally {
    await closeTwoOffices(offices);
  }
});
