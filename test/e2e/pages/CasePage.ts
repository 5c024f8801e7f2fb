import { expect, type Locator, type Page } from '@playwright/test';

/** One case: stepper, what is required now, the current step's panel, audit trail. */
export class CasePage {
  readonly stepPanel: Locator;

  constructor(readonly page: Page) {
    this.stepPanel = page.getByTestId('step-panel');
  }

  async expectStage(stage: string): Promise<void> {
    await expect(this.page.getByTestId('case-stage')).toHaveText(stage);
  }

  requiredNow(): Locator {
    return this.page.getByTestId('required-now');
  }

  async press(name: string | RegExp): Promise<void> {
    await this.page.getByRole('button', { name }).click();
  }

  /** Presses a one-way step's button, checks that it asks first, and confirms with the button of the same name. */
  async pressAndConfirm(name: string, confirmName: string = name): Promise<void> {
    await this.press(name);
    const dialog = this.page.getByTestId('confirm-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: confirmName }).click();
    await expect(dialog).toBeHidden();
  }

  /** Records that the request went another way than a bundle: how, and (optionally) on which day and under which reference. */
  async recordSentAnotherWay(channel = 'by registered post', reference = ''): Promise<void> {
    await this.press('It went another way…');
    await this.page.getByLabel('How it was sent').selectOption({ label: channel });
    if (reference) await this.page.getByLabel('Dispatch reference (optional)').fill(reference);
    await this.pressAndConfirm('Record as sent');
  }

  /** Records the day the partner received the request (today unless given), which starts its reply period. */
  async recordReceipt(day?: string): Promise<void> {
    const panel = this.page.getByTestId('start-period');
    if (day) await panel.getByLabel('Day the request was received').fill(day);
    await panel.getByRole('button', { name: 'Start the period' }).click();
    await expect(panel).toBeHidden();
  }

  /** On a request received from another office: accept, accept in part or refuse, with grounds and reasons. */
  async decideRecognition(
    outcome: 'Recognise and execute in full' | 'Recognise and execute in part' | 'Refuse',
    grounds: readonly (string | RegExp)[] = [],
    reasons = '',
  ): Promise<void> {
    const form = this.page.getByTestId('recognition-form');
    await form.getByRole('radio', { name: outcome }).check();
    for (const ground of grounds) await form.getByRole('checkbox', { name: ground }).check();
    if (reasons) await form.getByLabel('Reasons').fill(reasons);
    await form.getByRole('button', { name: 'Record the decision' }).click();
    await expect(this.page.getByTestId('recognition')).toBeVisible();
  }

  deadlines(): Locator {
    return this.page.getByRole('region', { name: 'Deadlines' });
  }

  alert(): Locator {
    return this.page.getByRole('alert');
  }

  async verifyChain(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Verify chain' }).click();
    const verdict = this.page.getByTestId('audit-verdict');
    await expect(verdict).not.toBeEmpty();
    return verdict;
  }
}
