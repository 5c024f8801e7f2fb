import type { Page } from '@playwright/test';
import { expectAccessible } from './harness/two-offices';
import { test, expect } from './harness/fixtures';
import { AppShellPage } from './pages/AppShellPage';
import { CasePage } from './pages/CasePage';
import { CasesPage, type NewCaseInput } from './pages/CasesPage';
import { DashboardPage } from './pages/DashboardPage';
import { VaultPage } from './pages/VaultPage';

// Each case goes through the real form.
test.describe.configure({ timeout: 150_000 });
test.use({ actionTimeout: 15_000 });

const SCREENSHOTS = 'test-results/screenshots';
/** Monday 2 March 2026, 09:00 in Berlin. */
const START = new Date('2026-03-02T08:00:00Z');
const LOPEZ_TITLE =
  'Subscriber and login records of the Heron Lake community radio account used to threaten two reporters';
const MULLER_TITLE =
  'Payment records of the Copper Kettle account held by Jonas Müller, for the cross-border fraud inquiry';

const draftRequest = (title: string, partner: string, person: string): NewCaseInput => ({
  title,
  partner,
  legalBasis: 'gdpr-61',
  purpose: 'Identify who runs an account used for threats and fraud across the border',
  categories: ['Subscriber data'],
  person: { name: person, contact: 'Postbox 12, 1000 Brussels', language: 'en' },
  statements: {
    necessity: 'No other means identifies the account holder.',
    proportionality: 'Three months of subscriber data only.',
    nonDiscrimination: 'Selected by the messages sent, not by any protected trait.',
    minimisation: 'Subscriber data only.',
  },
  purgeAt: '2030-03-01',
});

async function newDraft(page: Page, input: NewCaseInput): Promise<string> {
  const cases = new CasesPage(page);
  await new AppShellPage(page).open('Cases');
  const reference = await cases.startNewCase();
  await cases.fillNewCase(input);
  await cases.saveNewCase(reference);
  return reference;
}

/** The case list has no sideways scrolling, and the title column keeps room for a readable title. */
async function expectUsableList(page: Page, minTitlePx: number): Promise<void> {
  const sizes = await page.evaluate(() => {
    const bar = document.querySelector('.case-filters');
    const title = document.querySelector('.vlist .case-row__title');
    return {
      pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
      barOverflow: bar ? bar.scrollWidth - bar.clientWidth : -1,
      titleWidth: title ? title.getBoundingClientRect().width : 0,
    };
  });
  expect(sizes.pageOverflow).toBeLessThanOrEqual(0);
  expect(sizes.barOverflow).toBe(0);
  expect(sizes.titleWidth).toBeGreaterThanOrEqual(minTitlePx);
}

