import { expect, type Locator, type Page } from '@playwright/test';

/** The notice panel of a case: per-person notice, preview, PDF, delivery, deferral. */
export class NoticePage {
  readonly preview: Locator;

  constructor(readonly page: Page) {
    this.preview = page.getByTestId('notice-preview');
  }

  async prepare(person: number): Promise<void> {
    const button = this.page.getByRole('button', { name: `Prepare notice for person ${person}` });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await expect(this.preview).toBeVisible();
  }

  async language(code: 'en' | 'fr' | 'de' | 'es'): Promise<void> {
    await this.page.getByLabel('Language of the notice').selectOption(code);
  }

  async savePdf(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save as PDF…' }).click();
    await expect(this.page.getByText(/^Saved to /)).toBeVisible({ timeout: 20_000 });
  }

  async recordDelivery(method: string): Promise<void> {
    await this.page.getByLabel('Delivered by').selectOption(method);
    await this.page.getByRole('button', { name: 'Record notice as delivered' }).click();
    // A one-way step: the confirmation names the person, how and in which language, then it is recorded.
    const dialog = this.page.getByTestId('confirm-dialog');
    await expect(dialog).toContainText('cannot be taken back');
    await dialog.getByRole('button', { name: 'Record notice as delivered' }).click();
  }

  async defer(reasons: string, until: string): Promise<void> {
    await this.page.getByLabel('Reasons for deferral').fill(reasons);
    await this.page.getByLabel('Review date').fill(until);
    await this.page.getByRole('button', { name: 'Defer notice' }).click();
  }

  async translatePurpose(text: string): Promise<void> {
    const version = this.page.getByTestId('text-version-purpose');
    await version.getByLabel(/^Purpose, translated into/).fill(text);
    await version.getByRole('button', { name: 'Save' }).click();
    await expect(version).toContainText('prints the');
  }

  async withhold(ground: string, reasons: string): Promise<void> {
    await this.page.getByLabel('Lawful ground').selectOption(ground);
    await this.page.getByLabel(/^Reasons \(which provision/).fill(reasons);
    await this.page.getByRole('button', { name: 'Record that notice is withheld' }).click();
  }
}
