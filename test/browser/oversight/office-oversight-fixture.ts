import { memoryByteSink, memorySink, memorySource } from '@shared/bytes/byte-io';
import { concatBytes, toHex } from '@shared/bytes/bytes';
import { buildBundle } from '@shared/bundle/build-bundle';
import type { PayloadBody } from '@shared/bundle/bundle-payloads';
import { verifyBundle } from '@shared/bundle/verify-bundle';
import type { SignedKeyCard } from '@shared/offices/key-card';
import { signingOffice } from '@shared/offices/signing-office';
import { trustView, type TrustStore } from '@shared/offices/trust-store';
import { ok } from '@shared/result';
import type { CasebridgeApi } from '@shared/ipc/contract';
import type { BundleWriter } from '../../../renderer/src/bundle-io/write-bundle-file';
import { makeOffice, type TestOffice } from '../../unit/bundle/bundle-fixtures';
import { withCard } from '../../support/office-cards';
import { receivingOffice, stickWith } from '../exchange/receiving-office';
import { kit } from '../vault/vault-test-kit';

/** Stands in for the main-process writer: keeps the bytes of each file it is sent, as the drive would. */
export function recordingWriter() {
  const files: Uint8Array[] = [];
  let chunks: Uint8Array[] = [];
  const writer: BundleWriter = {
    beginExport: () => {
      chunks = [];
      return Promise.resolve(ok({ exportId: `e${files.length}` }));
    },
    writeChunk: ({ chunk }) => {
      chunks.push(chunk.slice());
      return Promise.resolve(ok({ writtenBytes: chunks.reduce((sum, c) => sum + c.length, 0) }));
    },
    finishExport: () => {
      const bytes = concatBytes(...chunks);
      files.push(bytes);
      const hasher = kit.createHasher(64);
      hasher.update(bytes);
      return Promise.resolve(
        ok({ path: '/stick/bundle.cbundle', bytes: bytes.length, hashHex: toHex(hasher.digest()) }),
      );
    },
    cancelExport: () => Promise.resolve(ok(null)),
  };
  return { writer, files };
}

/**
 * The Bureau of Quiet Harbours (DE) with a real vault, a stick it reads bundle files from and a drive it writes to,
 * and two verified partners: the Harbour Oversight Board (the body it may choose) and an ordinary partner office.
 */
export async function officeWithBody(label: string, now: number) {
  const stickFiles = new Map<string, Uint8Array>();
  const office = await receivingOffice(label, now, stickFiles);
  const drive = recordingWriter();
  const stick = stickWith(stickFiles);
  office.deps = {
    ...office.deps,
    shell: { exchange: { ...stick.shell.exchange, ...drive.writer } } as unknown as CasebridgeApi,
  };
  const body = makeOffice(kit, 61, 'Harbour Oversight Board', 'DE');
  const partner = makeOffice(kit, 62, 'Commission des Ports Calmes', 'FR');
  const trust = withCard(kit, withCard(kit, {}, body.card, now), partner.card, now);
  const oversightCount = () => office.vault.db.oversight.count();
  return { ...office, stickFiles, drive, body, partner, trust, oversightCount };
}

/** A recommendation signed by `from`, addressed to the office with card `to`. */
export async function recommendationFile(
  from: TestOffice,
  to: SignedKeyCard,
  body: PayloadBody<'recommendation'>,
  now: number,
  sequence = 1,
): Promise<Uint8Array> {
  const sink = memorySink();
  const built = await buildBundle(
    kit,
    {
      kind: 'recommendation',
      body,
      sender: signingOffice(kit, from.identity),
      recipients: [{ card: to, sequence }],
      createdAt: now,
      notAfter: now + 30 * 86_400_000,
    },
    sink,
  );
  if (!built.ok) throw new Error(built.error.message);
  return sink.bytes();
}

/** Opens a bundle at the oversight body: its own keys, trusting the office's card; attachments collected. */
export async function openAtBody(bytes: Uint8Array, body: TestOffice, officeCard: SignedKeyCard, now: number) {
  const bodyTrust: TrustStore = withCard(kit, {}, officeCard, now);
  const attachments: ReturnType<typeof memoryByteSink>[] = [];
  const opened = await verifyBundle(kit, {
    source: memorySource(bytes),
    trust: trustView(bodyTrust),
    recipient: {
      signingPublicKey: body.identity.signingPublicKey,
      boxPrivateKeyPlaintext: body.identity.boxPrivateKeyPlaintext,
    },
    clock: () => now,
    ledger: { hasSeen: () => false, lastSequence: () => undefined },
    openAttachment: () => {
      const sink = memoryByteSink();
      attachments.push(sink);
      return sink;
    },
  });
  if (!opened.ok) throw new Error(`${opened.error.code}: ${opened.error.message}`);
  if (!opened.value.opened) throw new Error('the body could not open the bundle');
  return { bundle: opened.value, attachments: attachments.map((sink) => sink.bytes()) };
}
