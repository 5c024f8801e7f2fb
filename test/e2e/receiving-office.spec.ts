import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext } from '@playwright/test';
import { test, expect } from './harness/fixtures';
import {
  authorisedCase,
  closeTwoOffices,
  expectAccessible,
  heronRequest,
  onlyBundle,
  openCase,
  twoOfficesOnOneStick,
  type Office,
} from './harness/two-offices';
import { CasePage } from './pages/CasePage';

/**
 * A period's row in the Deadlines panel, due between `from` and `to` days from now: its length, plus the days a due
 * date ending on a weekend or holiday rolls forward (the exact arithmetic is the deadline engine's unit tests).
 */
function dueInDays(label: string, from: number, to: number): RegExp {
  const days = Array.from({ length: to - from + 1 }, (_, i) => from + i).join('|');
  return new RegExp(`${label}.*in (${days}) days`);
}

/** Two offices on one stick, with verified key cards: Bonn (DE) asks, Paris (FR) is asked, on Paris's time. */
async function bonnAndParis(context: BrowserContext, browser: Browser) {
  const offices = await twoOfficesOnOneStick(context, browser, {
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 900 },
  });
  return { offices, stick: offices.stick, usb: offices.usb, bonn: offices.bureau, paris: offices.commission };
}

/** Bonn sends an authorised request under `procedure`, with a covering note, to the stick; returns its reference. */
async function sendRequest(bonn: Office, usb: string, procedure: string, note: string): Promise<string> {
  const reference = await authorisedCase(bonn.shell.page, { ...heronRequest, procedure });
  await bonn.exchange.open();
  await bonn.exchange.selectCase(reference);
  await bonn.exchange.exportPanel.getByLabel('Covering note (optional)').fill(note);
  await bonn.exchange.exportTo(usb);
  return reference;
}

/** Paris imports the request from the stick and lands on its own new case; returns Paris's reference. */
async function receiveRequest(paris: Office, usb: string, bonnReference: string): Promise<string> {
  const requestName = (await onlyBundle(usb)).split('/').pop() ?? '';
  await paris.exchange.open();
  await paris.exchange.lookOnDrive('usb');
  await expect(paris.exchange.inboxRow('usb', requestName)).toContainText('New');
  await paris.exchange.checkOnDrive('usb', requestName);
  await expect(paris.exchange.preview).toContainText(`for the request ${bonnReference} from Bureau of Quiet Harbours`);
  await expect(paris.exchange.preview).toContainText('Deadline for this office');
  await expect(paris.exchange.preview).toContainText('The case moves to stage: Received');
  await paris.exchange.apply();
  await paris.exchange.openAppliedCase();
  const page = paris.shell.page;
  await expect(page.getByTestId('case-side')).toHaveText('Received from another office');
  const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  return heading.trim().split(' ')[0] ?? '';
}

