import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '@shared/bundle/build-bundle';
import { memorySink } from '@shared/bytes/byte-io';
import { createKeyCard, type SignedKeyCard } from '@shared/offices/key-card';
import { generateOfficeIdentity, type OfficeIdentity } from '@shared/offices/office-identity';
import { prepareImport } from '../../../renderer/src/exchange/import-bundle';
import { initI18n } from '../../../renderer/src/i18n/i18n';
import { withCard } from '../../support/office-cards';
import { kit } from '../vault/vault-test-kit';
import { receivingOffice } from './receiving-office';
import { signingOffice } from '@shared/offices/signing-office';

beforeAll(async () => {
  await initI18n('en');
});

const DAY = 86_400_000;
const NOW = Date.UTC(2027, 2, 1, 9, 0, 0);

/** A partner office whose key card is valid over [from, until] (days relative to NOW). */
function partnerValid(from: number, until: number) {
  const identity = generateOfficeIdentity(kit);
  const card = createKeyCard(
    signingOffice(kit, identity),
    { name: 'Commission des Ports Calmes', jurisdiction: 'FR' },
    { validFrom: NOW + from * DAY, validUntil: NOW + until * DAY },
  );
  return { identity, card };
}

/** A request from `partner` to our office, created `age` days before NOW and valid for 7 days. */
async function requestAged(partner: OfficeIdentity, ours: SignedKeyCard, age: number): Promise<Uint8Array> {
  const sink = memorySink();
  const built = await buildBundle(
    kit,
    {
      kind: 'request',
      body: { caseRef: 'FR-CPC-2026-0009', case: { originatingJurisdiction: 'FR' } },
      sender: signingOffice(kit, partner),
      recipients: [{ card: ours, sequence: 1 }],
      createdAt: NOW - age * DAY,
      notAfter: NOW - (age - 7) * DAY,
    },
    sink,
  );
  if (!built.ok) throw new Error(built.error.message);
  return sink.bytes();
}

/** Our office at NOW with the partner's card imported and verified `trustedAt` days relative to NOW. */
async function overrideImport(label: string, partner: ReturnType<typeof partnerValid>, age: number, trustedAt: number) {
  const files = new Map<string, Uint8Array>();
  const office = await receivingOffice(label, NOW, files);
  files.set('file-1', await requestAged(partner.identity, office.own.card, age));
  const trust = withCard(kit, {}, partner.card, NOW + trustedAt * DAY);
  const file = { fileToken: 'file-1', name: 'request.cbundle' };
  const prepared = await prepareImport(office.deps, trust, file, { reason: 'The courier was held up at the border.' });
  return { office, prepared, plain: () => prepareImport(office.deps, trust, file) };
}

describe('importing an expired bundle with an override', () => {
  it('imports a bundle that expired 20 days ago, reading the file once: its expiry is the verified header’s', async () => {
    const { office, prepared, plain } = await overrideImport('override-within', partnerValid(-60, 300), 27, -40);
    expect(await plain()).toMatchObject({ status: 'refused', code: 'BUNDLE_EXPIRED' });
    expect(prepared).toMatchObject({ status: 'ready' });
    if (prepared.status === 'ready') expect(prepared.plan.preview[0]?.key).toBe('expiredOverride');
    // The override reads nothing the verifier did not check: one open for the overridden check (one more for `plain`).
    expect(office.opens.get('file-1')).toBe(2);
  });

  it('still checks the signer’s key card as of now: a card that expired after the bundle did is refused', async () => {
    // The bundle expired 5 days ago, the card 2 days ago: as of the bundle's expiry the card was still valid.
    const { prepared } = await overrideImport('override-card-expired', partnerValid(-60, -2), 12, -20);
    expect(prepared).toMatchObject({ status: 'refused', code: 'BUNDLE_SIGNER_EXPIRED' });
  });

  it('refuses a bundle that expired more than 30 days ago, whatever the reason given', async () => {
    const { office, prepared } = await overrideImport('override-too-old', partnerValid(-500, 300), 407, -450);
    expect(prepared).toMatchObject({ status: 'refused', code: 'BUNDLE_EXPIRED' });
    if (prepared.status === 'refused') expect(prepared.message).toContain('more than 30 days');
    expect(await office.counts()).toEqual({ chunks: 0, attachments: 0, cases: 0, events: 0, ledger: 0 });
  });
});
