import { expect, type Locator, type Page } from '@playwright/test';
import type { ScriptedDialogs } from '../harness/fixtures';
import { AppShellPage } from './AppShellPage';

/** Settings → Partner offices: our fingerprint and key card, partners' cards, verification. */
export class PartnerOfficesPage {
  readonly region: Locator;

  constructor(
    readonly page: Page,
    readonly dialogs: ScriptedDialogs,
  ) {
    this.region = page.getByRole('region', { name: 'Partner offices' });
  }

  async open(): Promise<void> {
    await new AppShellPage(this.page).open('Settings');
    await expect(this.region.getByTestId('own-fingerprint')).toBeVisible({ timeout: 20_000 });
  }

  /** Our fingerprint as the screen shows it: twelve groups of five digits. */
  async ownFingerprint(): Promise<string> {
    // The QR code is drawn by an encoder loaded on demand: it must come (a loading line shows meanwhile).
    await expect(this.region.getByRole('img', { name: /^QR code of the fingerprint of / }).first()).toBeVisible();
    const groups = await this.region.getByTestId('own-fingerprint').locator('span').allTextContents();
    return groups.join(' ');
  }

  async exportKeyCard(folder: string): Promise<void> {
    // The QR code is drawn once its encoder has loaded; click the button below it only then.
    await expect(this.region.getByRole('img', { name: /^QR code of the fingerprint of / }).first()).toBeVisible();
    this.dialogs.nextFolder = folder;
    await this.region
      .getByRole('group', { name: 'Save your key card' })
      .getByRole('button', { name: 'Choose a folder…' })
      .click();
    await expect(this.region.getByRole('status')).toContainText('Key card saved', { timeout: 30_000 });
  }

  async importKeyCard(file: string): Promise<void> {
    this.dialogs.nextBundleFile = file;
    await this.region.getByRole('button', { name: 'Import a key card…' }).click();
    await expect(this.region.getByRole('status')).toContainText('added as unverified');
  }

  partner(name: string): Locator {
    return this.region.getByRole('listitem', { name });
  }

  /** Compares the digits on screen with what the other office reads out, then marks the office verified. */
  async verify(name: string, readOut: string): Promise<void> {
    const row = this.partner(name);
    await expect(row.getByTestId('trust-state')).toHaveText('Not verified');
    await row.getByRole('button', { name: 'Compare fingerprint…' }).click();
    const shown = (await row.getByLabel(`Fingerprint of ${name}`).locator('span').allTextContents()).join(' ');
    expect(shown).toBe(readOut);
    await row.getByRole('checkbox', { name: /I compared every digit/ }).check();
    await row.getByRole('button', { name: 'Mark verified' }).click();
    await expect(row.getByTestId('trust-state')).toHaveText('Verified');
  }
}
