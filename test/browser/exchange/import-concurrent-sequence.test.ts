import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '@shared/bundle/build-bundle';
import { memorySink } from '@shared/bytes/byte-io';
import type { SignedKeyCard } from '@shared/offices/key-card';
import type { OfficeIdentity } from '@shared/offices/office-identity';
import { commitExchange } from '../../../renderer/src/exchange/exchange-commit';
import { applyImport, prepareImport } from '../../../renderer/src/exchange/import-bundle';
import { loadLedger } from '../../../renderer/src/exchange/ledger-store';
import { initI18n } from '../../../renderer/src/i18n/i18n';
import { receivedRequestEntry } from '../../support/ledger-entries';
import { officeWithCard, withCard } from '../../support/office-cards';
import { signingOffice } from '@shared/offices/signing-office';
import { kit } from '../vault/vault-test-kit';
import { receivingOffice } from './receiving-office';

beforeAll(async () => {
  await initI18n('en');
});

const DAY = 86_400_000;

/** A request with one small attachment from `partner` to us, with our sequence number `sequence`. */
async function requestNumbered(partner: OfficeIdentity, ours: SignedKeyCard, sequence: number, now: number) {
  const evidence = new Uint8Array(70_000).fill(sequence);
  const sink = memorySink();
  const built = await buildBundle(
    kit,
    {
      kind: 'request',
      body: { caseRef: `FR-CPC-2026-000${sequence}`, case: { originatingJurisdiction: 'FR' } },
      sender: signingOffice(kit, partner),
      recipients: [{ card: ours, sequence }],
      attachments: [
        { name: `scan-${sequence}.pdf`, mediaType: 'application/pdf', size: evidence.length, bytes: [evidence] },
      ],
      createdAt: now - DAY,
      notAfter: now + DAY,
    },
    sink,
  );
  if (!built.ok) throw new Error(built.error.message);
  return sink.bytes();
}

describe('two imports from one office prepared at once', () => {
  it('applies the newer and refuses the older as a replay at the commit, storing nothing of it', async () => {
    const now = Date.now();
    const files = new Map<string, Uint8Array>();
    const office = await receivingOffice('import-concurrent-sequence', now, files);
    const partner = officeWithCard(kit, 'Commission des Ports Calmes', 'FR', now);
    const partnerKey = partner.card.card.signingKey;
    const trust = withCard(kit, {}, partner.card, now);
    // Number 3 from this office was imported earlier.
    const earlier = {
      ...receivedRequestEntry('3'.repeat(32)),
      peerKey: partnerKey,
      sequence: 3,
    };
    expect((await commitExchange(office.deps.db, { ledgerPut: [earlier] })).ok).toBe(true);
    files.set('five', await requestNumbered(partner.identity, office.own.card, 5, now));
    files.set('four', await requestNumbered(partner.identity, office.own.card, 4, now));

    // Both verify against the ledger as it was (last seen: 3), so both are ready.
    const [five, four] = await Promise.all([
      prepareImport(office.deps, trust, { fileToken: 'five', name: 'five.cbundle' }),
      prepareImport(office.deps, trust, { fileToken: 'four', name: 'four.cbundle' }),
    ]);
    if (five.status !== 'ready' || four.status !== 'ready')
      throw new Error(`not ready: ${five.status}, ${four.status}`);

    expect((await applyImport(office.deps, five)).ok).toBe(true);
    const applied = await applyImport(office.deps, four);
    expect(applied).toMatchObject({ ok: false, error: { code: 'sequence-old' } });
    if (!applied.ok) expect(applied.error.message).toMatch(/number 4\).*\(number 5\)/);

    const ledger = await loadLedger(office.deps.db);
    expect(ledger.map((entry) => entry.sequence).sort()).toEqual([3, 5]);
    expect(await office.counts()).toMatchObject({ cases: 1, attachments: 1, ledger: 2 });
    // Only number 5's file has chunks; number 4's staged chunks were dropped with the refusal.
    const [kept] = await office.deps.db.attachments.toCollection().primaryKeys();
    expect(await office.deps.db.attachmentChunks.where('attachmentId').notEqual(String(kept)).count()).toBe(0);
  });
});
