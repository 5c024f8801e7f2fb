import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '@shared/bundle/build-bundle';
import { verifyBundle } from '@shared/bundle/verify-bundle';
import { concatBytes, toHex } from '@shared/bytes/bytes';
import { memorySink, memorySource } from '@shared/bytes/byte-io';
import { createKeyCard } from '@shared/offices/key-card';
import { generateOfficeIdentity } from '@shared/offices/office-identity';
import { signingOffice } from '@shared/offices/signing-office';
import { trustView } from '@shared/offices/trust-store';
import { kindOptions } from '@shared/exchange/exchange-policy';
import type { CasebridgeApi } from '@shared/ipc/contract';
import { ok } from '@shared/result';
import type { BundleWriter } from '../../../renderer/src/bundle-io/write-bundle-file';
import { exportCaseBundle } from '../../../renderer/src/exchange/export-case';
import { applyImport, prepareImport } from '../../../renderer/src/exchange/import-bundle';
import { loadLedger } from '../../../renderer/src/exchange/ledger-store';
import { storeAttachment } from '../../../renderer/src/vault/attachments/attachment-store';
import { initI18n } from '../../../renderer/src/i18n/i18n';
import { withCard } from '../../support/office-cards';
import { kit } from '../vault/vault-test-kit';
import { receivingOffice } from './receiving-office';

beforeAll(async () => {
  await initI18n('en');
});

const DAY = 86_400_000;
const NOW = Date.UTC(2027, 2, 1, 9, 0, 0);

/** Keeps what the export writes, as the main process would on the stick. */
function stickWriter() {
  const chunks: Uint8Array[] = [];
  const writer: BundleWriter = {
    beginExport: () => Promise.resolve(ok({ exportId: 'e1' })),
    writeChunk: ({ chunk }) => {
      chunks.push(chunk.slice());
      return Promise.resolve(ok({ writtenBytes: chunks.reduce((sum, c) => sum + c.length, 0) }));
    },
    finishExport: () => {
      const bytes = concatBytes(...chunks);
      return Promise.resolve(
        ok({ path: '/stick/x.cbundle', bytes: bytes.length, hashHex: toHex(kit.hash(bytes, 64)) }),
      );
    },
    cancelExport: () => Promise.resolve(ok(null)),
  };
  return { writer, bytes: () => concatBytes(...chunks) };
}

describe('exporting evidence files whose stored names are not plain names', () => {
  it('sends "a\\b.pdf" as a plain, unique name instead of failing, and the partner accepts the bundle', async () => {
    const partner = signingOffice(kit, generateOfficeIdentity(kit));
    const partnerCard = createKeyCard(
      partner,
      { name: 'Commission des Ports Calmes', jurisdiction: 'FR' },
      { validFrom: NOW - 60 * DAY, validUntil: NOW + 300 * DAY },
    );
    const files = new Map<string, Uint8Array>();
    const office = await receivingOffice('export-plain-names', NOW, files);
    const sink = memorySink();
    const request = await buildBundle(
      kit,
      {
        kind: 'request',
        body: { caseRef: 'FR-CPC-2027-0001', case: { originatingJurisdiction: 'FR' } },
        sender: partner,
        recipients: [{ card: office.own.card, sequence: 1 }],
        createdAt: NOW - DAY,
        notAfter: NOW + 6 * DAY,
      },
      sink,
    );
    if (!request.ok) throw new Error(request.error.message);
    files.set('file-1', sink.bytes());
    const trust = withCard(kit, {}, partnerCard, NOW - 30 * DAY);
    const prepared = await prepareImport(office.deps, trust, { fileToken: 'file-1', name: 'request.cbundle' });
    if (prepared.status !== 'ready') throw new Error(`import: ${prepared.status}`);
    const applied = await applyImport(office.deps, prepared);
    if (!applied.ok) throw new Error(applied.error.message);
    const [received] = await office.deps.repository.all();
    if (!received) throw new Error('the imported case');
    // Recognised, so the answer (a response bundle with the evidence) can be sent.
    const recognised = await office.deps.repository.apply(
      received.id,
      { type: 'decide-recognition', outcome: 'accepted', grounds: [], reasons: '' },
      office.deps.actor,
    );
    if (!recognised.ok) throw new Error(JSON.stringify(recognised));
    const c = (await office.deps.repository.get(received.id)) ?? received;

    // A Linux file name with a backslash, and a plain file that already has the name the first would map to.
    const stored = [];
    for (const [fileName, text] of [
      ['a\\b.pdf', 'first'],
      ['a_b.pdf', 'second'],
    ] as const) {
      const record = await storeAttachment(office.vault.db, {
        id: crypto.randomUUID(),
        caseId: c.id,
        fileName,
        mediaType: 'application/pdf',
        source: new Blob([text]),
        now: new Date(NOW),
      });
      if (!record.ok) throw new Error(record.error.message);
      stored.push(record.value);
    }
    const option = kindOptions(c, office.deps.actor, office.deps.context, await loadLedger(office.vault.db)).find(
      (candidate) => candidate.available,
    );
    if (!option) throw new Error('no kind can be sent');
    const stick = stickWriter();
    const exported = await exportCaseBundle(
      { ...office.deps, shell: { exchange: stick.writer } as unknown as CasebridgeApi },
      trust,
      {
        caseId: c.id,
        kind: option.kind,
        recipientKey: partnerCard.card.signingKey,
        fields: [],
        attachmentIds: stored.map((record) => record.id),
        message: 'Our answer with the scans.',
        folderToken: 'stick',
      },
    );
    if (!exported.ok) throw new Error(`${exported.error.code}: ${exported.error.message}`);

    const opened = await verifyBundle(kit, {
      source: memorySource(stick.bytes()),
      trust: trustView(withCard(kit, {}, office.own.card, NOW - DAY)),
      recipient: { signingPublicKey: partner.signer.publicKey, boxPrivateKeyPlaintext: partner.boxPrivateKeyPlaintext },
      clock: () => NOW,
      ledger: null,
    });
    if (!opened.ok) throw new Error(opened.error.message);
    if (!opened.value.opened) throw new Error('the partner could not open it');
    const names = opened.value.attachments.map((descriptor) => descriptor.name).sort();
    expect(names).toEqual(['a_b (2).pdf', 'a_b.pdf']);
  });
});
