import { expect, type Locator, type Page } from '@playwright/test';
import type { ScriptedDialogs } from '../harness/fixtures';
import { AppShellPage } from './AppShellPage';

/** The Exchange screen: send a case, import bundles, the exchange log and receipts. */
export class ExchangePage {
  readonly exportPanel: Locator;
  readonly preview: Locator;
  readonly outcome: Locator;
  /** What follows a successful Apply: the way to the case and the one-click receipt. */
  readonly applyOutcome: Locator;

  constructor(
    readonly page: Page,
    readonly dialogs: ScriptedDialogs,
  ) {
    this.exportPanel = page.getByRole('region', { name: /^Send case / });
    this.preview = page.getByRole('region', { name: 'What the import will change' });
    this.outcome = page.getByTestId('import-outcome');
    this.applyOutcome = page.getByTestId('apply-outcome');
  }

  async open(): Promise<void> {
    await new AppShellPage(this.page).open('Exchange');
  }

  async selectCase(reference: string): Promise<void> {
    const select = this.page.getByLabel('Case to send');
    const value = await select.locator('option', { hasText: reference }).getAttribute('value');
    await select.selectOption(value ?? '');
    await expect(this.exportPanel).toBeVisible();
  }

  field(label: string | RegExp): Locator {
    return this.exportPanel.getByRole('checkbox', { name: label });
  }

  /** Writes the bundle into `folder` (the stick) and waits for the verified write. */
  async exportTo(folder: string): Promise<void> {
    this.dialogs.nextFolder = folder;
    await this.exportPanel
      .getByRole('group', { name: 'Write the bundle to' })
      .getByRole('button', { name: 'Choose a folder…' })
      .click();
    await expect(this.exportPanel.getByRole('status').first()).toContainText('safe to unplug', { timeout: 30_000 });
  }

  slip(): Locator {
    return this.page.getByTestId('transmittal-slip');
  }

  /** Picks a bundle file and runs the full verification; the preview or a refusal follows. */
  async check(file: string): Promise<void> {
    this.dialogs.nextBundleFile = file;
    await this.page.getByRole('button', { name: 'Choose a bundle file…' }).click();
    await expect(this.preview.or(this.outcome)).toBeVisible({ timeout: 30_000 });
  }

  /** The bundles found on a drive, as the inbox table. */
  inbox(drive: string): Locator {
    return this.page.getByRole('table', { name: `Bundles on ${drive}` });
  }

  inboxRow(drive: string, fileName: string): Locator {
    return this.inbox(drive).getByRole('row').filter({ hasText: fileName });
  }

  /** Lists the bundles on a removable drive and waits until every file is classified. */
  async lookOnDrive(drive: string): Promise<void> {
    await this.page.getByRole('button', { name: `Look on ${drive}` }).click();
    await expect(this.inbox(drive)).toBeVisible();
    await expect(this.inbox(drive).locator('tr[data-state="checking"]')).toHaveCount(0, { timeout: 30_000 });
    await expect(this.page.getByText(`Checking the files on ${drive}`)).toHaveCount(0, { timeout: 30_000 });
  }

  /** Lists the bundles on a removable drive and checks one of them (no file dialog). */
  async checkOnDrive(drive: string, fileName: string): Promise<void> {
    await this.lookOnDrive(drive);
    await this.inboxRow(drive, fileName).getByRole('button', { name: 'Check and preview' }).click();
    await expect(this.preview.or(this.outcome)).toBeVisible({ timeout: 30_000 });
  }

  async apply(): Promise<void> {
    await this.preview.getByRole('button', { name: 'Apply' }).click();
    await expect(this.outcome).toContainText('Imported');
  }

  /** After Apply: "Open the case" lands on the case it created or advanced. */
  async openAppliedCase(): Promise<void> {
    await this.applyOutcome.getByRole('button', { name: 'Open the case' }).click();
    await expect(this.page.getByTestId('case-stage')).toBeVisible();
  }

  /** After Apply: presses the one-click receipt for the drive the bundle came from (no folder dialog). */
  async pressWriteReceiptTo(drive: string): Promise<void> {
    await this.applyOutcome.getByRole('button', { name: `Write the signed receipt to ${drive}` }).click();
  }

  /** After Apply: writes the signed receipt to `drive` in one click and waits for the verified write. */
  async writeReceiptToSameDrive(drive: string): Promise<void> {
    await this.pressWriteReceiptTo(drive);
    await expect(this.applyOutcome.getByText(/^Signed receipt written to/)).toBeVisible({ timeout: 30_000 });
  }

  receiptError(): Locator {
    return this.applyOutcome.getByTestId('receipt-error');
  }

  sentLog(): Locator {
    return this.page.getByRole('table', { name: 'Sent' });
  }

  receivedLog(): Locator {
    return this.page.getByRole('table', { name: 'Received' });
  }

  async writeReceipt(kind: string, folder: string): Promise<void> {
    await this.receivedLog()
      .getByRole('row', { name: new RegExp(`^${kind}`) })
      .getByRole('button', { name: 'Write receipt…' })
      .click();
    this.dialogs.nextFolder = folder;
    await this.page
      .getByRole('group', { name: 'Write receipt…' })
      .getByRole('button', { name: 'Choose a folder…' })
      .click();
    await expect(this.page.getByText(/^Receipt written:/)).toBeVisible({ timeout: 30_000 });
  }
}
