import { axeBuilder } from './harness/axe-builder';
import type { Page } from '@playwright/test';
import { test, expect, type Shell } from './harness/fixtures';
import { AppShellPage } from './pages/AppShellPage';
import { E2E_PASSPHRASE, VaultPage } from './pages/VaultPage';

test.describe.configure({ timeout: 120_000 });

async function open(shell: Shell): Promise<VaultPage> {
  await shell.load();
  return new VaultPage(shell.page);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await axeBuilder(page).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} ${v.help}`);
}

/** The Argon2id cost of each way in, as the header on disk states it: what someone holding the disk must pay. */
async function headerCosts(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const opening = indexedDB.open('casebridge');
        opening.onerror = () => reject(new Error(String(opening.error)));
        opening.onsuccess = () => {
          const db = opening.result;
          const reading = db.transaction('vaultHeader').objectStore('vaultHeader').getAll();
          reading.onerror = () => reject(new Error(String(reading.error)));
          reading.onsuccess = () => {
            db.close();
            const rows = reading.result as {
              header: { slots: { kdf: { iterations: number; memoryBytes: number } }[] };
            }[];
            resolve(rows.flatMap((row) => row.header.slots.map(({ kdf }) => [kdf.iterations, kdf.memoryBytes])));
          };
        };
      }),
  );
}

test.describe('the vault', () => {
  test.describe('as shipped', () => {
    // The packaged build, at the production KDF (Argon2id t=3, m=256 MiB) in the app's worker; the other journeys
    // run the suite's build, which differs only in creating vaults at the test floor.
    test.use({ build: 'shipped' });
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
      expect(await headerCosts(shell.page)).toEqual([[3, 256 * 1024 * 1024]]);
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
  });

  test('a wrong passphrase is explained, then slowed down; the right one still works', async ({ shell }) => {
    const vault = await open(shell);
    await vault.createVault();
    expect(await headerCosts(shell.page)).toEqual([[3, 64 * 1024 * 1024]]); // the suite's build: the test floor
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

  test('nothing typed is lost: autosave, the idle lock brings the author back to the form, leaving asks first', async ({
    shell,
  }) => {
    await shell.page.clock.install();
    const vault = await open(shell);
    await vault.createVault();
    const app = new AppShellPage(shell.page);
    const title = shell.page.getByLabel('Title');
    const purpose = shell.page.getByRole('textbox', { name: 'Purpose', exact: true });
    const offer = shell.page.getByTestId('kept-draft');
    const leaving = shell.page.getByTestId('confirm-dialog');
    const openNewCase = async () => {
      await app.open('Cases');
      await shell.page.getByRole('button', { name: 'New case' }).click();
    };
    await openNewCase();
    await title.fill('Half-typed: subscriber data for the Kestrel account');
    await purpose.fill('Identify who runs it');
    // Autosave: within a few seconds the form is kept as an encrypted draft, and says so.
    await shell.page.clock.runFor(4_000);
    await expect(shell.page.getByTestId('draft-autosaved')).toContainText('kept as an encrypted draft');

    // Ten idle minutes: the vault locks. Unlocking brings the author back to the same form, draft offered.
    await shell.page.clock.fastForward('10:05');
    await vault.expectLocked();
    await vault.unlock();
    await vault.expectUnlocked();
    await expect(offer).toContainText('A draft of unsaved changes was kept here');
    await shell.page.screenshot({ path: 'test-results/screenshots/kept-draft.png' });
    await expect(title).toHaveValue('');
    await offer.getByRole('button', { name: 'Restore my changes' }).click();
    await expect(title).toHaveValue('Half-typed: subscriber data for the Kestrel account');
    await expect(purpose).toHaveValue('Identify who runs it');
    await expect(offer).toHaveCount(0);

    // Leaving the changed form asks first; "Stay" (focused) keeps everything where it is.
    await app.navItem('Dashboard').click();
    await expect(leaving).toContainText('Leave this form with unsaved changes?');
    await expect(leaving.getByRole('button', { name: 'Stay on the form' })).toBeFocused();
    await shell.page.screenshot({ path: 'test-results/screenshots/leave-guard.png' });
    await leaving.getByRole('button', { name: 'Stay on the form' }).click();
    await expect(title).toHaveValue('Half-typed: subscriber data for the Kestrel account');
    // "Keep the draft and leave": the form offers it back when opened again.
    await app.navItem('Dashboard').click();
    await leaving.getByRole('button', { name: 'Keep the draft and leave' }).click();
    await app.expectScreen('Dashboard');
    await openNewCase();
    await expect(offer).toBeVisible();
    await offer.getByRole('button', { name: 'Restore my changes' }).click();
    await expect(purpose).toHaveValue('Identify who runs it');
    // "Discard and leave": gone for good.
    await app.navItem('Dashboard').click();
    await leaving.getByRole('button', { name: 'Discard and leave' }).click();
    await app.expectScreen('Dashboard');
    await openNewCase();
    await expect(title).toHaveValue('');
    await shell.page.clock.runFor(4_000);
    await expect(offer).toHaveCount(0);

    // A crash (the window restarts with no lock and no leaving): the autosaved draft is still there.
    await title.fill('Typed just before the power went');
    await shell.page.clock.runFor(4_000);
    await expect(shell.page.getByTestId('draft-autosaved')).toBeVisible();
    await shell.reload();
    await vault.expectLocked();
    await vault.unlock();
    await vault.expectUnlocked();
    await openNewCase();
    await offer.getByRole('button', { name: 'Restore my changes' }).click();
    await expect(title).toHaveValue('Typed just before the power went');
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
