import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeBuilder } from './axe-builder';
import { expectNoCodes } from './expect-no-codes';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, openShell, type Shell } from './fixtures';
import { nodeVolumeProbe, type VolumeProbe } from '../../../electron/main/handlers/media/volume-probe';
import { AppShellPage } from '../pages/AppShellPage';
import { CasePage } from '../pages/CasePage';
import { CasesPage, type NewCaseInput } from '../pages/CasesPage';
import { ExchangePage } from '../pages/ExchangePage';
import { PartnerOfficesPage } from '../pages/PartnerOfficesPage';
import { VaultPage } from '../pages/VaultPage';

/** One installation acting as one office, with the page objects an exchange journey needs. */
export type Office = {
  readonly shell: Shell;
  readonly name: string;
  readonly offices: PartnerOfficesPage;
  readonly exchange: ExchangePage;
};

/**
 * The machine's real volume detection, except that `folder` appears mounted as a USB stick (/dev/sdb1 on a
 * USB bus): the app then lists it as a removable drive and may read bundles from it.
 */
export function stickProbe(folder: string): VolumeProbe {
  const disk = '/sys/devices/pci0000:00/0000:00:14.0/usb1/1-1/1-1:1.0/host6/target6:0:0/6:0:0:0/block/sdb';
  return {
    ...nodeVolumeProbe,
    readText: async (path) => {
      if (path === '/proc/self/mountinfo') return `36 25 8:17 / ${folder} rw,nosuid,nodev - vfat /dev/sdb1 rw\n`;
      if (path === `${disk}/sdb1/partition`) return '1\n';
      if (path === `${disk}/removable`) return '1\n';
      return null;
    },
    realpath: async (path) => (path === '/sys/dev/block/8:17' ? `${disk}/sdb1` : nodeVolumeProbe.realpath(path)),
  };
}

/**
 * A fresh installation with a vault for `name`, seeing `volumeProbe`'s drives (the machine's own when absent), its
 * first person in `role`, and its clock `clockAheadMs` ahead (Playwright's clock: no backdoor in the app).
 */
export async function openOffice(
  context: BrowserContext,
  name: string,
  jurisdiction: string,
  volumeProbe?: VolumeProbe,
  options: { readonly role?: 'Caseworker' | 'Redress officer'; readonly clockAheadMs?: number } = {},
): Promise<Office> {
  const shell = await openShell(context, volumeProbe ? { volumeProbe } : {});
  if (options.clockAheadMs) await shell.page.clock.install({ time: Date.now() + options.clockAheadMs });
  await shell.load();
  await new VaultPage(shell.page).createVault({ officeName: name, jurisdiction, role: options.role ?? 'Caseworker' });
  return {
    shell,
    name,
    offices: new PartnerOfficesPage(shell.page, shell.dialogs),
    exchange: new ExchangePage(shell.page, shell.dialogs),
  };
}

/**
 * Axe finds nothing serious or critical on the screen as it is now, and no code reaches the person reading it
 * (`expectNoCodes`): every journey that checks a screen's accessibility checks its words too.
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await axeBuilder(page).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious, name).toEqual([]);
  await expectNoCodes(page, name);
}

/** The one .cbundle file in `folder`. */
export async function onlyBundle(folder: string): Promise<string> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.cbundle'));
  expect(names).toHaveLength(1);
  return join(folder, names[0] ?? '');
}

/** Both offices save their key card under `folder`, import the other's and verify it by comparing fingerprints. */
export async function exchangeKeyCards(folder: string, a: Office, b: Office): Promise<void> {
  const fingerprints: Record<string, string> = {};
  for (const side of [a, b]) {
    await side.offices.open();
    fingerprints[side.name] = await side.offices.ownFingerprint();
    const cards = join(folder, `card-${fingerprints[side.name]?.slice(0, 5)}`);
    await mkdir(cards);
    await side.offices.exportKeyCard(cards);
  }
  for (const [self, other] of [
    [a, b],
    [b, a],
  ] as const) {
    await self.offices.importKeyCard(await onlyBundle(join(folder, `card-${fingerprints[other.name]?.slice(0, 5)}`)));
    await self.offices.verify(other.name, fingerprints[other.name] ?? '');
  }
}

