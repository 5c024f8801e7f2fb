import { it } from 'vitest';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { buildBundle } from '@shared/bundle/build-bundle';
import { verifyBundle } from '@shared/bundle/verify-bundle';
import { memorySink, memorySource } from '@shared/bytes/byte-io';
import { classifyInboxEntry } from '@shared/exchange/inbox-entry';
import { trustView } from '@shared/offices/trust-store';
import { officeWithCard, withCard } from '../../support/office-cards';
import { bestOf, reportRatio } from '../report';
import { signingOffice } from '@shared/offices/signing-office';

const MIB = 1024 * 1024;
const FILES = 8;
const SIZE = 8 * MIB;

it('inbox: classifying 8 bundles of 8 MiB (no key, nothing stored) vs fully verifying and decrypting them', async () => {
  const kit = await cryptoKit();
  const now = Date.now();
  const { identity: alice, card: aliceCard } = officeWithCard(kit, 'A', 'DE', now);
  const { identity: bob, card: bobCard } = officeWithCard(kit, 'B', 'FR', now);
  const trust = trustView(withCard(kit, {}, aliceCard, now));
  const payload = kit.randomBytes(SIZE);
  const bundles: Uint8Array[] = [];
  for (let i = 0; i < FILES; i++) {
    const sink = memorySink();
    const built = await buildBundle(
      kit,
      {
        kind: 'request',
        body: { caseRef: `bench-${i}`, case: {} },
        sender: signingOffice(kit, alice),
        recipients: [{ card: bobCard, sequence: i + 1 }],
        attachments: [{ name: 'evidence.bin', mediaType: 'application/octet-stream', size: SIZE, bytes: [payload] }],
        createdAt: now,
        notAfter: now + 86_400_000,
      },
      sink,
    );
    if (!built.ok) throw new Error(built.error.message);
    bundles.push(sink.bytes());
  }
  const context = { ownSigningKey: bobCard.card.signingKey, trust, ledger: [], now };
  const classify = await bestOf(3, async () => {
    for (const bytes of bundles) {
      const entry = await classifyInboxEntry(kit, memorySource(bytes), 'b.cbundle', context);
      if (entry.state !== 'new') throw new Error(`expected new, got ${entry.state}`);
    }
  });
  const verify = await bestOf(3, async () => {
    for (const bytes of bundles) {
      const verified = await verifyBundle(kit, {
        source: memorySource(bytes),
        trust,
        recipient: { signingPublicKey: bob.signingPublicKey, boxPrivateKeyPlaintext: bob.boxPrivateKeyPlaintext },
        clock: () => now,
        ledger: null,
      });
      if (!verified.ok) throw new Error(verified.error.message);
    }
  });
  reportRatio(
    `inbox classification, ${FILES} × ${SIZE / MIB} MiB`,
    classify,
    'full verification with decryption',
    verify,
    `${((FILES * SIZE) / MIB / (classify / 1000)).toFixed(0)} MiB/s classified`,
  );
});
