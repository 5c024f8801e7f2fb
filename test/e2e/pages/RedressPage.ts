import { expect, type Page } from '@playwright/test';

/** Challenge and redress: lodge a challenge, take the review, decide with remedies, complete them. */
export class RedressPage {
  constructor(readonly page: Page) {}

  async lodgeChallenge(
    grounds: readonly string[],
    statement: string,
    attachments: readonly string[] = [],
  ): Promise<void> {
    for (const ground of grounds) await this.page.getByRole('checkbox', { name: ground }).check();
    for (const title of attachments)
      await this.page
        .getByRole('group', { name: /^Attachments/ })
        .getByRole('checkbox', { name: title })
        .check();
    await this.page.getByLabel("The challenger's statement").fill(statement);
    await this.page.getByRole('button', { name: 'Record the challenge' }).click();
  }

  async takeReview(): Promise<void> {
    await this.page.getByRole('button', { name: 'Take the review' }).click();
  }

  async decide(
    outcome: 'Upheld' | 'Modified' | 'Quashed',
    reasons: string,
    remedies: readonly { code: string; description: string; due: string }[],
  ): Promise<void> {
    await this.page.getByRole('radio', { name: new RegExp(`^${outcome}`) }).check();
    await this.page.getByRole('textbox', { name: 'Reasons', exact: true }).fill(reasons);
    for (const [index, remedy] of remedies.entries()) {
      await this.page.getByRole('button', { name: 'Add a remedy' }).click();
      const n = index + 1;
      await this.page.getByRole('combobox', { name: `Remedy ${n}`, exact: true }).selectOption(remedy.code);
      await this.page.getByLabel(`What exactly, remedy ${n}`).fill(remedy.description);
      await this.page.getByLabel(`Due date, remedy ${n}`).fill(remedy.due);
    }
    await this.page.getByRole('button', { name: 'Record the decision' }).click();
    // A decision is one-way: the dialog names its consequences before it is signed.
    const dialog = this.page.getByTestId('confirm-dialog');
    await dialog.getByRole('button', { name: 'Record the decision' }).click();
    await expect(dialog).toBeHidden();
  }

  async completeRemedy(label: string, note: string): Promise<void> {
    await this.page.getByLabel(`Note on ${label}`).fill(note);
    await this.page.getByRole('button', { name: `Mark done: ${label}` }).click();
  }
}
