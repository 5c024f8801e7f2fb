import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildBundle } from '@shared/bundle/build-bundle';
import { memoryByteSink, memorySink } from '@shared/bytes/byte-io';
import { verifyBundle } from '@shared/bundle/verify-bundle';
import { createKeyCard } from '@shared/offices/key-card';
import { generateOfficeIdentity } from '@shared/offices/office-identity';
import { trustView, type TrustStore } from '@shared/offices/trust-store';
import { withCard } from '../../support/office-cards';
import { ok } from '@shared/result';
import { openBundleFile, readSmallBundle, type BundleReader } from '../../../renderer/src/bundle-io/ipc-byte-source';
import { DAY, kit } from '../workflow/workflow-fixtures';
import { signingOffice } from '@shared/offices/signing-office';

/** Stands in for the main process: serves `file` in chunks of the given sizes (cycled), forward only. */
function reader(
  file: Uint8Array,
  sizes: readonly number[],
  cutAt = file.length,
): BundleReader & { closed: () => boolean } {
  let position = 0;
  let call = 0;
  let closed = false;
  return {
    openBundle: () => Promise.resolve(ok({ readId: 'r1', bytes: file.length })),
    readChunk: () => {
      if (position >= cutAt) return Promise.resolve(ok({ chunk: null }));
      const size = sizes[call++ % sizes.length] ?? 1;
      const chunk = file.slice(position, Math.min(cutAt, position + size));
      position += chunk.length;
      return Promise.resolve(ok({ chunk }));
    },
    closeBundle: () => {
      closed = true;
      return Promise.resolve(ok(null));
    },
    closed: () => closed,
  };
}

const now = Date.parse('2026-03-02T09:00:00Z');
const sender = generateOfficeIdentity(kit);
const recipient = generateOfficeIdentity(kit);
const senderCard = createKeyCard(
  signingOffice(kit, sender),
  { name: 'A', jurisdiction: 'DE' },
  { validFrom: now - DAY, validUntil: now + 300 * DAY },
);
const recipientCard = createKeyCard(
  signingOffice(kit, recipient),
  { name: 'B', jurisdiction: 'FR' },
  { validFrom: now - DAY, validUntil: now + 300 * DAY },
);
const evidence = new Uint8Array(300 * 1024 + 17).map((_, i) => (i * 13) & 255);
const sink = memorySink();
const built = await buildBundle(
  kit,
  {
    kind: 'request',
    body: { caseRef: 'DE-1', case: { originatingJurisdiction: 'DE' } },
    sender: signingOffice(kit, sender),
    recipients: [{ card: recipientCard, sequence: 1 }],
    attachments: [{ name: 'e.bin', mediaType: 'application/octet-stream', size: evidence.length, bytes: [evidence] }],
    createdAt: now,
    notAfter: now + DAY,
    chunkSize: 64 * 1024,
  },
  sink,
);
if (!built.ok) throw new Error(built.error.message);
const file = sink.bytes();
const trusted = withCard(kit, {}, senderCard, now);

async function verifyThrough(source: Awaited<ReturnType<typeof openBundleFile>>, trust: TrustStore) {
  if (!source.ok) throw new Error(source.error.message);
  const attachment = memoryByteSink();
  const result = await verifyBundle(kit, {
    source: source.value.source,
    trust: trustView(trust),
    recipient: {
      signingPublicKey: recipient.signingPublicKey,
      boxPrivateKeyPlaintext: recipient.boxPrivateKeyPlaintext,
    },
    clock: () => now,
    ledger: null,
    openAttachment: () => attachment,
  });
  await source.value.close();
  return { result, attachment: attachment.bytes() };
}

describe('reading a bundle forward through the IPC chunk stream', () => {
  it('verifies the same bundle whatever sizes the main process chunks it into', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 200_000 }), { minLength: 1, maxLength: 6 }),
        async (sizes) => {
          const fake = reader(file, sizes);
          const { result, attachment } = await verifyThrough(await openBundleFile(fake, 'token'), trusted);
          expect(result.ok).toBe(true);
          expect(Buffer.from(attachment).equals(Buffer.from(evidence))).toBe(true);
          expect(fake.closed()).toBe(true);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('a file that ends early (pulled stick) is refused with a classified error, never accepted', async () => {
    for (const cut of [10, 2000, file.length - 1]) {
      const { result } = await verifyThrough(await openBundleFile(reader(file, [65_536], cut), 'token'), trusted);
      expect(result.ok ? 'accepted' : result.error.code).toMatch(/^BUNDLE_(TRUNCATED|IO_FAILED)$/);
    }
  });

  it('refuses a backward read, and a key-card read bounded by its limit', async () => {
    const opened = await openBundleFile(reader(file, [4096]), 'token');
    if (!opened.ok) throw new Error(opened.error.message);
    await opened.value.source.read(100, 10);
    await expect(opened.value.source.read(50, 10)).rejects.toThrow('only reads forward');
    expect(await readSmallBundle(reader(file, [4096]), 'token', 1024)).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
    const small = await readSmallBundle(reader(file, [4096]), 'token', file.length);
    expect(small.ok && Buffer.from(small.value).equals(Buffer.from(file))).toBe(true);
  });
});
