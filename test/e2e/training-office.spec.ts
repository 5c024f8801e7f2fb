import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { axeBuilder } from './harness/axe-builder';
import { expectNoCodes } from './harness/expect-no-codes';
import { test, expect } from './harness/fixtures';
import { AppShellPage } from './pages/AppShellPage';
import { TrainingOfficePage } from './pages/TrainingOfficePage';
import { VaultPage } from './pages/VaultPage';

async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await axeBuilder(page).analyze();
  expect(violations.map((v) => `${screen}: ${v.id}: ${v.help}`)).toEqual([]);
}

test('The training office is created and deleted', async ({ shell }) => {
  // Two vaults' key derivations and 200 cases written: the one journey of this spec, kept in one test.
  test.setTimeout(150_000);
  const page = shell.page;
  await shell.load();
  const vault = new VaultPage(page);
  const training = new TrainingOfficePage(page);
  const ui = new AppShellPage(page);
  await expect(vault.heading('Set up Casebridge')).toBeVisible();
  await expectNoAxeViolations(page, 'first run with the training entry');

  await training.tryWithSampleData();
  await expect(page.getByRole('cell', { name: 'sample caseworker lantern 42' })).toBeVisible();
  await vault.expectUnlocked();
  await expect(training.banner.getByRole('status')).toHaveText(/Training office with sample data\./);
  await ui.expectScreen('Dashboard');
  await expectNoAxeViolations(page, 'training dashboard');

  await ui.open('Cases');
  await expect(ui.main.getByText(/of 200 cases/)).toBeVisible();
  await mkdir('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: 'test-results/screenshots/training-office-cases.png' });
  await expectNoAxeViolations(page, 'training case list');

  // Its partner offices are the sample ones the cases name: real key cards, listed by country and fingerprint, the
  // main one verified; key cards are neither imported nor exported here.
  await ui.open('Settings');
  const partners = ui.main.locator('.partner-list > li');
  await expect(partners).toHaveCount(5);
  const lanterns = ui.main.getByRole('listitem', { name: 'Bureau des Lanternes (fictif)' });
  await expect(lanterns).toContainText('France');
  await expect(lanterns.getByTestId('trust-state')).toHaveText('Verified');
  await expect(lanterns).toContainText(/Fingerprint: (\d{5} ){11}\d{5}/);
  await expect(ui.main.getByRole('listitem', { name: /Urząd Cichej Przystani/ })).toContainText('Poland');
  await expect(ui.main.getByText(/invented sample data/)).toBeVisible();
  await expect(ui.main.getByRole('button', { name: 'Import a key card…' })).toHaveCount(0);
  await expectNoCodes(page, 'training partner offices');
  await expectNoAxeViolations(page, 'training partner offices');

  // Nothing leaves the training office: the exchange is off, and says why.
  await ui.open('Exchange');
  await expect(ui.main.getByRole('heading', { name: 'Not available in the training office' })).toBeVisible();
  await expectNoAxeViolations(page, 'training exchange');

  // Leaving it goes back to the real installation, still at its first run.
  await training.leave();
  await expect(vault.heading('Set up Casebridge')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();

  // Back in: its sample people sign in at its own lock screen; deleting it asks first, then removes its database.
  await page.getByRole('button', { name: 'Open the training office' }).click();
  await expect(training.banner).toBeVisible();
  await expect(page.getByRole('cell', { name: 'sample reviewer heron 42' })).toBeVisible();
  await expectNoAxeViolations(page, 'training lock screen');
  expect(await training.databases()).toContain('casebridge-training');
  await training.delete();
  await expect(vault.heading('Set up Casebridge')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try with sample data' })).toBeVisible();
  expect(await training.databases()).not.toContain('casebridge-training');
  expect(shell.problems).toEqual([]);
});
