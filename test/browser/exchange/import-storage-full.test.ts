import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildBundle } from '@shared/bundle/build-bundle';
import { memorySink } from '@shared/bytes/byte-io';
import { applyImport, prepareImport } from '../../../renderer/src/exchange/import-bundle';
import { initI18n } from '../../../renderer/src/i18n/i18n';
import { measureSpace, storageFullText } from '../../../renderer/src/vault/storage-space';
import { signingOffice } from '@shared/offices/signing-office';
import { kit } from '../vault/vault-test-kit';
import { officeWithCard, withCard } from '../../support/office-cards';
import { receivingOffice } from './receiving-office';

const MiB = 1024 * 1024;
const DAY = 86_400_000;

beforeAll(async () => {
  await initI18n('en');
});
afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * An unlocked vault on a disk that fills up (`budget`), our office in it, and a request bundle from a verified partner
 * with two attachments (3 MiB, then 6 MiB: more than one batch of chunks), addressed to us, on the stick.
 */
async function officeReceivingBundle(label: string) {
  const now = Date.now();
  const files = new Map<string, Uint8Array>();
  const { own, deps, budget, counts } = await receivingOffice(label, now, files);
  const { identity: partner, card: partnerCard } = officeWithCard(kit, 'Commission des Ports Calmes', 'FR', now);
  const evidence = (mib: number) => new Uint8Array(mib * MiB).map((_, i) => (i * mib + 1) & 255);
  const sink = memorySink();
  const built = await buildBundle(
    kit,
    {
      kind: 'request',
      body: { caseRef: 'FR-CPC-2026-0007', case: { originatingJurisdiction: 'FR' } },
      sender: signingOffice(kit, partner),
      recipients: [{ card: own.card, sequence: 1 }],
      attachments: [3, 6].map((mib) => ({
        name: `scan-${mib}.pdf`,
        mediaType: 'application/pdf',
        size: mib * MiB,
        bytes: [evidence(mib)],
      })),
      createdAt: now,
      notAfter: now + DAY,
    },
    sink,
  );
  if (!built.ok) throw new Error(built.error.message);
  const file = sink.bytes();
  files.set('file-1', file);
  const trust = withCard(kit, {}, partnerCard, now);
  const prepare = () => prepareImport(deps, trust, { fileToken: 'file-1', name: 'request.cbundle' });
  return { deps, file, budget, prepare, counts };
}

const nothing = { chunks: 0, attachments: 0, cases: 0, events: 0, ledger: 0 };

describe('a bundle import on a full disk', () => {
  // Two ways staging meets a full disk: the second file fails mid-stream and stops the verifier, or its last write
  // fails after the verifier has read everything (the verification succeeds; the staged result says why).
  it.each([
    { when: 'in the middle of the second file', budgetMiB: 4.5 },
    { when: 'at the last write, after the verifier finished', budgetMiB: 8 },
  ])(
    'a disk that fills while attachments are staged ($when): refused whole, with the space needed and free',
    async ({ budgetMiB }) => {
      const { budget, file, prepare, counts } = await officeReceivingBundle('import-full-staging');
      budget.bytes = budgetMiB * MiB;
      const prepared = await prepare();
      budget.bytes = Infinity;
      expect(budget.chunkWrites).toBeGreaterThan(0); // staging really started: this is the real refusal
      expect(prepared).toEqual({
        status: 'refused',
        code: 'storage-full',
        message: storageFullText(await measureSpace(file.length)),
      });
      if (prepared.status !== 'refused') return;
      expect(prepared.message).toMatch(/^Not saved: this needs about 10\.9 MiB and about .+ are free\./);
      expect(await counts()).toEqual(nothing);

      // With room again, the same file imports: nothing of the refused attempt is in the way.
      const again = await prepare();
      expect(again.status).toBe('ready');
    },
  );

  it('a bundle larger than the estimated free space is refused before anything is staged', async () => {
    const { budget, prepare, counts } = await officeReceivingBundle('import-estimate');
    vi.spyOn(navigator.storage, 'estimate').mockResolvedValue({ quota: 100 * MiB, usage: 95 * MiB });
    const prepared = await prepare();
    expect(prepared).toMatchObject({ status: 'refused', code: 'storage-full' });
    if (prepared.status !== 'refused') return;
    expect(prepared.message).toBe(
      'Not saved: this needs about 10.9 MiB and about 5 MiB are free. Free some space on this computer, then try again.',
    );
    expect(budget.chunkWrites).toBe(0);
    expect(await counts()).toEqual(nothing);
  });

  it('a disk that fills at the commit: nothing of the import is kept, and the message says what a retry needs', async () => {
    const { budget, file, deps, prepare, counts } = await officeReceivingBundle('import-full-commit');
    const prepared = await prepare();
    if (prepared.status !== 'ready') throw new Error(`not ready: ${JSON.stringify(prepared)}`);
    budget.bytes = 150; // the case row fits, its events and the rest of the transaction do not
    const applied = await applyImport(deps, prepared);
    budget.bytes = Infinity;
    expect(applied).toEqual({
      ok: false,
      error: { code: 'storage-full', message: storageFullText(await measureSpace(file.length)) },
    });
    expect(await counts()).toEqual(nothing);
    const again = await prepare();
    if (again.status !== 'ready') throw new Error(`not ready: ${JSON.stringify(again)}`);
    expect((await applyImport(deps, again)).ok).toBe(true);
    expect(await counts()).toMatchObject({ attachments: 2, cases: 1, ledger: 1 });
  });
});
