import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeBuilder } from './harness/axe-builder';
import { test, expect, type Shell } from './harness/fixtures';
import { AppShellPage } from './pages/AppShellPage';
import { CasePage } from './pages/CasePage';
import { CasesPage } from './pages/CasesPage';
import { VaultPage } from './pages/VaultPage';
import { PartnerOfficesPage } from './pages/PartnerOfficesPage';
import { ReportsPage } from './pages/ReportsPage';

// Three real Argon2id runs per person (the suite's build: test floor): allow for a busy machine.
test.describe.configure({ timeout: 180_000 });

const BEN = 'Ben keeps 12 copper kettles by the river';
const DAN = 'Dan walks 9 grey dogs along the canal';

test('the second-person rule holds between people: Ana cannot authorise alone, Ben (authoriser) co-signs with his own passphrase; every act is signed and checked by the CLI', async ({
  shell,
}) => {
  const page = shell.page;
  const { app } = await officeOfTwo(shell, { name: 'Ben Okafor', passphrase: BEN, role: 'Authoriser' });
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
  const axe = await axeBuilder(page).include('.cosign').analyze();
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
  await expect(trail).toContainText('by Ben Okafor (Authoriser)');
  await expect(trail).toContainText('by Ana Silva (Caseworker)');
  // Ana is still the one signed in.
  await expect(page.getByTestId('signed-in-person')).toHaveText('Signed in as Ana Silva');

  // Every event is signed by the person who did it, and the trail says so.
  await expect(await casePage.verifyChain()).toContainText(
    /Chain verified: all 3 events .* Every event is signed by the person who did it\./,
  );
  await trail.screenshot({ path: 'test-results/screenshots/signed-trail.png' });

  // An oversight body checks the same with the CLI: the signed audit export and the office's key card.
  const folder = await mkdtemp(join(tmpdir(), 'casebridge-people-'));
  try {
    const offices = new PartnerOfficesPage(page, shell.dialogs);
    await offices.open();
    await offices.exportKeyCard(folder);
    const [card] = (await readdir(folder)).filter((name) => name.startsWith('casebridge-key-card-'));
    const reports = new ReportsPage(page);
    await reports.open();
    await reports.choosePeriod(/^This year/);
    shell.dialogs.nextSavePath = join(folder, 'audit.json');
    await reports.main.getByRole('button', { name: 'Export signed audit trails' }).click();
    await expect(reports.main.getByText(/^Saved audit\.json\.$/)).toBeVisible({ timeout: 20_000 });
    const cli = await runCli('verify-audit', join(folder, 'audit.json'), '--trust', join(folder, card ?? 'missing'));
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toContain('signed by:   Ana Silva: 2 event(s)');
    expect(cli.stdout).toContain('signed by:   Ben Okafor: 1 event(s)');
    expect(cli.stdout).toContain('Signature valid; every hash chain and every event signature verified.');
  } finally {
    await rm(folder, { recursive: true, force: true });
  }

  // Someone without the key deletes an event from the raw IndexedDB store: the trail names the gap.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('casebridge');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const tx = db.transaction('events', 'readwrite');
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const request = tx.objectStore('events').getAllKeys();
      request.onsuccess = () => resolve(request.result);
    });
    const authorised = keys.find((key) => String(key).endsWith('#2'));
    if (authorised !== undefined) tx.objectStore('events').delete(authorised);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
  await app.open('Cases');
  await cases.openFromList(reference);
  await expect(await casePage.verifyChain()).toContainText('Chain broken at event 3');
  expect(shell.problems).toEqual([]);
});

/** Ana (caseworker) creates the office's vault and, as its administrator, adds a colleague with one granted role. */
async function officeOfTwo(
  { page, load }: Shell,
  colleague: { readonly name: string; readonly passphrase: string; readonly role: 'Caseworker' | 'Authoriser' },
): Promise<{ vault: VaultPage; app: AppShellPage }> {
  await load();
  const vault = new VaultPage(page);
  await vault.createVault({ personName: 'Ana Silva', role: 'Caseworker' });
  const app = new AppShellPage(page);
  await app.open('Settings');
  await vault.addPerson(colleague.name, colleague.passphrase);
  await vault.grantRole(colleague.name, colleague.role);
  return { vault, app };
}

