import { expect, type Locator, type Page } from '@playwright/test';

export type NewCaseInput = {
  readonly title: string;
  readonly partner: string;
  readonly platform?: string;
  readonly legalBasis: string;
  readonly purpose: string;
  readonly categories: readonly string[];
  /** Absent for a request made to identify an unknown user: nobody can be named before the answer. */
  readonly person?: { readonly name: string; readonly contact: string; readonly language: 'en' | 'fr' | 'de' | 'es' };
  readonly statements: {
    readonly necessity?: string;
    readonly proportionality?: string;
    readonly nonDiscrimination?: string;
    readonly minimisation?: string;
  };
  readonly purgeAt: string;
  readonly emergency?: { readonly justification: string; readonly sunset: string };
  /** The procedure's title as the form lists it; the form's default for the kind when absent. */
  readonly procedure?: string;
};

/** The case list and the new-case form. */
export class CasesPage {
  constructor(readonly page: Page) {}

  async startNewCase(): Promise<string> {
    await this.page.getByRole('button', { name: 'New case' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'New case' })).toBeVisible();
    const reference = this.page.getByLabel('Reference');
    await expect(reference).not.toHaveValue('');
    return reference.inputValue();
  }

  async fillNewCase(input: NewCaseInput): Promise<void> {
    const p = this.page;
    await p.getByRole('radio', { name: 'Data-access request' }).check();
    await p.getByLabel('Title').fill(input.title);
    if (input.procedure) await p.getByLabel('Procedure (deadlines follow it)').selectOption({ label: input.procedure });
    await p.getByLabel('Partner jurisdiction').selectOption(input.partner);
    if (input.platform) await p.getByLabel('Platform or controller concerned').fill(input.platform);
    await p.getByRole('combobox', { name: 'Legal basis', exact: true }).selectOption(input.legalBasis);
    await p.getByRole('textbox', { name: 'Purpose', exact: true }).fill(input.purpose);
    for (const category of input.categories) await p.getByRole('checkbox', { name: category }).check();
    if (input.person) {
      await p.getByRole('button', { name: 'Add an affected person' }).click();
      await p.getByLabel('Name of person 1').fill(input.person.name);
      await p.getByLabel('Contact for notice, person 1').fill(input.person.contact);
      await p.getByLabel('Language of person 1').selectOption(input.person.language);
    }
    const s = input.statements;
    if (s.necessity) await p.getByLabel('Necessity statement').fill(s.necessity);
    if (s.proportionality) await p.getByLabel('Proportionality statement').fill(s.proportionality);
    if (s.nonDiscrimination) await p.getByLabel('Non-discrimination statement').fill(s.nonDiscrimination);
    if (s.minimisation) await p.getByLabel('Data minimisation statement').fill(s.minimisation);
    await p.getByLabel('Retention ends (case data purged)').fill(input.purgeAt);
    if (input.emergency) {
      await p.getByLabel('This is an emergency measure').check();
      await p.getByLabel('Emergency justification').fill(input.emergency.justification);
      await p.getByLabel('Emergency sunset date').fill(input.emergency.sunset);
    }
  }

  async saveNewCase(reference: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Save draft' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: new RegExp(reference) })).toBeVisible();
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Search', { exact: true }).fill(text);
  }

  /** The due filter: "Overdue (our side)", "Due today", "Due this week"…, or "Any time". */
  async chooseDue(label: string): Promise<void> {
    await this.filters().getByLabel('Due', { exact: true }).selectOption({ label });
  }

  filters(): Locator {
    return this.page.getByRole('search', { name: 'Search and filter cases' });
  }

  /** Chooses a view by its label: "My overdue", "Redress queue", one the person saved, or "Filters as set". */
  async chooseView(label: string): Promise<void> {
    await this.views().getByLabel('View', { exact: true }).selectOption({ label });
  }

  views(): Locator {
    return this.page.getByRole('group', { name: 'Saved views' });
  }

  /** Saves the filters as they are under `name`. */
  async saveView(name: string): Promise<void> {
    await this.views().getByLabel('Name for the current filters').fill(name);
    await this.views().getByRole('button', { name: 'Save as a view' }).click();
    await expect(this.views().getByRole('status')).toHaveText(`View “${name}” saved.`);
  }

  async openFromList(reference: string): Promise<void> {
    await this.page.getByRole('option', { name: new RegExp(reference) }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: new RegExp(reference) })).toBeVisible();
  }
}
