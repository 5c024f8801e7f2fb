import { expectAccessible, heronRequest } from './harness/two-offices';
import { test, expect } from './harness/fixtures';
import { AppShellPage } from './pages/AppShellPage';
import { CasePage } from './pages/CasePage';
import { CasesPage } from './pages/CasesPage';
import { VaultPage } from './pages/VaultPage';

test.describe.configure({ timeout: 120_000 });

test('a save with problems lists them at the top, takes the focus there, and each line leads to its field', async ({
  shell: harness,
}) => {
  await harness.load();
  const page = harness.page;
  const vault = new VaultPage(page);
  // The office code in references is chosen at setup: a bad one is explained, a good one numbers the cases.
  await vault.createPassphrase();
  await page.getByLabel('Office name').fill('Bureau of Quiet Harbours');
  await page.getByLabel('Jurisdiction').selectOption('DE');
  await page.getByRole('radio', { name: 'Caseworker' }).check();
  await expect(page.getByLabel('Office code in case references')).toHaveValue('BQH'); // suggested from the name
  await page.getByLabel('Office code in case references').fill('Q-H!');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('alert')).toContainText('The office code needs 2 to 8 capital letters or digits');
  await page.getByLabel('Office code in case references').fill('qh7');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByRole('button', { name: 'Skip for now' }).click();
  await vault.expectUnlocked();
  const shell = new AppShellPage(page);
  await shell.open('Cases');
  await page.getByRole('button', { name: 'New case' }).click();
  await expect(page.getByLabel('Reference')).toHaveValue(`DE-QH7-${new Date().getFullYear()}-0001`);
  const purpose = page.getByRole('textbox', { name: 'Purpose', exact: true });
  // A stray paste: 5,001 characters where 5,000 are allowed. The counter says so at once.
  await purpose.fill('x'.repeat(5_001));
  await expect(page.getByText('1 character too many (at most 5,000)')).toBeVisible();
  await page.getByLabel('Data from').fill('2031-01-01');
  await page.getByLabel('Data until').fill('2031-02-01');
  await page.getByRole('button', { name: 'Save draft' }).click();

  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading')).toHaveText('There are 4 problems: fix them to save');
  await expect(summary.getByRole('listitem')).toHaveText([
    'Title: Enter a title.',
    'Purpose: Shorten it to at most 5,000 characters.',
    'Data from: Stored data cannot come from the future: use today or an earlier day.',
    'Data until: Stored data cannot come from the future: use today or an earlier day.',
  ]);
  await page.screenshot({ path: 'test-results/screenshots/error-summary.png' });
  await expectAccessible(page, 'the new-case form with its error summary');
  await summary.getByRole('link', { name: /^Purpose:/ }).click();
  await expect(purpose).toBeFocused();

  // Fixed, the case saves and opens; nothing was stored before.
  await purpose.fill('Identify who runs the account');
  await page.getByLabel('Data from').fill('2026-01-01');
  await page.getByLabel('Data until').fill('2026-02-01');
  await page.getByLabel('Title').fill('Subscriber data for the Kestrel account');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Kestrel/ })).toBeVisible();

  // Each case kind asks what fits it: a complaint is asked about admissibility, not proportionality.
  await shell.open('Cases');
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByRole('radio', { name: 'Rights complaint' }).check();
  await expect(page.getByLabel('Proportionality statement')).toHaveCount(0);
  await expect(page.getByLabel('Necessity statement')).toHaveCount(0);
  const admissibility = page.getByRole('group', { name: /^Admissibility of the complaint/ });
  const competent = admissibility.getByRole('group', { name: 'Is this office competent to deal with the complaint?' });
  await expect(competent).toHaveAccessibleDescription(/within this office’s remit/);
  await competent.getByRole('radio', { name: 'Yes' }).check();
  await admissibility
    .getByRole('group', { name: 'Is the complainant entitled to complain?' })
    .getByRole('radio', { name: 'Yes' })
    .check();
  await admissibility
    .getByRole('group', { name: 'Was the complaint made in time?' })
    .getByRole('radio', { name: 'Unclear' })
    .check();
  await expect(admissibility.getByText('2 of 5 answered yes')).toBeVisible();
  await page.getByLabel('Title').fill('Complaint about a disclosed account');
  await admissibility
    .getByLabel('Reasons for the admissibility assessment')
    .fill('The controller is established here.');
  await page.screenshot({ path: 'test-results/screenshots/complaint-admissibility.png', fullPage: true });
  await expectAccessible(page, 'the new-case form of a rights complaint');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /disclosed account/ })).toBeVisible();
  // Stored: the draft shows the answers back, the particulars say them in words, and what is still missing
  // names admissibility, never a statement of the data request's checklist.
  await expect(
    page.getByRole('group', { name: 'Was the complaint made in time?' }).getByRole('radio', { name: 'Unclear' }),
  ).toBeChecked();
  const facts = page.getByRole('region', { name: 'Case particulars' });
  await expect(facts).toContainText('Made in timeUnclear');
  await expect(facts).toContainText('Not decided or pending elsewhereNot answered');
  const required = new CasePage(page).requiredNow();
  await expect(required).toContainText('admissibility: “Made in time” is answered unclear');
  await expect(required).toContainText('admissibility: “Not manifestly unfounded or excessive” is not answered');
  await expect(required).not.toContainText('statement is empty');

  // Found out: the matter is before a court already. The complaint is declared inadmissible, with its reasons.
  const draft = page.getByTestId('admissibility');
  await draft
    .getByRole('group', { name: /neither already decided nor pending/ })
    .getByRole('radio', { name: 'No' })
    .check();
  await draft
    .getByLabel('Reasons for the admissibility assessment')
    .fill('A court in Lyon is hearing the same matter.');
  // The edits are saved first and the decision asks for confirmation; the workflow then says who is to be told.
  await new CasePage(page).pressAndConfirm('Declare the complaint inadmissible');
  await expect(page.getByTestId('inadmissible')).toContainText('the complainant is not recorded as an affected person');
  await page.getByTestId('inadmissible').screenshot({ path: 'test-results/screenshots/complaint-declare.png' });
  await expectAccessible(page, 'a rights complaint in draft, answered no');
  await page.getByRole('button', { name: 'Add an affected person' }).click();
  await page.getByLabel('Name of person 1').fill('Léa Martin');
  await page.getByLabel('Contact for notice, person 1').fill('lea.martin@example.org');
  await new CasePage(page).pressAndConfirm('Declare the complaint inadmissible');
  await expect(page.getByTestId('case-inadmissible')).toContainText(
    'Reasons: A court in Lyon is hearing the same matter.',
  );
  await new CasePage(page).expectStage('Closed');
  await page.locator('.case-view__header').screenshot({ path: 'test-results/screenshots/complaint-inadmissible.png' });
  // The complainant is told by letter: a to-do until it is recorded as sent; the letter says why and how to go to court.
  const closedRequired = new CasePage(page).requiredNow();
  await expect(closedRequired).toContainText('send the inadmissibility letter to complainant 1');
  await page.getByRole('button', { name: 'Print the letter to the complainant' }).click();
  const letter = page.getByTestId('inadmissibility-letter-preview');
  await expect(letter).toContainText('A court in Lyon is hearing the same matter.');
  await expect(letter).toContainText('The same matter has already been decided, or is pending, elsewhere.');
  await expect(letter).toContainText('Article 78(1) of Regulation (EU) 2016/679');
  await letter.screenshot({ path: 'test-results/screenshots/complaint-inadmissible-letter.png' });
  await letter.evaluate((preview) => preview.scrollTo(0, preview.scrollHeight));
  await letter.screenshot({ path: 'test-results/screenshots/complaint-inadmissible-letter-end.png' });
  await expectAccessible(page, 'the letter to a complainant whose complaint is inadmissible');
  await new CasePage(page).pressAndConfirm('Record the letter as sent');
  await expect(page.getByTestId('letter-status-1')).toContainText('Léa Martin: letter sent on');
  await expect(closedRequired).not.toContainText('inadmissibility letter');
});

