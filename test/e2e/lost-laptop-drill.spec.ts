import { mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './harness/fixtures';
import {
  authorisedCase,
  exchangeKeyCards,
  expectAccessible,
  onlyBundle,
  openCase,
  openOffice,
  stickProbe,
  type Office,
} from './harness/two-offices';
import { LostLaptopDrillPage } from './pages/LostLaptopDrillPage';

const DAY = 86_400_000;
const TIME_ZONE = 'Europe/Berlin';

/** YYYY-MM-DD of `ms` in the offices' time zone, as a date input takes it. */
function dayOf(ms: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE }).format(new Date(ms));
}

/** A new authorised case sent by `office` as a request into a fresh `folder`; returns the case and the file. */
async function sendRequest(office: Office, folder: string): Promise<{ reference: string; file: string }> {
  await mkdir(folder);
  const reference = await authorisedCase(office.shell.page);
  await office.exchange.open();
  await office.exchange.selectCase(reference);
  await office.exchange.exportTo(folder);
  return { reference, file: await onlyBundle(folder) };
}

/** B recognises the one request it received and answers it with a response into a fresh `folder`. */
async function answerRequest(office: Office, folder: string): Promise<string> {
  await mkdir(folder);
  await office.exchange.open();
  const options = await office.shell.page.getByLabel('Case to send').locator('option').allTextContents();
  const reference = (options.find((text) => text.includes('Heron')) ?? '').split(' — ')[0] ?? '';
  const received = await openCase(office.shell.page, reference);
  await received.expectStage('Received');
  await received.decideRecognition('Recognise and execute in full');
  await received.expectStage('Executing');
  await office.exchange.open();
  await office.exchange.selectCase(reference);
  await expect(office.exchange.exportPanel.getByRole('radio', { name: 'Response' })).toBeChecked();
  await office.exchange.exportPanel
    .getByLabel('Your response (what was found or done)')
    .fill('Subscriber record and login times attached to our letter.');
  await office.exchange.exportTo(folder);
  return onlyBundle(folder);
}

/**
 * Office A lost a laptop. On its restored installation it runs the drill: a new key signed by the old one and a
 * revocation of the old key from the day the laptop went missing. Office B imports both; a bundle A signed with the
 * old key before that day still imports, one signed with it later is refused, one signed with the new key imports,
 * and an answer B sent to the old key before it heard of the drill still opens at A.
 */