/** Two offices on one stick: their shells, the second's browser context, the stick folder and its drive. */
export type TwoOffices = {
  /** A temporary folder for everything the offices pass by hand (key cards, bundles written elsewhere). */
  readonly stick: string;
  /** `stick/usb`, which both offices see as an inserted USB stick. */
  readonly usb: string;
  /** Bureau of Quiet Harbours (DE), in the test's own browser context. */
  readonly bureau: Office;
  /** Commission des Ports Calmes (FR), in a second browser context: another installation. */
  readonly commission: Office;
  readonly commissionContext: BrowserContext;
};

/**
 * Two installations that see the same USB stick and have exchanged and verified each other's key cards. The second
 * runs in its own browser context, with `timezoneId` and `viewport` (the config's defaults unless given).
 */
export async function twoOfficesOnOneStick(
  context: BrowserContext,
  browser: Browser,
  second: { readonly timezoneId?: string; readonly viewport?: { width: number; height: number } } = {},
): Promise<TwoOffices> {
  const stick = await mkdtemp(join(tmpdir(), 'casebridge-stick-'));
  const usb = join(stick, 'usb');
  await mkdir(usb);
  const commissionContext = await browser.newContext({
    locale: 'en-GB',
    timezoneId: second.timezoneId ?? 'Europe/Berlin',
    viewport: second.viewport ?? { width: 1280, height: 800 },
  });
  try {
    const [bureau, commission] = await Promise.all([
      openOffice(context, 'Bureau of Quiet Harbours', 'DE', stickProbe(usb)),
      openOffice(commissionContext, 'Commission des Ports Calmes', 'FR', stickProbe(usb)),
    ]);
    await exchangeKeyCards(stick, bureau, commission);
    return { stick, usb, bureau, commission, commissionContext };
  } catch (error) {
    await commissionContext.close();
    await rm(stick, { recursive: true, force: true });
    throw error;
  }
}

/** Removes both installations' data, the second browser context and the stick. */
export async function closeTwoOffices(offices: TwoOffices): Promise<void> {
  await offices.bureau.shell.close();
  await offices.commission.shell.close();
  await offices.commissionContext.close();
  await rm(offices.stick, { recursive: true, force: true });
}

export const heronRequest: NewCaseInput = {
  title: 'Subscriber data for the Heron account',
  partner: 'FR',
  platform: 'Quiet Harbour Social SAS',
  legalBasis: 'gdpr-61',
  purpose: 'Identify the operator of an account used to threaten journalists',
  categories: ['Subscriber data', 'Traffic data'],
  person: { name: 'Camille Durand', contact: '12 rue des Lilas, 69001 Lyon', language: 'fr' },
  statements: {
    necessity: 'No other means identifies the account holder.',
    proportionality: 'Three months of subscriber data against a campaign of threats.',
    nonDiscrimination: 'Selected by the threats sent, not by any protected trait.',
    minimisation: 'Subscriber data and login times only, for three months.',
  },
  purgeAt: '2028-03-01',
};

/** A new case, authorised and so ready to be sent as a request; returns its reference. */
export async function authorisedCase(page: Page, input: NewCaseInput = heronRequest): Promise<string> {
  const cases = new CasesPage(page);
  await new AppShellPage(page).open('Cases');
  const reference = await cases.startNewCase();
  await cases.fillNewCase(input);
  await cases.saveNewCase(reference);
  await new CasePage(page).pressAndConfirm('Authorise the case');
  await new CasePage(page).expectStage('Authorised');
  return reference;
}

/** Opens the case `reference` from the case list. */
export async function openCase(page: Page, reference: string): Promise<CasePage> {
  const cases = new CasesPage(page);
  await new AppShellPage(page).open('Cases');
  await cases.search(reference);
  await cases.openFromList(reference);
  return new CasePage(page);
}
