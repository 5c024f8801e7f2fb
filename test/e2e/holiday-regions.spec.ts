import { test, expect } from './harness/fixtures';
import { AppShellPage } from './pages/AppShellPage';
import { VaultPage } from './pages/VaultPage';

test('an administrator chooses the holiday regions of the office and of a partner State; they survive a restart', async ({
  shell,
}) => {
  await shell.load();
  const vault = new VaultPage(shell.page);
  await vault.createVault({ officeName: 'Landesamt München', jurisdiction: 'DE' });
  const ui = new AppShellPage(shell.page);
  await ui.open('Settings');
  const panel = shell.page.getByTestId('holiday-regions');
  await expect(panel.getByLabel('Region for Germany')).toHaveValue('');
  await panel.getByLabel('Region for Germany').selectOption('BY');
  await expect(panel.getByRole('status')).toHaveText('Saved.');
  await panel.getByLabel('Choose a region for another State').selectOption('ES');
  await panel.getByLabel('Region for Spain').selectOption('CT');
  await expect(panel.getByRole('status')).toHaveText('Saved.');
  await shell.page.screenshot({ path: 'test-results/screenshots/holiday-regions.png', fullPage: true });

  await shell.reload();
  await vault.unlock();
  await vault.expectUnlocked();
  await ui.open('Settings');
  await expect(panel.getByLabel('Region for Germany')).toHaveValue('BY');
  await expect(panel.getByLabel('Region for Spain')).toHaveValue('CT');
  // Back to national holidays only: the State's entry goes away unless it is the office's own.
  await panel.getByLabel('Region for Spain').selectOption('');
  await expect(panel.getByLabel('Region for Spain')).toHaveCount(0);
  expect(shell.problems).toEqual([]);
});