test('lost-laptop drill: rotation and revocation travel to a partner, which honours the revocation date', async ({
  context,
  browser,
}) => {
  test.setTimeout(180_000);
  const stick = await mkdtemp(join(tmpdir(), 'casebridge-drill-'));
  const usb = join(stick, 'usb');
  await mkdir(usb);
  const contextB = await browser.newContext({
    locale: 'en-GB',
    timezoneId: TIME_ZONE,
    viewport: { width: 1280, height: 800 },
  });
  // A's installation (and key) was made five days ago; Playwright's clock stands in for the passing days.
  const [a, b] = await Promise.all([
    openOffice(context, 'Bureau of Quiet Harbours', 'DE', stickProbe(usb), { clockAheadMs: -5 * DAY }),
    openOffice(contextB, 'Commission des Ports Calmes', 'FR', stickProbe(usb)),
  ]);
  try {
    await exchangeKeyCards(stick, a, b);
    const oldFingerprint = await (async () => {
      await a.offices.open();
      return a.offices.ownFingerprint();
    })();

    // Five days ago (before the laptop went missing), A signed a request with its old key: it is in flight.
    const inFlight = await sendRequest(a, join(stick, 'in-flight'));
    // Back to today: A signs another request with the old key, dated after the day the laptop went missing.
    const now = Date.now();
    await a.shell.page.clock.setSystemTime(now);
    const afterLoss = await sendRequest(a, join(stick, 'after-loss'));

    // A runs the drill. A day in the future is refused with a message saying what to enter.
    const drill = new LostLaptopDrillPage(a.shell.page, a.shell.dialogs);
    await drill.open();
    await drill.region.screenshot({ path: 'test-results/screenshots/lost-laptop-drill-form.png' });
    await drill.run(dayOf(now + 2 * DAY));
    await expect(drill.error()).toContainText('lies in the future');
    const lostOn = dayOf(now - DAY);
    await drill.run(lostOn, 'Laptop of the duty officer, lost on the train');
    await expect(drill.outcome()).toContainText('Your office has a new key');
    const drillFolder = join(stick, 'drill');
    await mkdir(drillFolder);
    await drill.writeTo(drillFolder);
    const slip = drill.slip();
    await expect(slip).toContainText('Commission des Ports Calmes');
    await expect(slip).toContainText(oldFingerprint);
    const slipPdf = join(stick, 'drill-slip.pdf');
    a.shell.dialogs.nextSavePath = slipPdf;
    await slip.getByRole('button', { name: 'Save the slip as PDF…' }).click();
    await expect(slip.getByRole('status')).toContainText('Saved to', { timeout: 20_000 });
    expect((await readFile(slipPdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expectAccessible(a.shell.page, 'lost-laptop drill');
    await drill.region.screenshot({ path: 'test-results/screenshots/lost-laptop-drill-done.png' });

    // From now on A signs with the new key: its fingerprint changed, and the next request is signed with it.
    await a.offices.open();
    const newFingerprint = await a.offices.ownFingerprint();
    expect(newFingerprint).not.toBe(oldFingerprint);
    await expect(slip).toContainText(newFingerprint);
    const withNewKey = await sendRequest(a, join(stick, 'new-key'));

    const files = await readdir(drillFolder);
    const cardFile = files.find((name) => name.startsWith('casebridge-key-card-'));
    const revocationFile = files.find((name) => name.startsWith('casebridge-revocation-'));
    expect(cardFile && revocationFile).toBeTruthy();

    // B, before the drill's files reach it: imports the in-flight request and answers it, to A's old key.
    await b.exchange.open();
    await b.exchange.check(inFlight.file);
    await b.exchange.apply();
    const response = await answerRequest(b, join(stick, 'response-to-old-key'));

    // B: the new key card (a rotation signed by the old key: trust carries over), then the revocation.
    await b.offices.open();
    b.shell.dialogs.nextBundleFile = join(drillFolder, cardFile ?? '');
    await b.offices.region.getByRole('button', { name: 'Import a key card…' }).click();
    await expect(b.offices.region.getByRole('status')).toContainText('moved to a new key signed by its old one');
    await b.exchange.open();
    await b.exchange.check(join(drillFolder, revocationFile ?? ''));
    await expect(b.exchange.preview).toContainText('revoked its own key from');
    await b.exchange.preview.getByRole('button', { name: 'Apply' }).click();
    await expect(b.exchange.outcome).toContainText('is now marked revoked');

    // B's partner list: the new key verified, the old one revoked from the start of the day A gave.
    await b.offices.open();
    const rows = b.offices.partner('Bureau of Quiet Harbours');
    await expect(rows).toHaveCount(2);
    const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: TIME_ZONE }).format(
      new Date(`${lostOn}T12:00:00Z`),
    );
    const oldRow = rows.filter({ has: b.shell.page.getByTestId('revoked-from') });
    await expect(oldRow.getByTestId('trust-state')).toHaveText('Revoked');
    await expect(oldRow.getByTestId('revoked-from')).toHaveText(
      new RegExp(`^Revoked from ${day}, 00:00 \\(replaced by a new key\\)$`),
    );
    const newRow = rows.filter({ hasNot: b.shell.page.getByTestId('revoked-from') });
    await expect(newRow.getByTestId('trust-state')).toHaveText('Verified');
    await newRow.getByRole('button', { name: 'Revoke…' }).waitFor();
    await b.offices.region.screenshot({ path: 'test-results/screenshots/lost-laptop-drill-partner.png' });

    // B: the old key's bundle dated after the loss is refused; the new key's imports.
    await b.exchange.open();
    await b.exchange.check(afterLoss.file);
    await expect(b.exchange.outcome).toHaveAttribute('data-code', 'BUNDLE_SIGNER_REVOKED');
    await expect(b.exchange.outcome).toContainText('Refused: ');
    await expect(b.exchange.outcome).toContainText('revoked from');
    await b.exchange.check(withNewKey.file);
    await b.exchange.apply();

    // A: B's answer, addressed to the old key, still opens (its box key is kept for reading) and advances the case.
    await a.exchange.open();
    await a.exchange.check(response);
    await expect(a.exchange.preview).toContainText('Subscriber record and login times');
    await a.exchange.apply();
    await (await openCase(a.shell.page, inFlight.reference)).expectStage('Response received');

    expect(a.shell.problems).toEqual([]);
    expect(b.shell.problems).toEqual([]);
  } finally {
    await contextB.close();
  }
});