/** The built casebridge-bundle CLI (npm run test:e2e builds it), as an oversight body would run it. */
async function runCli(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['out/cli/casebridge-bundle.js', ...args], (_error, stdout, stderr) =>
      resolve({ stdout, stderr }),
    );
  });
}

test('cases have owners: Ana hands a case to Dan, each sees it under "My cases", and the trail names both', async ({
  shell,
}) => {
  const page = shell.page;
  const { vault, app } = await officeOfTwo(shell, { name: 'Dan Moreau', passphrase: DAN, role: 'Caseworker' });
  // Each change to access is signed by the administrator who made it, and the history says so.
  await page.getByRole('button', { name: 'Show and verify the history' }).click();
  await expect(page.getByTestId('people-history')).toContainText('Ana Silva granted Dan Moreau the role Caseworker');
  await expect(page.getByRole('region', { name: 'History of access' })).toContainText(
    'changes, each signed by the administrator who made it',
  );
  await page
    .getByRole('region', { name: 'History of access' })
    .screenshot({ path: 'test-results/screenshots/people-history.png' });

  const cases = new CasesPage(page);
  const casePage = new CasePage(page);
  await app.open('Cases');
  const reference = await cases.startNewCase();
  await cases.fillNewCase({
    title: 'Location data for the Osprey account',
    partner: 'FR',
    legalBasis: 'gdpr-61',
    purpose: 'Locate a device used to stalk a journalist',
    categories: ['Subscriber data'],
    person: { name: 'Lucie Martin', contact: '3 quai Voltaire, 75007 Paris', language: 'fr' },
    statements: {},
    purgeAt: '2030-03-01',
  });
  await cases.saveNewCase(reference);
  await expect(page.getByTestId('case-owner')).toHaveText('Owned by Ana Silva');

  // Ana hands it over; the reason is optional for the owner.
  await casePage.press('Hand over…');
  await page.getByLabel('New owner').selectOption({ label: 'Dan Moreau' });
  await page.getByRole('region', { name: 'Owner' }).getByLabel('Reason').fill('Dan covers France from Monday.');
  await casePage.press('Hand over to Dan Moreau');
  await expect(page.getByTestId('case-owner')).toHaveText('Owned by Dan Moreau');
  await expect(page.getByRole('region', { name: /Audit trail/ })).toContainText('Handed over');

  // "My cases" no longer lists it for Ana; "All cases" does.
  await app.open('Cases');
  await page.getByRole('radio', { name: 'My cases' }).check();
  await expect(page.getByTestId('case-count')).toContainText('0 of 1');
  await page.getByRole('radio', { name: 'All cases' }).check();
  await expect(page.getByTestId('case-count')).toContainText('1 of 1');
  await page.screenshot({ path: 'test-results/screenshots/case-list-owners.png', fullPage: true });

  // Dan signs in and finds it under "My cases"; taking it back would need a reason from Ana.
  await vault.lock();
  await vault.choosePerson('Dan Moreau');
  await vault.unlock(DAN);
  await vault.expectUnlocked();
  await app.open('Cases');
  await page.getByRole('radio', { name: 'My cases' }).check();
  await expect(page.getByTestId('case-count')).toContainText('1 of 1');
  await cases.openFromList(reference);
  const trail = page.getByRole('region', { name: /Audit trail/ });
  await expect(trail).toContainText('by Ana Silva (Caseworker)');
  await expect(await casePage.verifyChain()).toContainText('Every event is signed by the person who did it.');
  await page.getByRole('region', { name: 'Owner' }).screenshot({ path: 'test-results/screenshots/case-owner.png' });
  expect(shell.problems).toEqual([]);
});