test('a request to identify an unknown user names nobody until the response does; then that person is owed notice', async ({
  app: page,
}) => {
  const cases = new CasesPage(page);
  const casePage = new CasePage(page);
  await new AppShellPage(page).open('Cases');
  const reference = await cases.startNewCase();
  // The procedure names the legal basis: the production order starts under Art. 5 Reg. (EU) 2023/1543.
  await page.getByLabel('Procedure (deadlines follow it)').selectOption({ label: 'European Production Order' });
  await expect(page.getByRole('combobox', { name: 'Legal basis', exact: true })).toHaveValue('epo-2023-1543-5');
  // It also says what bounds retention: criminal-matters rules, the figure marked unverified where it is.
  await expect(page.getByLabel('Retention ends (case data purged)')).toHaveAccessibleDescription(
    /Directive \(EU\) 2016\/680 .*Art\. 5; unverified/,
  );
  const { person: _nobody, ...request } = heronRequest;
  await cases.fillNewCase({
    ...request,
    categories: ['Data requested only to identify the user (e.g. IP address)'],
  });
  await cases.saveNewCase(reference);
  await casePage.pressAndConfirm('Authorise the case');
  await casePage.expectStage('Authorised');
  await casePage.recordSentAnotherWay();
  await casePage.expectStage('Request sent');
  await page.getByLabel("Summary of the partner's response").fill('The IP address was assigned to Marta López.');
  await casePage.pressAndConfirm('Record the response');
  await casePage.expectStage('Response received');

  await expect(casePage.requiredNow()).toContainText('record the person the response identified, if it named anyone');
  const form = page.getByRole('region', { name: 'Who did the response identify?' });
  await form.getByRole('button', { name: 'Record the identified person' }).click();
  await expect(form.getByRole('alert')).toContainText('person 1 has no name');
  await form.getByLabel('Name of the identified person').fill('Marta López');
  await form.getByLabel('Contact for notice').fill('Calle Mayor 3, 28013 Madrid');
  await form.getByLabel('Language of their notice').selectOption('es');
  await page.screenshot({ path: 'test-results/screenshots/identified-person.png' });
  await form.getByRole('button', { name: 'Record the identified person' }).click();
  await casePage.expectStage('Notice');
  await expect(page.getByText('Marta López').first()).toBeVisible();
  await expectAccessible(page, 'the notice step of an identification request');
  // Her notice is now owed: the case cannot close without it.
  await expect(page.getByRole('region', { name: /Audit trail/ })).toContainText('Identified person recorded');
});
