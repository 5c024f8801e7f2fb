import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { axeBuilder } from './harness/axe-builder';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import type { Page } from '@playwright/test';
import { test, expect, type Shell } from './harness/fixtures';
import { AppShellPage } from './pages/AppShellPage';
import { CasePage } from './pages/CasePage';
import { CasesPage, type NewCaseInput } from './pages/CasesPage';
import { DashboardPage } from './pages/DashboardPage';
import { NoticePage } from './pages/NoticePage';
import { RedressPage } from './pages/RedressPage';
import { E2E_PASSPHRASE, VaultPage } from './pages/VaultPage';

// Vault creation runs Argon2id in the app's worker once per test (the suite's build: test floor).
test.describe.configure({ timeout: 120_000 });
test.use({ actionTimeout: 15_000 });

const SCREENSHOTS = 'test-results/screenshots';
const kit = await cryptoKit();
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
/** Monday 2 March 2026, 09:00 in Berlin: the injected clock the journeys start from. */
const START = new Date('2026-03-02T08:00:00Z');

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await axeBuilder(page).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Axe finds nothing serious, and the screen is kept as an artifact. */
async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page), name).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function start({ page, load }: Shell): Promise<void> {
  // Playwright's clock stands in for time: installed before load, so the app needs no test backdoor.
  await page.clock.install({ time: START });
  await load();
  await new VaultPage(page).createVault({
    officeName: 'Bureau of Quiet Harbours',
    jurisdiction: 'DE',
    role: 'Caseworker',
  });
}

const request = (over: Partial<NewCaseInput> = {}): NewCaseInput => ({
  title: 'Subscriber data for the Heron account',
  partner: 'FR',
  platform: 'Quiet Harbour Social SAS',
  legalBasis: 'gdpr-61',
  purpose: 'Identify the operator of an account used to threaten journalists',
  categories: ['Subscriber data', 'Traffic data'],
  person: { name: 'Camille Durand', contact: '12 rue des Lilas, 69001 Lyon', language: 'fr' },
  statements: {
    necessity: 'No other means identifies the account holder.',
    nonDiscrimination: 'Selected by the threats sent, not by any protected trait.',
    minimisation: 'Subscriber data and login times only, for three months.',
  },
  purgeAt: '2028-03-01',
  ...over,
});

/** A complete data-access request, authorised and sent to the partner (response clock running). */
async function sentRequest(page: Page, title: string, over: Partial<NewCaseInput> = {}): Promise<string> {
  const cases = new CasesPage(page);
  const casePage = new CasePage(page);
  await new AppShellPage(page).open('Cases');
  const reference = await cases.startNewCase();
  const base = request();
  await cases.fillNewCase({
    ...base,
    title,
    statements: { ...base.statements, proportionality: 'Three months only, against ongoing threats.' },
    ...over,
  });
  await cases.saveNewCase(reference);
  await casePage.pressAndConfirm('Authorise the case');
  await casePage.expectStage('Authorised');
  await casePage.recordSentAnotherWay();
  await casePage.expectStage('Request sent');
  await casePage.recordReceipt();
  return reference;
}

/** Moves the injected clock on. The idle lock fires on the way (days pass), so the user unlocks again. */
const passDays = (page: Page, days: number): Promise<void> => new VaultPage(page).passDays(days);

const CLARA = 'Clara reads 31 appeals under the linden tree';

/** Ana (administrator) adds Clara and grants her the redress officer role: roles are granted, never chosen. */
async function addRedressOfficer(page: Page): Promise<void> {
  const vault = new VaultPage(page);
  await new AppShellPage(page).open('Settings');
  await expect(page.getByTestId('my-roles')).toContainText('Caseworker, Administrator');
  await vault.addPerson('Clara Weiss', CLARA);
  await vault.grantRole('Clara Weiss', 'Redress officer');
}

/** Switching person locks the vault and signs the other person in with their own passphrase. */
async function signInAs(page: Page, name: 'Ana Silva' | 'Clara Weiss'): Promise<void> {
  const vault = new VaultPage(page);
  await vault.lock();
  await vault.choosePerson(name);
  await vault.unlock(name === 'Ana Silva' ? E2E_PASSPHRASE : CLARA);
  await vault.expectUnlocked();
  await expect(page.getByTestId('signed-in-person')).toHaveText(`Signed in as ${name}`);
}

