import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, type Shell } from './harness/fixtures';
import { AppShellPage } from './pages/AppShellPage';
import { E2E_PASSPHRASE, VaultPage } from './pages/VaultPage';

// These journeys run the production KDF (Argon2id t=3, m=256 MiB) in the app's worker: about a second each.
test.describe.configure({ timeout: 120_000 });

async function open(shell: Shell): Promise<VaultPage> {
  await shell.load();
  return new VaultPage(shell.page);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} ${v.help}`);
}

test.describe('the vault', () => {
  test('first run → create → lock → unlock: the office profile is still there', async ({ shell }) => {
    const vault = await open(shell);
    expect(await seriousViolations(shell.page)).toEqual([]);
    // A weak passphrase is flagged and cannot create the vault.
    await shell.page.getByLabel('Passphrase', { exact: true }).fill('password1');
    await shell.page.getByLabel('Repeat the passphrase').fill('password1');
    await expect(shell.page.getByTestId('strength-label')).toHaveText(/Very weak|Weak/);
    await shell.page.getByLabel('I understand that a lost passphrase means lost data').check();
    await expect(shell.page.getByRole('button', { name: 'Create the vault' })).toBeDisabled();
    await shell.page.getByLabel('Passphrase', { exact: true }).fill('');
    await shell.page.getByLabel('Repeat the passphrase').fill('');
    await shell.page.getByLabel('I understand that a lost passphrase means lost data').uncheck();

    await vault.createVault({ officeName: 'Garda Data Unit, Dublin', jurisdiction: 'IE', role: 'Both' });
    await new AppShellPage(shell.page).expectScreen('Dashboard');
    await expect(shell.page.getByTestId('office-name')).toHaveText('Garda Data Unit, Dublin');
    await vault.lock();
    expect(await seriousViolations(shell.page)).toEqual([]);
    await expect(shell.page.getByText('Garda Data Unit, Dublin')).toHaveCount(0);
    await vault.unlock();
    await vault.expectUnlocked();
    await expect(shell.page.getByTestId('office-name')).toHaveText('Garda Data Unit, Dublin');
    // A reload is a restart: locked again, same data after unlocking.
    await shell.reload();
    await vault.expectLocked();
    await vault.unlock();
    await vault.expectUnlocked(); // waits out the real KDF, which a busy machine slows down
    await expect(shell.page.getByTestId('office-name')).toHaveText('Garda Data Unit, Dublin');
    expect(shell.problems).toEqual([]);
  });

  test('a wrong passphrase is explained, then slowed down; the right one still works', async ({ shell }) => {
    const vault = await open(shell);
    await vault.createVault();
    await vault.lock();
    for (let attempt = 0; attempt < 3; attempt++) {
      await vault.unlock('not the passphrase at all');
      await expect(shell.page.getByRole('alert')).toContainText('That passphrase does not open this vault');
    }
    await expect(shell.page.getByText(/Too many wrong attempts\. You can try again in \d s\./)).toBeVisible();
    await expect(shell.page.getByRole('button', { name: 'Unlock', exact: true })).toBeDisabled();
    await expect(shell.page.getByRole('button', { name: 'Unlock', exact: true })).toBeEnabled({ timeout: 10_000 });
    await vault.unlock();
    await vault.expectUnlocked();
    expect(shell.problems).toEqual([]);
  });

  test('the idle lock is armed as soon as keys are in memory, on the first-run office step too', async ({ shell }) => {
    await shell.page.clock.install();
    const vault = await open(shell);
    await shell.page.getByLabel('Your name').fill('Ana Silva');
    await shell.page.getByLabel('Passphrase', { exact: true }).fill(E2E_PASSPHRASE);
    await shell.page.getByLabel('Repeat the passphrase').fill(E2E_PASSPHRASE);
    await shell.page.getByLabel('I understand that a lost passphrase means lost data').check();
    await shell.page.getByRole('button', { name: 'Create the vault' }).click();
    await expect(shell.page.getByText('Step 2 of 3: your office')).toBeVisible({ timeout: 20_000 });
    await shell.page.clock.fastForward('10:05');
    await vault.expectLocked();
    // Unlocking comes back to the step that was left: the office is still to be described.
    await vault.unlock();
    await expect(shell.page.getByText('Step 2 of 3: your office')).toBeVisible({ timeout: 20_000 });
    expect(shell.problems).toEqual([]);
  });

  test('locks after the idle timeout and when the OS locks the screen', async ({ shell }) => {
    await shell.page.clock.install();
    const vault = await open(shell);
    await vault.createVault();
    // Default: 10 minutes. Nine minutes idle: still open.
    await shell.page.clock.fastForward('09:00');
    await expect(vault.lockButton()).toBeVisible();
    // The last minute is announced, and "stay signed in" restarts the count.
    await shell.page.clock.fastForward('00:05');
    const warning = shell.page.getByRole('alertdialog');
    await expect(warning).toContainText('Casebridge locks in one minute');
    await warning.getByRole('button', { name: 'Stay signed in' }).click();
    await expect(warning).toHaveCount(0);
    await shell.page.clock.fastForward('09:00');
    await expect(vault.lockButton()).toBeVisible();
    await shell.page.mouse.move(200, 200); // any activity restarts the count too
    await shell.page.clock.fastForward('09:00');
    await expect(vault.lockButton()).toBeVisible();
    await shell.page.clock.fastForward('01:05');
    await vault.expectLocked();

    await vault.unlock();
    await vault.expectUnlocked();
    // A shorter setting, chosen the way a user would.
    await new AppShellPage(shell.page).open('Settings');
    await shell.page.getByLabel('Lock after inactivity').selectOption('1');
    await expect(shell.page.getByText('Saved.')).toBeVisible();
    await shell.page.clock.fastForward('01:05');
    await vault.expectLocked();

    await vault.unlock();
    await vault.expectUnlocked();
    await shell.systemLock();
    await vault.expectLocked();
    expect(shell.problems).toEqual([]);
  });

  test('the idle lock keeps unsaved work: a half-typed new case comes back after unlock, for its author only', async ({
    shell,
  }) => {
    await shell.page.clock.install();
    const vault = await open(shell);
    await vault.createVault();
    const app = new AppShellPage(shell.page);
    await app.open('Cases');
    await shell.page.getByRole('button', { name: 'New case' }).click();
    await shell.page.getByLabel('Title').fill('Half-typed: subscriber data for the Kestrel account');
    await shell.page.getByRole('textbox', { name: 'Purpose', exact: true }).fill('Identify who runs it');
    // Ten idle minutes: the vault locks, and the form is kept (encrypted) rather than lost.
    await shell.page.clock.fastForward('10:05');
    await vault.expectLocked();
    await vault.unlock();
    await vault.expectUnlocked();
    await app.open('Cases');
    await shell.page.getByRole('button', { name: 'New case' }).click();
    const offer = shell.page.getByTestId('kept-draft');
    await expect(offer).toContainText('You had unsaved changes here when the vault locked');
    await shell.page.screenshot({ path: 'test-results/screenshots/kept-draft.png' });
    await expect(shell.page.getByLabel('Title')).toHaveValue('');
    await offer.getByRole('button', { name: 'Restore my changes' }).click();
    await expect(shell.page.getByLabel('Title')).toHaveValue('Half-typed: subscriber data for the Kestrel account');
    await expect(shell.page.getByRole('textbox', { name: 'Purpose', exact: true })).toHaveValue('Identify who runs it');
    await expect(offer).toHaveCount(0);

    // Kept once, restored once: leaving and coming back offers nothing more.
    await app.open('Cases');
    await shell.page.getByRole('button', { name: 'New case' }).click();
    await expect(shell.page.getByLabel('Title')).toHaveValue('');
    await expect(shell.page.getByTestId('kept-draft')).toHaveCount(0);
    expect(shell.problems).toEqual([]);
  });

  test('change the passphrase in settings; only the new one unlocks', async ({ shell }) => {
    const vault = await open(shell);
    await vault.createVault();
    await new AppShellPage(shell.page).open('Settings');
    expect(await seriousViolations(shell.page)).toEqual([]);
    const next = 'Seven copper kettles whistle at dawn 1923';
    await shell.page.getByLabel('Current passphrase').fill(E2E_PASSPHRASE);
    await shell.page.getByLabel('New passphrase', { exact: true }).fill(next);
    await shell.page.getByLabel('Repeat the new passphrase').fill(next);
    await shell.page.getByRole('button', { name: 'Change passphrase' }).click();
    await expect(shell.page.getByText('The passphrase was changed.')).toBeVisible({ timeout: 20_000 });
    await vault.lock();
    await vault.unlock();
    await expect(shell.page.getByRole('alert')).toContainText('That passphrase does not open this vault');
    await vault.unlock(next);
    await vault.expectUnlocked();
    expect(shell.problems).toEqual([]);
  });

  test('the recovery key opens the vault and a new passphrase is set', async ({ shell }) => {
    const vault = await open(shell);
    const recoveryKey = await vault.createVault({
      recoveryKey: true,
      officeName: 'Redress Board, Lyon',
      jurisdiction: 'FR',
      role: 'Redress officer',
    });
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){8}[0-9A-Z]{4}$/);
    await vault.lock();
    await shell.page.getByRole('button', { name: /Use the recovery key/ }).click();
    await shell.page.getByLabel('Recovery key').fill('ABCD-EFGH');
    await shell.page.getByRole('button', { name: 'Unlock with recovery key' }).click();
    await expect(shell.page.getByRole('alert')).toContainText('A recovery key has 36 letters and digits');
    await shell.page.getByLabel('Recovery key').fill((recoveryKey ?? '').toLowerCase().replace(/-/g, ' '));
    await shell.page.getByRole('button', { name: 'Unlock with recovery key' }).click();
    await expect(vault.heading('Choose a new passphrase')).toBeVisible();
    const next = 'Lighthouse keepers count 88 gulls slowly';
    await shell.page.getByLabel('New passphrase', { exact: true }).fill(next);
    await shell.page.getByLabel('Repeat the new passphrase').fill(next);
    await shell.page.getByRole('button', { name: 'Save the new passphrase' }).click();
    await vault.expectUnlocked();
    await expect(shell.page.getByTestId('office-name')).toHaveText('Redress Board, Lyon');
    await vault.lock();
    await vault.unlock(next);
    await vault.expectUnlocked();
    expect(shell.problems).toEqual([]);
  });

  test('two people, one laptop: each signs in with their own passphrase; a removed person is locked out', async ({
    shell,
  }) => {
    const BEN = 'Ben keeps 12 copper kettles by the river';
    const vault = await open(shell);
    await vault.createVault({ personName: 'Ana Silva' });
    await expect(shell.page.getByTestId('signed-in-person')).toHaveText('Signed in as Ana Silva');
    const app = new AppShellPage(shell.page);
    await app.open('Settings');
    await expect(shell.page.getByRole('heading', { name: 'People' })).toBeVisible();
    await expect(shell.page.getByText('Ana Silva (you)')).toBeVisible();
    // A name is required; the form says so and stores nothing.
    await shell.page.getByRole('form', { name: 'Add a person' }).getByRole('button', { name: 'Add person' }).click();
    await expect(shell.page.getByRole('alert')).toContainText('Type a name');
    await vault.addPerson('Ben Okafor', BEN);
    await shell.page.screenshot({ path: 'test-results/screenshots/people-panel.png', fullPage: true });
    expect(await seriousViolations(shell.page)).toEqual([]);

    await vault.lock();
    await expect(shell.page.getByRole('group', { name: 'Who is signing in?' })).toBeVisible();
    await shell.page.screenshot({ path: 'test-results/screenshots/unlock-people.png', fullPage: true });
    expect(await seriousViolations(shell.page)).toEqual([]);
    await vault.choosePerson('Ben Okafor');
    await vault.unlock(); // Ana's passphrase does not open Ben's slot
    await expect(shell.page.getByRole('alert')).toContainText('That passphrase does not open this vault');
    await vault.unlock(BEN);
    await vault.expectUnlocked();
    await expect(shell.page.getByTestId('signed-in-person')).toHaveText('Signed in as Ben Okafor');

    await vault.lock();
    await vault.choosePerson('Ana Silva');
    await vault.unlock();
    await vault.expectUnlocked();
    // Ben forgot his passphrase: Ana resets his access, and he types a new one beside her.
    const BEN_NEW = 'Ben now counts 40 herons at the weir';
    await app.open('Settings');
    await shell.page.getByRole('button', { name: 'Reset Ben Okafor’s access' }).click();
    const reset = shell.page.getByRole('form', { name: 'New passphrase for Ben Okafor' });
    await reset.getByLabel('Their new passphrase', { exact: true }).fill(BEN_NEW);
    await reset.getByLabel('Repeat their new passphrase').fill(BEN_NEW);
    await reset.getByRole('button', { name: 'Set their new passphrase' }).click();
    await expect(shell.page.getByText('Ben Okafor can now open this vault with their new passphrase')).toBeVisible({
      timeout: 20_000,
    });
    await vault.lock();
    await vault.choosePerson('Ben Okafor');
    await vault.unlock(BEN);
    await expect(shell.page.getByRole('alert')).toContainText('That passphrase does not open this vault', {
      timeout: 20_000,
    });
    await vault.unlock(BEN_NEW);
    await vault.expectUnlocked();
    await vault.lock();
    await vault.choosePerson('Ana Silva');
    await vault.unlock();
    await vault.expectUnlocked();
    await app.open('Settings');
    await shell.page.getByRole('button', { name: 'Remove Ben Okafor’s access' }).click();
    await shell.page
      .getByRole('group', { name: 'Confirm removing Ben Okafor' })
      .getByRole('button', { name: 'Remove access' })
      .click();
    await expect(shell.page.getByText('Ben Okafor can no longer open this vault.')).toBeVisible();
    await vault.lock();
    await expect(shell.page.getByText('Signing in as Ana Silva')).toBeVisible();
    await expect(shell.page.getByRole('radio', { name: 'Ben Okafor' })).toHaveCount(0);
    expect(shell.problems).toEqual([]);
  });
});
