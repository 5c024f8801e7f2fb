import { expect, type Locator, type Page } from '@playwright/test';

/** The evidence panel of an open case: add files, export them back out, preview them. */
export class EvidencePage {
  constructor(readonly page: Page) {}

  item(title: string): Locator {
    return this.page.getByTestId('evidence-item').filter({ hasText: title });
  }

  async add(name: string, mimeType: string, buffer: Buffer): Promise<void> {
    await this.page.getByLabel('Choose files…').setInputFiles({ name, mimeType, buffer });
    await expect(this.item(name)).toBeVisible({ timeout: 30_000 });
  }

  /** "Export to a file…"; the scripted save dialog answers with the path the test set. */
  async export(title: string): Promise<Locator> {
    const item = this.item(title);
    await item.getByRole('button', { name: `Export ${title} to a file` }).click();
    const status = item.getByRole('status').filter({ hasText: /Saved as|Decrypting/ });
    await expect(item.getByRole('status').filter({ hasText: 'Saved as' })).toBeVisible({ timeout: 30_000 });
    return status;
  }

  async openPreview(title: string): Promise<Locator> {
    await this.item(title)
      .getByRole('button', { name: `Preview ${title}` })
      .click();
    const dialog = this.page.getByRole('dialog', { name: `Preview of ${title}` });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
