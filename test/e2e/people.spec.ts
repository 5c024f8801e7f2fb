import AxeBuilder from '@axe-core/playwright';
import { test, expect, TEST_ORIGIN } from './harness/fixtures';
import { AppShellPage } from './pages/AppShellPage';
import { CasePage } from './pages/CasePage';
import { CasesPage } from './pages/CasesPage';
import { VaultPage } from './pages/VaultPage';

// Three real Argon2id runs per person at the production floor: allow for a busy machine.
test.describe.configure({ timeout: 180_000 });

const BEN = 'Ben keeps 12 copper kettles by the river';

test('the second-person rule holds between people: Ana cannot authorise alone, Ben co-signs with his own passphrase', async ({
  shell,
}) => {
  const page = shell.page;
  await page.goto(`${TEST_ORIGIN}/index.html`);
  const vault = new VaultPage(page);
  await vault.createVault({ personName: 'Ana Silva', role: 'Caseworker' });
  const app = new AppShellPage(page);
  await app.open('Settings');
  await vault.addPerson('Ben Okafor', BEN);
  await vault.grantRole('Ben Okafor', 'Caseworker');
  const rule = page.getByLabel('This office requires a second person to authorise a case');
  await rule.click(); // the box follows the saved setting
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(rule).toBeChecked();

  const cases = new CasesPage(page);
  const casePage = new CasePage(page);
  await app.open('Cases');
  const reference = await cases.startNewCase();
  await cases.fillNewCase({
    title: 'Subscriber data for the Heron account',
    partner: 'FR',
    legalBasis: 'gdpr-61',
    purpose: 'Identify the operator of an account used to threaten journalists',
    categories: ['Subscriber data'],
    person: { name: 'Camille Durand', contact: '12 rue des Lilas, 69001 Lyon', language: 'fr' },
    statements: {
      necessity: 'No other means identifies the account holder.',
      proportionality: 'Three months only, against ongoing threats.',
      nonDiscrimination: 'Selected by the threats sent, not by any protected trait.',
      minimisation: 'Subscriber data only, for three months.',
    },
    purgeAt: '2030-03-01',
  });
  await cases.saveNewCase(reference);

  // Authorising asks for a second person, here and now; Ana herself is not offered.
  await casePage.press('Authorise the case');
  const cosign = page.getByRole('group', { name: 'A second person confirms' });
  await expect(cosign).toBeVisible();
  await expect(cosign.getByRole('radio')).toHaveCount(1);
  await expect(cosign.getByRole('radio', { name: 'Ben Okafor' })).toBeChecked();
  const axe = await new AxeBuilder({ page }).include('.cosign').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/cosign.png', fullPage: true });

  // A wrong passphrase is refused and nothing changes.
  await cosign.getByLabel('Their passphrase').fill('not his passphrase at all');
  await cosign.getByRole('button', { name: 'Confirm: Authorise the case' }).click();
  await expect(cosign.getByRole('alert')).toContainText('That passphrase does not open this vault', {
    timeout: 20_000,
  });
  await casePage.expectStage('Draft');

  await cosign.getByLabel('Their passphrase').fill(BEN);
  await cosign.getByRole('button', { name: 'Confirm: Authorise the case' }).click();
  await casePage.expectStage('Authorised');
  const trail = page.getByRole('region', { name: /Audit trail/ });
  await expect(trail).toContainText('by Ben Okafor (Caseworker)');
  await expect(trail).toContainText('by Ana Silva (Caseworker)');
  // Ana is still the one signed in.
  await expect(page.getByTestId('signed-in-person')).toHaveText('Signed in as Ana Silva');
  expect(shell.problems).toEqual([]);
});
