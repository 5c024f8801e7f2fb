import { expect, type Locator, type Page } from '@playwright/test';
import type { ScriptedDialogs } from '../harness/fixtures';
import { AppShellPage } from './AppShellPage';

/** Settings → "A laptop of this office was lost or stolen": the guided key replacement. */
export class LostLaptopDrillPage {
  readonly region: Locator;

  constructor(
    readonly page: Page,
    readonly dialogs: ScriptedDialogs,
  ) {
    this.region = page.getByTestId('lost-laptop-drill');
  }

  async open(): Promise<void> {
    await new AppShellPage(this.page).open('Settings');
    await this.region.getByRole('button', { name: 'A laptop of this office was lost or stolen…' }).click();
    await expect(this.region.getByRole('group', { name: 'What happened to the laptop?' })).toBeVisible();
  }

  /** Fills the form (`day` as YYYY-MM-DD) and presses "Replace the office key". */
  async run(day: string, note?: string): Promise<void> {
    await this.region.getByLabel('Day the laptop went missing').fill(day);
    if (note) await this.region.getByLabel('Note for partners (optional)').fill(note);
    await this.region.getByRole('checkbox', { name: /I understand/ }).check();
    await this.region.getByRole('button', { name: 'Replace the office key' }).click();
  }

  error(): Locator {
    return this.region.getByRole('alert');
  }

  outcome(): Locator {
    return this.region.getByTestId('drill-outcome');
  }

  slip(): Locator {
    return this.region.getByTestId('drill-slip');
  }

  /** Writes the revocation and the new key card into `folder` and waits for the checked write. */
  async writeTo(folder: string): Promise<void> {
    this.dialogs.nextFolder = folder;
    await this.outcome()
      .getByRole('group', { name: 'Write the revocation and the new key card' })
      .getByRole('button', { name: 'Choose a folder…' })
      .click();
    await expect(this.outcome().getByRole('status').first()).toContainText('safe to unplug', { timeout: 30_000 });
  }
}