test('finding work: "lopez" finds "López", due filters leave the partner’s deadlines out, saved views are kept', async ({
  shell,
}) => {
  const { page } = shell;
  await page.clock.install({ time: START });
  await shell.load();
  await new VaultPage(page).createVault({ jurisdiction: 'DE', role: 'Caseworker' });
  const cases = new CasesPage(page);
  const casePage = new CasePage(page);

  const lopez = await newDraft(page, draftRequest(LOPEZ_TITLE, 'FR', 'Ana López'));
  const muller = await newDraft(page, draftRequest(MULLER_TITLE, 'NL', 'Jonas Müller'));
  // The Dutch request goes out: the partner's one-month reply period starts on receipt.
  await casePage.pressAndConfirm('Authorise the case');
  await casePage.expectStage('Authorised');
  await casePage.recordSentAnotherWay();
  await casePage.expectStage('Request sent');
  await casePage.recordReceipt();

  await new AppShellPage(page).open('Cases');
  const count = page.getByTestId('case-count');
  await expect(count).toHaveText('2 of 2 cases');
  await cases.search('lopez');
  await expect(count).toHaveText('1 of 2 cases');
  await expect(page.getByRole('option', { name: new RegExp(lopez) })).toContainText('Ana López');
  await cases.search('MULLER copper');
  await expect(count).toHaveText('1 of 2 cases');
  await expect(page.getByRole('option', { name: new RegExp(muller) })).toBeVisible();
  await cases.search('');

  // Partners by country name, in the interface language.
  const partner = cases.filters().getByLabel('Partner', { exact: true });
  await expect(partner.getByRole('option')).toHaveText(['All', 'France', 'Netherlands']);
  await partner.selectOption({ label: 'Netherlands' });
  await expect(count).toHaveText('1 of 2 cases');

  // The Dutch reply is the partner's to meet: no due filter counts it as ours.
  await cases.chooseDue('Due in the next 30 days');
  await expect(count).toHaveText('0 of 2 cases');
  await cases.chooseDue('Any time');
  await expect(count).toHaveText('1 of 2 cases');
  await cases.saveView('Dutch requests');

  await cases.chooseView('Redress queue');
  await expect(cases.filters().getByLabel('Stage', { exact: true })).toHaveValue('redress-queue');
  await expect(count).toHaveText('0 of 2 cases');
  await cases.chooseView('My overdue');
  await expect(cases.filters().getByRole('radio', { name: 'My cases' })).toBeChecked();
  await expect(cases.filters().getByLabel('Due', { exact: true })).toHaveValue('overdue');
  await expect(count).toHaveText('0 of 2 cases');
  await cases.chooseView('Dutch requests');
  await expect(cases.filters().getByRole('radio', { name: 'All cases' })).toBeChecked();
  await expect(count).toHaveText('1 of 2 cases');

  // The list at 1024 × 700 with every filter showing (a date range adds two fields; empty, they keep every case):
  // the bar wraps, and titles stay readable.
  await cases.chooseView('Filters as set');
  await cases.filters().getByLabel('Partner', { exact: true }).selectOption({ label: 'All' });
  await cases.chooseDue('Due between two dates');
  await expect(cases.filters().getByLabel('Due from')).toHaveValue('');
  await expect(count).toHaveText('2 of 2 cases');
  await expectAccessible(page, 'case list with filters');
  await page.setViewportSize({ width: 1024, height: 700 });
  await expectUsableList(page, 260);
  await page.screenshot({ path: `${SCREENSHOTS}/case-list-1024x700.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectUsableList(page, 320);
  await page.screenshot({ path: `${SCREENSHOTS}/case-list-1280x800.png` });

  // Five weeks on, the partner has not replied: awaited, not our overdue. The saved view survived the lock.
  await new VaultPage(page).passDays(35);
  await new AppShellPage(page).open('Cases');
  await expect(page.getByRole('option', { name: new RegExp(muller) })).toContainText('partner late');
  await cases.chooseView('My overdue');
  await expect(count).toHaveText('0 of 2 cases');
  await cases.chooseView('Dutch requests');
  await expect(count).toHaveText('1 of 2 cases');
  await cases.views().getByRole('button', { name: 'Delete the view “Dutch requests”' }).click();
  await expect(cases.views().getByRole('status')).toHaveText('View “Dutch requests” deleted.');
  await expect(cases.views().getByLabel('View', { exact: true }).getByRole('option')).toHaveText([
    'Filters as set',
    'My overdue',
    'Redress queue',
  ]);

  const dashboard = new DashboardPage(page);
  await new AppShellPage(page).open('Dashboard');
  await expect(dashboard.tallies()).toContainText('0 cases overdue');
  await expect(dashboard.tallies()).toContainText('1 case awaiting the partner (overdue on their side)');
  await expect(dashboard.list('overdue')).not.toContainText(muller);
  await expect(dashboard.list('partner')).toContainText(muller);
  await expectAccessible(page, 'dashboard');
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: `${SCREENSHOTS}/dashboard-1024x700.png`, fullPage: true });
  expect(shell.problems).toEqual([]);
});
