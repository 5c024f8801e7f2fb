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
