import { expect, type Locator, type Page } from '@playwright/test';

/** The training office: its way in from the first-run and lock screens, its banner, leaving and deleting it. */
export class TrainingOfficePage {
  readonly banner: Locator;

  constructor(readonly page: Page) {
    this.banner = page.getByRole('complementary', { name: 'Training office' });
  }

  async tryWithSampleData(): Promise<void> {
    await this.page.getByRole('button', { name: 'Try with sample data' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Setting up the training office' })).toBeVisible();
  }

  async leave(): Promise<void> {
    await this.banner.getByRole('button', { name: 'Leave the training office' }).click();
    await expect(this.banner).toBeHidden();
  }

  async delete(): Promise<void> {
    await this.banner.getByRole('button', { name: 'Delete the training office' }).click();
    const dialog = this.page.getByRole('alertdialog', { name: 'Delete the training office?' });
    await expect(dialog).toContainText('Your real vault and its case files are not touched.');
    await dialog.getByRole('button', { name: 'Delete the training office' }).click();
    await expect(this.banner).toBeHidden();
  }

  /** The IndexedDB databases of this installation, by name. */
  databases(): Promise<string[]> {
    return this.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
  }
}
