import { expect, type Locator, type Page } from '@playwright/test';

/** Settings → Backup, "Verify a backup", and the first-run "Restore from a backup". */
export class BackupPage {
  constructor(readonly page: Page) {}

  panel(): Locator {
    return this.page.getByRole('region', { name: 'Backup', exact: true });
  }

  /** Writes a backup to the folder the scripted dialog hands over; waits for "safe to unplug". */
  async backUpToFolder(): Promise<Locator> {
    await this.panel().getByRole('button', { name: 'Choose a folder…' }).click();
    const outcome = this.page.getByTestId('backup-outcome');
    await expect(outcome).toContainText('safe to unplug', { timeout: 60_000 });
    return outcome;
  }

  async openWith(scope: Locator, passphrase: string): Promise<void> {
    await scope.getByLabel(/Passphrase of someone/).fill(passphrase);
  }

  async verify(passphrase: string): Promise<Locator> {
    const form = this.page.getByRole('form', { name: 'Verify a backup' });
    await form.getByRole('button', { name: 'Choose a backup file…' }).click();
    await expect(this.page.getByTestId('verify-backup-file')).toBeVisible();
    await this.openWith(form, passphrase);
    await form.getByRole('button', { name: 'Verify', exact: true }).click();
    const outcome = this.page.getByTestId('verify-outcome');
    await expect(outcome).not.toBeEmpty({ timeout: 60_000 });
    return outcome;
  }

  restoreRegion(): Locator {
    return this.page.getByRole('region', { name: 'Restore from a backup' });
  }

  async restore(passphrase: string): Promise<void> {
    const region = this.restoreRegion();
    await region.getByRole('button', { name: 'Choose a backup file…' }).click();
    await expect(this.page.getByTestId('restore-backup-file')).toBeVisible();
    await this.openWith(region, passphrase);
    await region.getByRole('button', { name: 'Restore', exact: true }).click();
  }
}
