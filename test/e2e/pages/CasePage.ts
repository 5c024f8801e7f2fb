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
