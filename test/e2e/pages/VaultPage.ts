import { expect, type Locator, type Page } from '@playwright/test';

export const E2E_PASSPHRASE = 'Tidal lanterns hum over 47 quiet harbours';

export type NewVault = {
  readonly passphrase?: string;
  /** The first person's name (the administrator). */
  readonly personName?: string;
  readonly officeName?: string;
  readonly jurisdiction?: string;
  /** The office code in case references; the suggestion from the office name when absent. */
  readonly referenceCode?: string;
  readonly role?: 'Caseworker' | 'Redress officer' | 'Both';
  readonly recoveryKey?: boolean;
};

/** The vault screens: first run, unlock, lock bar and the security settings. */
export class VaultPage {
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  /** Goes through the whole first run (a real Argon2id run in the app's worker). Returns the recovery key, if made. */
  async createVault(options: NewVault = {}): Promise<string | null> {
    const passphrase = options.passphrase ?? E2E_PASSPHRASE;
    await this.createPassphrase(options);
    await this.page.getByLabel('Office name').fill(options.officeName ?? 'Bureau of Quiet Harbours');
    await this.page.getByLabel('Jurisdiction').selectOption(options.jurisdiction ?? 'DE');
    if (options.referenceCode !== undefined) {
      await this.page.getByLabel('Office code in case references').fill(options.referenceCode);
    }
    await this.page.getByRole('radio', { name: options.role ?? 'Caseworker' }).check();
    await this.page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(this.page.getByText('Step 3 of 3: recovery key')).toBeVisible();
    if (!options.recoveryKey) {
      await this.page.getByRole('button', { name: 'Skip for now' }).click();
      await this.expectUnlocked();
      return null;
    }
    await this.page.getByLabel('Your passphrase').fill(passphrase);
    await this.page.getByRole('button', { name: 'Create a recovery key' }).click();
    const recoveryKey = (await this.page.getByTestId('recovery-key').textContent()) ?? '';
    await this.page.getByLabel('I have printed or written down the recovery key and stored it safely').check();
    await this.page.getByRole('button', { name: 'Done' }).click();
    await this.expectUnlocked();
    return recoveryKey.trim();
  }

  /** First run, step 1: the first person's name and passphrase; waits for step 2 (the office). */
  async createPassphrase(options: NewVault = {}): Promise<void> {
    const passphrase = options.passphrase ?? E2E_PASSPHRASE;
    await expect(this.heading('Set up Casebridge')).toBeVisible();
    await this.page.getByLabel('Your name').fill(options.personName ?? 'Ana Silva');
    await this.page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await this.page.getByLabel('Repeat the passphrase').fill(passphrase);
    await expect(this.page.getByTestId('strength-label')).toHaveText(/Strong|Very strong/);
    await this.page.getByLabel('I understand that a lost passphrase means lost data').check();
    await this.page.getByRole('button', { name: 'Create the vault' }).click();
    await expect(this.page.getByText('Step 2 of 3: your office')).toBeVisible({ timeout: 45_000 });
  }

  async expectUnlocked(): Promise<void> {
    await expect(this.page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 45_000 });
    await expect(this.lockButton()).toBeVisible();
  }

  lockButton(): Locator {
    return this.page.getByRole('banner', { name: 'Vault' }).getByRole('button', { name: 'Lock' });
  }

  async lock(): Promise<void> {
    await this.lockButton().click();
    await this.expectLocked();
  }

  async expectLocked(): Promise<void> {
    await expect(this.heading('Casebridge is locked')).toBeVisible();
    await expect(this.page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  }

  /** On a lock screen that lists several people: picks who signs in. */
  async choosePerson(name: string): Promise<void> {
    await this.page.getByRole('group', { name: 'Who is signing in?' }).getByRole('radio', { name }).check();
  }

  /** Settings → People: the person types their own passphrase into the form. */
  async addPerson(name: string, passphrase: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add a person' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Their passphrase', { exact: true }).fill(passphrase);
    await form.getByLabel('Repeat their passphrase').fill(passphrase);
    await form.getByRole('button', { name: 'Add person' }).click();
    await expect(this.page.getByText(`${name} can now open this vault with their own passphrase.`)).toBeVisible({
      timeout: 20_000,
    });
  }

  /** Settings → People: an administrator grants another person a role. */
  async grantRole(
    name: string,
    role: 'Caseworker' | 'Authoriser' | 'Redress officer' | 'Administrator',
  ): Promise<void> {
    const box = this.page.getByRole('group', { name: `Roles of ${name}` }).getByRole('checkbox', { name: role });
    // The box follows the stored record, so it ticks once the grant is saved, not on the click itself.
    await box.click();
    await expect(this.page.getByText(`${name} now has the role ${role}.`)).toBeVisible();
    await expect(box).toBeChecked();
  }

  /** Moves the injected clock on by whole days. The idle lock fires on the way (days pass), so the person unlocks. */
  async passDays(days: number): Promise<void> {
    await this.page.clock.fastForward(days * 24 * 3_600_000);
    await this.expectLocked();
    await this.unlock();
    await this.expectUnlocked();
  }

  async unlock(passphrase = E2E_PASSPHRASE): Promise<void> {
    await this.page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await this.page.getByRole('button', { name: 'Unlock', exact: true }).click();
  }
}
