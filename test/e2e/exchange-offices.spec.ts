import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './harness/fixtures';
import {
  authorisedCase,
  closeTwoOffices,
  exchangeKeyCards,
  expectAccessible,
  onlyBundle,
  openCase,
  openOffice,
  twoOfficesOnOneStick,
} from './harness/two-offices';
import { AppShellPage } from './pages/AppShellPage';
import { CasePage } from './pages/CasePage';
import { ReportsPage } from './pages/ReportsPage';
import { NoticePage } from './pages/NoticePage';
import { RedressPage } from './pages/RedressPage';

/**
 * Two installations (two browser contexts, two profiles) act as two offices in one run. A folder stands for
 * the USB stick; the native dialogs are scripted. Everything happens through the screens.
 */

test('two offices: key cards, request with evidence, tampered copy and replay refused, receipt and response back', async ({
  context,
  browser,
}) => {
  test.setTimeout(150_000);
  // B sees the stick's usb folder as an inserted USB stick; A writes the request onto it.
  const offices = await twoOfficesOnOneStick(context, browser);
  const { stick, usb, bureau: a, commission: b } = offices;
  try {
    await expectAccessible(a.shell.page, 'partner offices');

    // A: an authorised case with one evidence file, sent as a request; personal data stays unticked.
    const reference = await authorisedCase(a.shell.page);
    const evidence = Buffer.from('Screenshots of the threats, 2026-01-10 to 2026-01-24.\n'.repeat(2000));
    await a.shell.page
      .getByLabel('Choose files…')
      .setInputFiles({ name: 'threats.txt', mimeType: 'text/plain', buffer: evidence });
    await expect(a.shell.page.getByText('threats.txt').first()).toBeVisible();
    await a.exchange.open();
    await a.exchange.selectCase(reference);
    await expect(a.exchange.exportPanel.getByRole('radio', { name: 'Request' })).toBeChecked();
    await expect(a.exchange.exportPanel.getByLabel('Recipient office (verified offices only)')).toHaveValue(
      /[0-9a-f]{64}/,
    );
    await expect(a.exchange.field('Affected people (names, contacts)')).not.toBeChecked();
    await expect(a.exchange.field('Purpose')).toBeChecked();
    await expect(a.exchange.field(/threats\.txt/)).toBeChecked();
    await a.exchange.exportTo(usb);
    const slip = a.exchange.slip();
    await expect(slip).toContainText('Commission des Ports Calmes');
    await expect(slip).toContainText('BLAKE2b-512 of the file');
    // The slip prints alone to a PDF that travels with the stick.
    const slipPdf = join(stick, 'slip.pdf');
    a.shell.dialogs.nextSavePath = slipPdf;
    await slip.getByRole('button', { name: 'Save the slip as PDF…' }).click();
    await expect(slip.getByRole('status')).toContainText('Saved to', { timeout: 20_000 });
    expect((await readFile(slipPdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect(a.exchange.sentLog()).toContainText('Awaiting receipt');
    await expectAccessible(a.shell.page, 'exchange after export');
    const requestFile = await onlyBundle(usb);
    const requestName = requestFile.split('/').pop() ?? '';

    // A: its own request on the stick is a bundle this office sent, not one "from an unknown office".
    await a.exchange.lookOnDrive('usb');
    const ours = a.exchange.inboxRow('usb', requestName);
    await expect(ours).toContainText('Sent by this office');
    await expect(ours).toContainText('This office');
    await expect(ours).toContainText(reference);
    await expect(ours).not.toContainText('not in your partner list');
    await expect(ours.getByRole('button', { name: 'Check and preview' })).toHaveCount(0);

    // B: a tampered copy is refused and nothing is stored.
    const tamperedFolder = join(stick, 'tampered');
    await mkdir(tamperedFolder);
    const tampered = join(tamperedFolder, 'tampered.cbundle');
    const bytes = await readFile(requestFile);
    bytes[bytes.length - 5000] = (bytes[bytes.length - 5000] ?? 0) ^ 0x01;
    await writeFile(tampered, bytes);
    await b.exchange.open();
    await b.exchange.check(tampered);
    await expect(b.exchange.outcome).toHaveAttribute('data-code', /^BUNDLE_/);
    await expect(b.exchange.outcome).toContainText('Refused: ');
    await expect(b.exchange.outcome).toContainText('Do not import');
    await expect(b.exchange.receivedLog()).toHaveCount(0);

    // B: the genuine file, picked from the bundles found on the inserted stick, verifies and becomes a new case.
    await b.exchange.checkOnDrive('usb', requestName);
    await expect(b.exchange.inboxRow('usb', requestName)).toContainText('New');
    await expect(b.exchange.inboxRow('usb', requestName)).toContainText('Bureau of Quiet Harbours');
    await expect(b.exchange.preview).toContainText(`for the request ${reference} from Bureau of Quiet Harbours`);
    await expect(b.exchange.preview).toContainText('Evidence file: threats.txt');
    await expect(b.exchange.preview).not.toContainText('Affected people');
    await expectAccessible(b.shell.page, 'import preview');
    await b.exchange.apply();
    // The outcome takes the focus, so a screen reader reads it and the next steps are one Tab away.
    await expect(b.exchange.applyOutcome).toBeFocused();
    await expect(b.exchange.receivedLog()).toContainText('Request');

    // B: the signed receipt goes back on the same stick in one click. Pulled out first: nothing is written, the
    // message says what happened and what to do; re-inserted, the same button writes it.
    const pulled = join(stick, 'usb-pulled');
    await rename(usb, pulled);
    await b.exchange.pressWriteReceiptTo('usb');
    await expect(b.exchange.receiptError()).toContainText('usb is no longer available (was the drive removed?)');
    await expect(b.exchange.receiptError()).toContainText('Re-insert the drive, then press the button again');
    await expect(b.exchange.receivedLog()).not.toContainText('Receipt written');
    await rename(pulled, usb);
    expect((await readdir(usb)).filter((name) => name !== requestName)).toEqual([]);
    await b.exchange.writeReceiptToSameDrive('usb');
    await expect(b.exchange.receiptError()).toHaveCount(0);
    await expect(b.exchange.applyOutcome).toBeFocused();
    await expect(b.exchange.receivedLog()).toContainText('Receipt written');
    const receiptName = (await readdir(usb)).find((name) => name !== requestName && name.endsWith('.cbundle')) ?? '';
    expect(receiptName).toContain('receipt');
    await expectAccessible(b.shell.page, 'apply outcome');

    // B lands on the case the request created.
    await b.exchange.openAppliedCase();
    await expect(b.shell.page.getByRole('main')).toContainText('Subscriber data for the Heron account');
    await b.exchange.open();
    await b.exchange.lookOnDrive('usb');

    // The stick as an inbox: the imported file is "Already imported"; a copy of it with one byte changed is an
    // "Altered copy" (never "safe to remove"), and checking it is refused as altered, not as a harmless replay.
    await expect(b.exchange.inboxRow('usb', requestName)).toContainText('Already imported');
    await expect(b.exchange.inboxRow('usb', receiptName)).toContainText('Sent by this office');
    const alteredBytes = await readFile(requestFile);
    alteredBytes[alteredBytes.length - 5000] = (alteredBytes[alteredBytes.length - 5000] ?? 0) ^ 0x01;
    await writeFile(join(usb, 'copy-of-request.cbundle'), alteredBytes);
    await b.exchange.lookOnDrive('usb');
    await expect(b.exchange.inboxRow('usb', requestName)).toContainText('Already imported');
    const alteredRow = b.exchange.inboxRow('usb', 'copy-of-request.cbundle');
    await expect(alteredRow).toContainText('Altered copy');
    await expect(alteredRow).toContainText('Do not use it: keep it aside');
    await expect(alteredRow).not.toContainText('remove it');
    await expect(alteredRow.getByRole('button', { name: 'Check and preview' })).toHaveCount(0);
    await expectAccessible(b.shell.page, 'inbox');
    await alteredRow.screenshot({ path: 'test-results/screenshots/exchange-inbox-altered.png' });
    await b.exchange.check(join(usb, 'copy-of-request.cbundle'));
    await expect(b.exchange.outcome).toContainText('altered copy');
    await expect(b.exchange.outcome).not.toContainText('safely remove');
    await rm(join(usb, 'copy-of-request.cbundle'));

    // A replayed copy (the same file again, from another folder) is a no-op that says so.
    const replayFolder = join(stick, 'replay');
    await mkdir(replayFolder);
    await copyFile(requestFile, join(replayFolder, 'again.cbundle'));
    await b.exchange.check(join(replayFolder, 'again.cbundle'));
    await expect(b.exchange.outcome).toContainText('already imported; nothing was changed');

    // B answers with a response (its receipt is already on the stick).
    await expect(b.exchange.receivedLog()).toContainText('Receipt written');
    const bCase =
      (await b.exchange
        .receivedLog()
        .getByRole('row', { name: /^Request/ })
        .getByRole('cell')
        .nth(2)
        .textContent()) ?? '';
    expect(bCase).toBe(reference);
    const bCaseToSend = b.shell.page.getByLabel('Case to send');
    await expect(bCaseToSend.locator('option', { hasText: 'Heron' })).toHaveCount(1);
    const options = await bCaseToSend.locator('option').allTextContents();
    const bReference = (options.find((text) => text.includes('Heron')) ?? '').split(' — ')[0] ?? '';
    // B's own case: it recognises the request before answering it.
    const bRequest = await openCase(b.shell.page, bReference);
    await bRequest.expectStage('Received');
    await bRequest.decideRecognition('Recognise and execute in full');
    await bRequest.expectStage('Executing');
    await b.exchange.open();
    await b.exchange.selectCase(bReference);
    await expect(b.exchange.exportPanel.getByRole('radio', { name: 'Response' })).toBeChecked();
    await b.exchange.exportPanel
      .getByLabel('Your response (what was found or done)')
      .fill('Subscriber record and login times attached to our letter.');
    const responseFolder = join(stick, 'b-to-a-response');
    await mkdir(responseFolder);
    await b.exchange.exportTo(responseFolder);

    // A: the receipt marks the request delivered; the response advances the case.
    await a.exchange.open();
    await a.exchange.check(join(usb, receiptName));
    await expect(a.exchange.preview).toContainText(/confirms receipt of bundle \w+… \(Request\)/);
    await a.exchange.apply();
    await expect(a.exchange.sentLog()).toContainText('Delivered');
    await a.exchange.check(await onlyBundle(responseFolder));
    await expect(a.exchange.preview).toContainText('Subscriber record and login times');
    await a.exchange.apply();
    const aCase = await openCase(a.shell.page, reference);
    await aCase.expectStage('Response received');

    // A: an administrator makes the verified partner its oversight body and sends it the report of the period shown.
    await new AppShellPage(a.shell.page).open('Settings');
    await a.shell.page.getByRole('button', { name: 'Make Commission des Ports Calmes our oversight body' }).click();
    await expect(a.shell.page.getByTestId('oversight-body')).toHaveText('Our oversight body');
    await new ReportsPage(a.shell.page).open();
    const toBody = a.shell.page.getByRole('region', { name: 'Send to our oversight body' });
    const reportFolder = join(stick, 'a-to-body');
    await mkdir(reportFolder);
    a.shell.dialogs.nextFolder = reportFolder;
    await toBody.getByRole('button', { name: 'Choose a folder…' }).click();
    await expect(toBody.getByRole('status')).toContainText('Carry it to Commission des Ports Calmes', {
      timeout: 30_000,
    });
    expect(await onlyBundle(reportFolder)).toMatch(/casebridge-period-report-[0-9a-f]{16}\.cbundle$/);
    await expect(toBody.getByRole('table')).toContainText('Commission des Ports Calmes');

    expect(a.shell.problems).toEqual([]);
    expect(b.shell.problems).toEqual([]);
  } finally {
    await closeTwoOffices(offices);
  }
});

const inTwoMonths = () => new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

test('a challenge goes to a redress office (refused until verified) and its decision comes back and advances the case', async ({
  context,
  browser,
}) => {
  test.setTimeout(120_000);
  const stick = await mkdtemp(join(tmpdir(), 'casebridge-stick-'));
  const contextR = await browser.newContext({
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 1280, height: 800 },
  });
  const [a, r] = await Promise.all([
    openOffice(context, 'Bureau of Quiet Harbours', 'DE'),
    openOffice(contextR, 'Harbour Redress Board', 'NL', undefined, { role: 'Redress officer' }),
  ]);
  try {
    // Key cards cross, but the redress office has not compared A's fingerprint yet.
    const cards = { a: join(stick, 'card-a'), r: join(stick, 'card-r') };
    await Promise.all([mkdir(cards.a), mkdir(cards.r)]);
    await a.offices.open();
    const fingerprintA = await a.offices.ownFingerprint();
    await a.offices.exportKeyCard(cards.a);
    await r.offices.open();
    const fingerprintR = await r.offices.ownFingerprint();
    await r.offices.exportKeyCard(cards.r);
    await a.offices.importKeyCard(await onlyBundle(cards.r));
    await a.offices.verify('Harbour Redress Board', fingerprintR);
    await r.offices.importKeyCard(await onlyBundle(cards.a));

    // A: a case through request, response and notice to a lodged challenge.
    const page = a.shell.page;
    const reference = await authorisedCase(page);
    const casePage = new CasePage(page);
    await casePage.recordSentAnotherWay();
    await casePage.expectStage('Request sent');
    await page.getByLabel("Summary of the partner's response").fill('Subscriber record and login times received.');
    await casePage.pressAndConfirm('Record the response');
    await casePage.expectStage('Response received');
    const notice = new NoticePage(page);
    await notice.prepare(1);
    await notice.recordDelivery('registered-post');
    await casePage.expectStage('Challenge window');
    await new RedressPage(page).lodgeChallenge(
      ['The measure was disproportionate'],
      'Three months is far more than the threats justify.',
    );
    await casePage.expectStage('Challenge lodged');

    // Sent from the case itself.
    await page.getByRole('button', { name: 'Send as a bundle…' }).click();
    await expect(a.exchange.exportPanel.getByRole('radio', { name: 'Challenge' })).toBeChecked();
    await expect(
      a.exchange.exportPanel.getByRole('checkbox', { name: /The challenge \(grounds and statement/ }),
    ).toBeChecked();
    const toR = join(stick, 'a-to-r');
    await mkdir(toR);
    await a.exchange.exportTo(toR);
    await expect(page.getByRole('list', { name: 'Bundles for this case' })).toContainText(
      'Challenge sent to Harbour Redress Board',
    );
    await expect(page.getByRole('list', { name: 'Bundles for this case' })).toContainText('Awaiting receipt');
    const challengeFile = await onlyBundle(toR);

    // R: refused while A is unverified, with the fingerprint to compare; accepted once verified.
    await r.exchange.open();
    await r.exchange.check(challengeFile);
    await expect(r.exchange.outcome).toHaveAttribute('data-code', 'BUNDLE_SIGNER_UNVERIFIED');
    await expect(r.exchange.outcome).toContainText('Refused: ');
    // Worded from the catalog with the refusal's params: the office and its fingerprint, then what to do.
    await expect(r.exchange.outcome).toContainText(`an office you have not verified yet (fingerprint ${fingerprintA})`);
    await expect(r.exchange.outcome).toContainText('What to do: Compare this fingerprint');
    await r.offices.open();
    await r.offices.verify('Bureau of Quiet Harbours', fingerprintA);
    await r.exchange.open();
    await r.exchange.check(challengeFile);
    await expect(r.exchange.preview).toContainText(`challenge to case ${reference}`);
    await r.exchange.apply();

    // R decides through its own workflow, then sends the decision back.
    // The new case reaches the list through a live query: wait for it instead of reading the list at once.
    const caseToSend = r.shell.page.getByLabel('Case to send');
    await expect(caseToSend.locator('option', { hasText: 'Heron' })).toHaveCount(1);
    const options = await caseToSend.locator('option').allTextContents();
    const rReference = (options.find((text) => text.includes('Heron')) ?? '').split(' — ')[0] ?? '';
    const rCase = await openCase(r.shell.page, rReference);
    await rCase.expectStage('Challenge lodged');
    // R's own case as the redress body, with its decision period running from the import.
    await expect(r.shell.page.getByTestId('case-side')).toHaveText('Challenge received (redress body)');
    await expect(r.shell.page.getByTestId('deadline-clocks')).toContainText('Redress decision');
    const redress = new RedressPage(r.shell.page);
    await r.shell.page.getByRole('button', { name: /^Redress/ }).click();
    await redress.takeReview();
    await rCase.expectStage('Redress review');
    await redress.decide('Modified', 'Traffic data went beyond what the threats required.', [
      { code: 'erase-data', description: 'Erase the traffic data received', due: inTwoMonths() },
    ]);
    await rCase.expectStage('Remedies');
    await r.exchange.open();
    await r.exchange.selectCase(rReference);
    await expect(r.exchange.exportPanel.getByRole('radio', { name: 'Decision' })).toBeChecked();
    const toA = join(stick, 'r-to-a');
    await mkdir(toA);
    await r.exchange.exportTo(toA);

    // A: the decision advances the case to its remedies.
    await a.exchange.open();
    await a.exchange.check(await onlyBundle(toA));
    // Outcome and remedy in words, the due instant in the locale's format: no code reaches the reader.
    await expect(a.exchange.preview).toContainText(
      'records the decision of Harbour Redress Board: Modified (narrowed).',
    );
    await expect(a.exchange.preview).toContainText('Remedy: Erase the data, due 31 Jan 2027');
    await a.exchange.apply();
    // A file picked in the dialog has no drive to go back to: the outcome asks where; the log's manual path still works.
    await expect(a.exchange.applyOutcome.getByRole('group', { name: 'Write the signed receipt to' })).toBeVisible();
    const receiptToR = join(stick, 'a-to-r-receipt');
    await mkdir(receiptToR);
    await a.exchange.writeReceipt('Decision', receiptToR);
    await onlyBundle(receiptToR);
    const decided = await openCase(page, reference);
    await decided.expectStage('Remedies');

    expect(a.shell.problems).toEqual([]);
    expect(r.shell.problems).toEqual([]);
  } finally {
    await r.shell.close();
    await contextR.close();
    await rm(stick, { recursive: true, force: true });
  }
});

test('an expired bundle is refused with its class, and imported only with a reason that the case keeps', async ({
  context,
  browser,
}) => {
  test.setTimeout(120_000);
  const stick = await mkdtemp(join(tmpdir(), 'casebridge-stick-'));
  const contextB = await browser.newContext({
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 1280, height: 800 },
  });
  // B's calendar is 31 days ahead: a bundle valid for 30 days arrives expired.
  const [a, b] = await Promise.all([
    openOffice(context, 'Bureau of Quiet Harbours', 'DE'),
    openOffice(contextB, 'Commission des Ports Calmes', 'FR', undefined, { clockAheadMs: 31 * 86_400_000 }),
  ]);
  try {
    await exchangeKeyCards(stick, a, b);
    await expectAccessible(a.shell.page, 'partner offices');
    const reference = await authorisedCase(a.shell.page);
    await a.exchange.open();
    await a.exchange.selectCase(reference);
    const toB = join(stick, 'a-to-b');
    await mkdir(toB);
    await a.exchange.exportTo(toB);

    await b.exchange.open();
    await b.exchange.check(await onlyBundle(toB));
    await expect(b.exchange.outcome).toHaveAttribute('data-code', 'BUNDLE_EXPIRED');
    await expect(b.exchange.outcome).toContainText('Refused: ');
    await expect(b.exchange.outcome).toContainText('validity ended on');
    await expect(b.exchange.outcome).not.toHaveText(/\d{4}-\d\d-\d\dT\d\d:/);
    await expectAccessible(b.shell.page, 'expired bundle refused');
    const override = b.shell.page.getByRole('group', { name: 'Import an expired bundle' });
    await expect(override.getByRole('button', { name: 'Check again and import despite expiry' })).toBeDisabled();
    await override
      .getByLabel(/Reason for importing it/)
      .fill('Courier delayed by a strike; content confirmed by phone.');
    await override.getByRole('button', { name: 'Check again and import despite expiry' }).click();
    await expect(b.exchange.preview).toContainText('Reason recorded in the case: Courier delayed by a strike');
    await b.exchange.apply();
    await expect(b.exchange.receivedLog()).toContainText('Request');

    expect(a.shell.problems).toEqual([]);
    expect(b.shell.problems).toEqual([]);
  } finally {
    await b.shell.close();
    await contextB.close();
    await rm(stick, { recursive: true, force: true });
  }
});