test('GDPR Art. 61: the requested office works the request on its own deadline, refuses in part, and Bonn sees the answer', async ({
  context,
  browser,
}) => {
  test.setTimeout(150_000);
  const { offices, stick, usb, bonn, paris } = await bonnAndParis(context, browser);
  try {
    const note = 'Please also confirm by letter to our postal address.';
    const bonnReference = await sendRequest(bonn, usb, 'GDPR mutual assistance request', note);
    const parisReference = await receiveRequest(paris, usb, bonnReference);
    const page = paris.shell.page;
    const parisCase = new CasePage(page);

    // Paris's own case: received, never a draft to authorise; the covering note and Bonn's reference show.
    await parisCase.expectStage('Received');
    await expect(page.getByTestId('covering-note')).toHaveText(note);
    await expect(page.getByTestId('their-reference')).toHaveText(bonnReference);
    await expect(page.getByRole('button', { name: 'Authorise the case' })).toHaveCount(0);
    // One month from receipt (Art. 61(2)), on Paris's calendar.
    const deadlines = parisCase.deadlines();
    await expect(deadlines).toContainText(dueInDays('Requested authority replies', 28, 35));
    await expect(parisCase.requiredNow()).toContainText('decide whether to recognise the request');
    await expectAccessible(page, 'received request');
    await page.screenshot({ path: 'test-results/screenshots/received-request.png', fullPage: true });

    // A refusal in part needs a ground from the procedure's list (Art. 61(4)) and reasons.
    await page.getByTestId('recognition-form').getByRole('radio', { name: 'Recognise and execute in part' }).check();
    await page.getByTestId('recognition-form').getByRole('button', { name: 'Record the decision' }).click();
    await expect(page.getByTestId('recognition-form')).toContainText('names at least one ground');
    await parisCase.decideRecognition(
      'Recognise and execute in part',
      [/Not competent for the subject-matter/],
      'The login times are held by an operator outside our competence.',
    );
    await parisCase.expectStage('Executing');
    await expect(page.getByTestId('recognition')).toContainText('Art. 61(4)(a)');

    // The answer: a response bundle from Exchange, which records the answer on the case.
    await paris.exchange.open();
    await paris.exchange.selectCase(parisReference);
    await expect(paris.exchange.exportPanel.getByRole('radio', { name: 'Response' })).toBeChecked();
    await paris.exchange.exportPanel
      .getByLabel('Your response (what was found or done)')
      .fill('Subscriber record attached; login times not within our competence.');
    const toBonn = join(stick, 'paris-to-bonn');
    await mkdir(toBonn);
    await paris.exchange.exportTo(toBonn);
    const answered = await openCase(page, parisReference);
    await answered.expectStage('Answer sent');
    await expect(answered.requiredNow()).toContainText('the answer was sent: close the case');

    // Bonn: the response advances its case and shows Paris's reference and decision.
    await bonn.exchange.open();
    await bonn.exchange.check(await onlyBundle(toBonn));
    await expect(bonn.exchange.preview).toContainText('Their decision on recognition: Recognise and execute in part');
    await expect(bonn.exchange.preview).toContainText(`Their reference: ${parisReference}`);
    await bonn.exchange.apply();
    const bonnCase = await openCase(bonn.shell.page, bonnReference);
    await bonnCase.expectStage('Response received');
    // The trail names the partner office as Bonn's partner list knows it, not by a key.
    await expect(bonn.shell.page.getByRole('region', { name: /Audit trail/ })).toContainText(
      'by partner office Commission des Ports Calmes (FR)',
    );
    await bonn.shell.page.getByRole('button', { name: /^Request/ }).click();
    await expect(bonn.shell.page.getByTestId('response')).toContainText(`Their reference: ${parisReference}`);
    await expect(bonn.shell.page.getByTestId('partner-recognition')).toContainText('recognised the request in part');
    await expect(bonn.shell.page.getByTestId('partner-recognition')).toContainText('Not competent');

    expect(bonn.shell.problems).toEqual([]);
    expect(paris.shell.problems).toEqual([]);
  } finally {
    await closeTwoOffices(offices);
  }
});

test('EIO: the executing office has 30 days to recognise and, once it does, 90 days to execute', async ({
  context,
  browser,
}) => {
  test.setTimeout(150_000);
  const { offices, usb, bonn, paris } = await bonnAndParis(context, browser);
  try {
    const bonnReference = await sendRequest(
      bonn,
      usb,
      'European Investigation Order: recognition and execution',
      'Investigation 4711; urgent.',
    );
    await receiveRequest(paris, usb, bonnReference);
    const parisCase = new CasePage(paris.shell.page);
    await parisCase.expectStage('Received');
    const deadlines = parisCase.deadlines();
    await expect(deadlines).toContainText(dueInDays('Executing authority decides on recognition', 30, 34));
    await expect(deadlines).not.toContainText('Executing authority carries out the measure');

    await parisCase.decideRecognition('Recognise and execute in full');
    await parisCase.expectStage('Executing');
    // Recognition met; execution runs 90 days from the decision (Art. 12(4)).
    await expect(deadlines).not.toContainText('Executing authority decides on recognition');
    await expect(deadlines).toContainText(dueInDays('Executing authority carries out the measure', 90, 94));
    expect(paris.shell.problems).toEqual([]);
  } finally {
    await closeTwoOffices(offices);
  }
});