test.describe('the guided journey', () => {
  test('draft → refused authorisation → authorised → request → French notice → challenge → redress decision with two remedies → closed', async ({
    shell,
  }) => {
    const { page } = shell;
    await start(shell);
    const shellPage = new AppShellPage(page);
    const cases = new CasesPage(page);
    const casePage = new CasePage(page);
    const notice = new NoticePage(page);
    const redress = new RedressPage(page);
    await checkScreen(page, 'dashboard-empty');
    // The administrator sets the office letterhead once; every notice carries it.
    await shellPage.open('Settings');
    const letterhead = page.getByTestId('letterhead');
    await letterhead.getByLabel('Email').fill('not an address');
    await expect(letterhead.getByText('That is not an email address.', { exact: false }).first()).toBeVisible();
    await letterhead.getByLabel('Postal address').fill('12 Harbour Lane\n10115 Berlin');
    await letterhead.getByLabel('Email').fill('cases@harbours.example');
    await letterhead.getByLabel('Phone').fill('+49 30 0000 0000');
    await letterhead.getByRole('button', { name: 'Save the letterhead' }).click();
    await expect(letterhead.getByRole('status')).toHaveText('Saved.');

    await shellPage.open('Cases');
    const reference = await cases.startNewCase();
    expect(reference).toMatch(/^DE-BQH-2026-0001$/);
    await cases.fillNewCase(request());
    await checkScreen(page, 'new-case');
    await cases.saveNewCase(reference);
    await casePage.expectStage('Draft');
    await expect(casePage.requiredNow()).toContainText('Proportionality statement is empty');

    // Authorising with an empty proportionality statement is refused with the workflow's own message.
    await casePage.press('Authorise the case');
    await expect(casePage.alert()).toContainText('The case cannot be authorised yet');
    await expect(casePage.alert()).toContainText('Proportionality statement is empty');
    await casePage.expectStage('Draft');
    await checkScreen(page, 'case-draft-refused');

    await page
      .getByLabel('Proportionality statement')
      .fill('Three months of subscriber data against a campaign of threats.');
    await casePage.pressAndConfirm('Authorise the case');
    await casePage.expectStage('Authorised');

    // Evidence: the file is encrypted into the vault; the item shows its BLAKE2b-256 and its chain of custody.
    const evidenceBytes = Buffer.from('Screenshot of the threatening messages, 14 February 2026');
    await page
      .getByLabel('Choose files…')
      .setInputFiles({ name: 'threats.txt', mimeType: 'text/plain', buffer: evidenceBytes });
    const evidence = page.getByTestId('evidence-item');
    await expect(evidence).toContainText('threats.txt');
    await expect(evidence).toContainText(toHex(kit.hash(new Uint8Array(evidenceBytes), 32)));
    await page.getByLabel('Custody step for threats.txt', { exact: true }).selectOption('copied');
    await page.getByLabel('Note for threats.txt').fill('Copy for the partner request');
    await page.getByRole('button', { name: 'Record custody step' }).click();
    await expect(evidence).toContainText('copied — Ana Silva: Copy for the partner request');

    await casePage.recordSentAnotherWay();
    await casePage.expectStage('Request sent');
    // Art. 61(2) GDPR counts from receipt by the requested authority: the caseworker records that day.
    await expect(casePage.requiredNow()).toContainText('record the day the partner received the request');
    await casePage.recordReceipt();
    await expect(page.getByTestId('deadline-clocks')).toContainText('Requested authority replies');
    // Each clock says how its date was counted: the rule, and the partner's public holidays it used.
    const clocks = page.getByTestId('deadline-clocks');
    await clocks.getByText('How this date was counted').first().click();
    await expect(clocks.getByText(/^Rule: Art\. 61\(2\) GDPR/).first()).toBeVisible();
    await expect(
      clocks.getByText(/^Working days: weekends and public holidays \(date-holidays [\d.]+, FR\)\.$/).first(),
    ).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/deadline-explanation.png' });
    await page.getByLabel("Summary of the partner's response").fill('Subscriber record and login times received.');
    await casePage.pressAndConfirm('Record the response');
    await casePage.expectStage('Response received');

    // Notice in French, the person's language: preview, save as PDF, record delivery.
    await notice.prepare(1);
    await expect(page.getByLabel('Language of the notice')).toHaveValue('fr');
    await expect(notice.preview).toContainText('Notification d’une mesure transfrontière concernant vos données');
    await expect(notice.preview).toContainText('Comment contester cette mesure');
    await expect(notice.preview).toContainText('Camille Durand');
    await expect(notice.preview).toContainText(reference);
    await expect(notice.preview).toContainText('Bureau of Quiet Harbours, 12 Harbour Lane, 10115 Berlin');
    await expect(notice.preview).toContainText('cases@harbours.example · +49 30 0000 0000');
    await expect(notice.preview).toContainText('Ana Silva, pour Bureau of Quiet Harbours');
    // The purpose was written in English: the French notice marks it, and saving asks first.
    await expect(notice.preview).toContainText('[non traduit — original en anglais]');
    await page.getByRole('button', { name: 'Save as PDF…' }).click();
    await expect(page.getByRole('alertdialog')).toContainText('not translated into French');
    await page.getByRole('button', { name: 'Add the translation first' }).click();
    await notice.translatePurpose('Identifier les auteurs de menaces proférées contre une journaliste.');
    await expect(notice.preview).toContainText('Identifier les auteurs de menaces');
    await expect(notice.preview).not.toContainText('non traduit');
    await checkScreen(page, 'notice-preview-fr');
    const pdfPath = join(shell.dataFolder, 'notice-fr.pdf');
    shell.dialogs.nextSavePath = pdfPath;
    await notice.savePdf();
    expect((await readFile(pdfPath)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // What prints is the notice alone: the print stylesheet hides the app around it.
    await page.emulateMedia({ media: 'print' });
    const printed = page.locator('body > .print-root');
    await expect(printed).toBeVisible();
    await expect(printed).toContainText('Notification d’une mesure transfrontière concernant vos données');
    await expect(page.locator('#root')).toBeHidden();
    await page.screenshot({ path: join(SCREENSHOTS, 'notice-print-fr.png') });
    await page.emulateMedia({ media: 'screen' });
    await notice.recordDelivery('registered-post');
    await casePage.expectStage('Challenge window');
    await expect(page.getByTestId('notice-status-1')).toContainText('in French');

    await redress.lodgeChallenge(
      ['The measure was disproportionate'],
      'Three months is far more than the threats justify.',
      ['threats.txt'],
    );
    await casePage.expectStage('Challenge lodged');
    await page.getByRole('button', { name: /^Challenge/ }).click();
    await expect(casePage.stepPanel).toContainText('threats.txt');
    // The caseworker cannot take the review: the reason is shown, not a dead button.
    await casePage.page.getByRole('button', { name: /^Redress/ }).click();
    await expect(page.getByTestId('not-permitted-begin-review')).toContainText(
      'only a redress officer can take the redress review',
    );

    // The redress officer is another person: Ana adds Clara, and Clara signs in with her own passphrase.
    await addRedressOfficer(page);
    await signInAs(page, 'Clara Weiss');
    await shellPage.open('Dashboard');
    const dashboard = new DashboardPage(page);
    await expect(dashboard.queue()).toContainText(reference);
    await checkScreen(page, 'dashboard-redress-queue');
    await dashboard.openFrom(dashboard.queue(), reference);
    await redress.takeReview();
    await casePage.expectStage('Redress review');
    await redress.decide('Modified', 'Traffic data went beyond what the threats required.', [
      { code: 'erase-data', description: 'Erase the traffic data received', due: '2026-03-20' },
      { code: 'notify-partner', description: 'Tell the CNIL the scope was narrowed', due: '2026-03-13' },
    ]);
    await casePage.expectStage('Remedies');
    await expect(page.getByTestId('letter-preview')).toContainText('Décision sur votre recours');
    await expect(page.getByTestId('letter-preview')).toContainText('Effacer les données');
    // The officer wrote the reasons in English: the French letter marks them until someone translates them.
    await expect(page.getByTestId('letter-preview')).toContainText('[non traduit — original en anglais]');
    await checkScreen(page, 'case-decision');
    // A redress officer may not carry out remedies: explained in place.
    await expect(page.getByTestId('not-permitted-complete-remedy').first()).toContainText('only a caseworker');

    await signInAs(page, 'Ana Silva');
    await shellPage.open('Cases');
    await cases.search(reference);
    await checkScreen(page, 'case-list');
    await cases.openFromList(reference);
    await page.getByRole('button', { name: /^Redress/ }).click();
    await redress.completeRemedy('Erase the data', 'Erased on both systems.');
    await expect(page.getByTestId('remedy-erase-data')).toContainText('done');
    await redress.completeRemedy('Notify the partner authority', 'Letter sent to the CNIL.');
    await expect(page.getByTestId('remedy-notify-partner')).toContainText('done');
    await casePage.pressAndConfirm('Close the case');
    await casePage.expectStage('Closed');
    await expect(page.getByTestId('closure')).toContainText('every remedy was carried out');

    const verdict = await casePage.verifyChain();
    await expect(verdict).toContainText('Chain verified');
    // Ana's and Clara's acts are each signed with their own key.
    await expect(verdict).toContainText('Every event is signed by the person who did it.');
    // The trail names the people who did each step, not role labels.
    const trail = page.getByRole('region', { name: /Audit trail/ });
    await expect(trail).toContainText('by Ana Silva (Caseworker)');
    await expect(trail).toContainText('by Clara Weiss (Redress officer)');
    await checkScreen(page, 'case-closed-audit');
    expect(shell.problems).toEqual([]);
  });
});

test.describe('deadlines over time', () => {
  test('a deferred notice comes up for review, then becomes due again, and opens at the notice step', async ({
    shell,
  }) => {
    const { page } = shell;
    await start(shell);
    const casePage = new CasePage(page);
    const notice = new NoticePage(page);
    const reference = await sentRequest(page, 'Deferred notice matter');
    await page.getByLabel("Summary of the partner's response").fill('Records received.');
    await casePage.pressAndConfirm('Record the response');
    await casePage.expectStage('Response received');
    await notice.prepare(1);
    // A deferral without an end date is refused with the workflow's message.
    await page.getByLabel('Reasons for deferral').fill('Telling the person now would alert the suspects.');
    await page.getByRole('button', { name: 'Defer notice' }).click();
    await expect(page.getByRole('alert')).toContainText('notice deferral needs an end date');
    await notice.defer('Telling the person now would alert the suspects.', '2026-03-12');
    await expect(page.getByTestId('notice-status-1')).toContainText('notice deferred until');
    await expect(casePage.requiredNow()).toContainText('is deferred until');

    const shellPage = new AppShellPage(page);
    const dashboard = new DashboardPage(page);
    await shellPage.open('Dashboard');
    await expect(dashboard.list('deferrals')).not.toContainText(reference);
    await passDays(page, 6); // 8 March: review within the week
    await expect(dashboard.list('deferrals')).toContainText(reference);
    await expect(dashboard.list('deferrals')).toContainText('Notice deferral ends');
    await passDays(page, 5); // 13 March: the deferral has ended
    await expect(dashboard.list('deferrals')).toContainText('notice is due again');
    await checkScreen(page, 'dashboard-deferral-due');
    await dashboard.openFrom(dashboard.list('deferrals'), reference);
    await expect(page.getByRole('heading', { level: 2, name: 'Notice to affected people' })).toBeVisible();
    await expect(casePage.requiredNow()).toContainText('expired: notice is due again');
    // The only way out other than notice: a lawful ground with reasons, after which the person is owed nothing.
    await notice.prepare(1);
    await notice.withhold('omitted-by-law', '');
    await expect(page.getByRole('alert')).toContainText('needs reasons');
    await notice.withhold('omitted-by-law', 'National law omits notice while the investigation is secret.');
    await expect(page.getByTestId('notice-status-1')).toContainText(
      'not to be told (a legislative measure omits notice',
    );
    await shellPage.open('Dashboard');
    await expect(dashboard.list('deferrals')).not.toContainText(reference);
    expect(shell.problems).toEqual([]);
  });

  test('an unanswered request waits on the partner, never counted as our overdue; the UI also works in French', async ({
    shell,
  }) => {
    const { page } = shell;
    await start(shell);
    const reference = await sentRequest(page, 'Unanswered request');
    const shellPage = new AppShellPage(page);
    const dashboard = new DashboardPage(page);
    await shellPage.open('Dashboard');
    await expect(dashboard.list('partner')).toHaveCount(0);
    await passDays(page, 35); // the partner's one-month reply period has passed
    await expect(dashboard.list('overdue')).not.toContainText(reference);
    await expect(dashboard.list('partner')).toContainText(reference);
    await expect(dashboard.list('partner')).toContainText('Requested authority replies');
    await expect(dashboard.tallies()).toContainText('0 cases overdue');
    await expect(dashboard.tallies()).toContainText('1 case awaiting the partner (overdue on their side)');
    await checkScreen(page, 'dashboard-overdue');

    await shellPage.open('Cases');
    const cases = new CasesPage(page);
    await cases.chooseDue('Overdue (our side)');
    await expect(page.getByTestId('case-count')).toHaveText('0 of 1 cases');
    await cases.chooseDue('Any time');
    await expect(page.getByRole('option', { name: new RegExp(reference) })).toContainText('partner late');
    // The list is one tab stop: arrows move, Enter opens.
    await page.getByRole('listbox', { name: /^Cases/ }).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(reference) })).toBeVisible();
    await page.getByRole('button', { name: 'Back to cases' }).click();

    // Switch the interface to French in Settings: labels, dates and numbers follow.
    await shellPage.open('Settings');
    await page.getByLabel('Interface language').selectOption('fr');
    await expect(page.getByRole('heading', { level: 1, name: 'Paramètres' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('button', { name: 'Tableau de bord' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
    await expect(dashboard.list('partner')).toContainText('En attente du partenaire');
    await expect(dashboard.list('partner')).toContainText('2 avr. 2026');
    // The deadline's label is worded in French too (the template says "Requested authority replies").
    await expect(dashboard.list('partner')).toContainText('L’autorité requise répond');
    await checkScreen(page, 'dashboard-fr');
    await dashboard.openFrom(dashboard.list('partner'), reference);
    await expect(page.getByRole('heading', { level: 2, name: 'Demande et réponse' })).toBeVisible();
    // The workflow's English sentences are shown in French where the catalog has them.
    await expect(new CasePage(page).requiredNow()).toContainText('enregistrer la réponse du partenaire');
    await expect(page.getByTestId('deadline-clocks')).toContainText('L’autorité requise répond');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    // The rule's source is a citation of the English text, marked so a screen reader reads it in English.
    const frClocks = page.getByTestId('deadline-clocks');
    await frClocks.getByText('Comment cette date a été calculée').first().click();
    await expect(frClocks.locator('[lang="en"]', { hasText: 'Art. 61(2) GDPR' }).first()).toBeVisible();
    await checkScreen(page, 'case-fr');
    expect(shell.problems).toEqual([]);
  });

  test('an emergency measure nears its sunset on the dashboard; a reviewed extension takes it off the list', async ({
    shell,
  }) => {
    const { page } = shell;
    await start(shell);
    const reference = await sentRequest(page, 'Imminent threat to life', {
      emergency: { justification: 'Credible threat to a journalist’s life within days.', sunset: '2026-03-06' },
    });
    await expect(page.getByTestId('emergency')).toContainText('Lapses');
    const shellPage = new AppShellPage(page);
    const dashboard = new DashboardPage(page);
    await shellPage.open('Dashboard');
    await expect(dashboard.list('sunsets')).toContainText(reference);
    await dashboard.openFrom(dashboard.list('sunsets'), reference);
    const emergency = page.getByTestId('emergency');
    await emergency
      .getByLabel('Reasons for the review')
      .fill('The threat persists; the partner confirmed the account is still active.');
    await emergency.getByLabel('New sunset date').fill('2026-03-30');
    await emergency.getByRole('button', { name: 'Record the review' }).click();
    await expect(emergency).toContainText('The threat persists');
    await checkScreen(page, 'case-emergency-reviewed');
    await shellPage.open('Dashboard');
    await expect(dashboard.list('sunsets')).not.toContainText(reference);
    expect(shell.problems).toEqual([]);
  });
});
