import { mkdir } from 'node:fs/promises';
import { test, expect } from './harness/fixtures';
import { authorisedCase, expectAccessible, heronRequest } from './harness/two-offices';
import { AppShellPage } from './pages/AppShellPage';
import { CasePage } from './pages/CasePage';
import { CasesPage } from './pages/CasesPage';

const SCREENSHOTS = 'test-results/screenshots';

test('one-way steps ask first; a request marked sent by mistake is reopened with a reason; a withdrawn case shows as withdrawn', async ({
  app: page,
  shell,
}) => {
  await mkdir(SCREENSHOTS, { recursive: true });
  const cases = new CasesPage(page);
  const casePage = new CasePage(page);
  await new AppShellPage(page).open('Cases');
  const reference = await cases.startNewCase();
  await cases.fillNewCase(heronRequest);
  await cases.saveNewCase(reference);

  // Authorising asks first; Cancel (focused, so a stray Enter does nothing) leaves the draft as it was.
  await casePage.press('Authorise the case');
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText('The draft is frozen');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessible(page, 'confirmation');
  await page.screenshot({ path: `${SCREENSHOTS}/confirm-authorise.png` });
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await casePage.expectStage('Draft');
  await casePage.pressAndConfirm('Authorise the case');
  await casePage.expectStage('Authorised');

  // Sent by registered post yesterday: asked how, when and under which reference, then confirmed.
  await casePage.press('It went another way…');
  await casePage.press('Record as sent');
  await expect(page.getByText('Choose how the request was sent.')).toBeVisible();
  await page.getByLabel('How it was sent').selectOption({ label: 'by registered post' });
  await page.getByLabel('Dispatch reference (optional)').fill('RR 4471 0923 DE');
  await casePage.press('Record as sent');
  await expect(dialog).toContainText('A signed bundle can still be sent until the partner answers.');
  await dialog.getByRole('button', { name: 'Record as sent' }).click();
  await casePage.expectStage('Request sent');
  await expect(page.getByTestId('request-sent')).toContainText(
    'Sent by registered post. Dispatch reference: RR 4471 0923 DE.',
  );

  // Marked sent on the wrong case: reopened with a reason, back to "Authorised", the trail keeps both acts.
  const reopen = page.getByTestId('reopen');
  await reopen.getByRole('button', { name: 'Reopen the last step…' }).click();
  await reopen.getByRole('button', { name: 'Reopen the step' }).click();
  await expect(dialog).toContainText('The case goes back to “Authorised”.');
  await dialog.getByRole('button', { name: 'Reopen the step' }).click();
  await expect(reopen).toContainText('reopening needs a reason');
  await reopen.getByLabel('Why is the step reopened?').fill('The post slip belongs to the Kestrel request.');
  await casePage.pressAndConfirm('Reopen the step');
  await casePage.expectStage('Authorised');
  const trail = page.getByRole('region', { name: /Audit trail/ });
  await expect(trail).toContainText('Step reopened');
  await expect(page.getByTestId('request-sent')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/reopened.png`, fullPage: true });

  // Withdrawn: asked first, then shown as withdrawn with its reason; the steps after it are not shown as done.
  await page.getByLabel('Reason for withdrawing').fill('The partner closed its own investigation.');
  await casePage.pressAndConfirm('Withdraw the case');
  await casePage.expectStage('Closed');
  await expect(page.getByTestId('case-withdrawn')).toContainText('Reason: The partner closed its own investigation.');
  const stepper = page.getByRole('navigation', { name: 'Case progress' });
  await expect(stepper.getByRole('button', { name: /Authorised.*withdrawn at this step/ })).toBeVisible();
  await expect(stepper.getByRole('button', { name: /not reached/ }).first()).toBeVisible();
  await expect(stepper.getByText('(done)')).toHaveCount(1);
  await expectAccessible(page, 'withdrawn case');
  await page.screenshot({ path: `${SCREENSHOTS}/withdrawn.png`, fullPage: true });
  expect(shell.problems).toEqual([]);
});

test('the interface in German and in Spanish, with nothing left in English on the main screens', async ({
  app: page,
  shell,
}) => {
  await mkdir(SCREENSHOTS, { recursive: true });
  const reference = await authorisedCase(page);
  const shellPage = new AppShellPage(page);
  await shellPage.open('Settings');
  await page.getByLabel('Interface language').selectOption('de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  const deNav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  await deNav.getByRole('button', { name: 'Fälle' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fälle' })).toBeVisible();
  await page.getByRole('option', { name: new RegExp(reference) }).click();
  await expect(page.getByTestId('case-stage')).toHaveText('Genehmigt');
  await expect(page.getByRole('button', { name: 'Auf anderem Weg gesendet…' })).toBeVisible();
  await expectAccessible(page, 'case in German');
  await page.screenshot({ path: `${SCREENSHOTS}/case-de.png`, fullPage: true });
  await deNav.getByRole('button', { name: 'Übersicht' }).click();
  await page.screenshot({ path: `${SCREENSHOTS}/dashboard-de.png`, fullPage: true });
  // The glossary explains the terms in the interface language and finds them without accents.
  await deNav.getByRole('button', { name: 'Hilfe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Begriffe in Casebridge' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Begriff suchen' }).fill('schlussel');
  await expect(page.getByRole('definition').first()).toBeVisible();
  await expect(page.getByRole('term')).toContainText(['Wiederherstellungsschlüssel', 'Schlüsselkarte']);
  await expectAccessible(page, 'glossary in German');
  await page.screenshot({ path: `${SCREENSHOTS}/help-de.png`, fullPage: true });

  await deNav.getByRole('button', { name: 'Einstellungen' }).click();
  await page.getByLabel('Sprache der Oberfläche').selectOption('es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  const esNav = page.getByRole('navigation', { name: 'Principal' });
  await expect(page.getByRole('heading', { level: 1, name: 'Configuración' })).toBeVisible();
  await esNav.getByRole('button', { name: 'Expedientes' }).click();
  await page.getByRole('option', { name: new RegExp(reference) }).click();
  await expect(page.getByTestId('case-stage')).toHaveText('Autorizado');
  await expectAccessible(page, 'case in Spanish');
  await page.screenshot({ path: `${SCREENSHOTS}/case-es.png`, fullPage: true });
  await esNav.getByRole('button', { name: 'Panel' }).click();
  await page.screenshot({ path: `${SCREENSHOTS}/dashboard-es.png`, fullPage: true });
  // The words a caseworker reads most are in Spanish, not English.
  const main = await page.getByRole('main').innerText();
  expect(main).not.toMatch(/\b(Dashboard|Overdue|Cases|Request sent|Authorised)\b/);
  expect(shell.problems).toEqual([]);
});
