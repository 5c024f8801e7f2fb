import { describe, expect, it } from 'vitest';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { buildBundle } from '@shared/bundle/build-bundle';
import type { BundleKind } from '@shared/bundle/bundle-kinds';
import type { PayloadBody } from '@shared/bundle/bundle-payloads';
import { memorySink, memorySource } from '@shared/bytes/byte-io';
import { verifyBundle, type OpenedBundle } from '@shared/bundle/verify-bundle';
import { exportKeyCardBundle, readKeyCardBundle } from '@shared/bundle/key-card-bundle';
import { receiptBodyFor } from '@shared/bundle/receipt-body';
import { formatFingerprint } from '@shared/offices/fingerprint';
import { createKeyCard, type SignedKeyCard } from '@shared/offices/key-card';
import { generateOfficeIdentity, type OfficeIdentity } from '@shared/offices/office-identity';
import { createRevocation } from '@shared/offices/revocation';
import {
  applyRevocation,
  fingerprintOf,
  importKeyCard,
  markVerified,
  trustView,
  type TrustStore,
} from '@shared/offices/trust-store';
import { replayView, type LedgerEntry } from '@shared/exchange/ledger-entry';
import { DAY, emptyLedger, T0 } from './bundle-fixtures';
import { signingOffice } from '@shared/offices/signing-office';

describe('two offices exchange key cards, verify each other and exchange every kind of bundle', async () => {
  const kit = await cryptoKit();
  const validity = { validFrom: T0 - DAY, validUntil: T0 + 365 * DAY };
  const berlin = { identity: generateOfficeIdentity(kit), profile: { name: 'Office Berlin', jurisdiction: 'DE' } };
  const paris = { identity: generateOfficeIdentity(kit), profile: { name: 'Office Paris', jurisdiction: 'FR' } };
  const berlinCard = createKeyCard(signingOffice(kit, berlin.identity), berlin.profile, validity);
  const parisCard = createKeyCard(signingOffice(kit, paris.identity), paris.profile, validity);

  async function send<K extends BundleKind>(
    kind: K,
    body: PayloadBody<K>,
    from: OfficeIdentity,
    to: SignedKeyCard[],
    sequence = 1,
    createdAt = T0,
  ): Promise<Uint8Array> {
    const sink = memorySink();
    const built = await buildBundle(
      kit,
      {
        kind,
        body,
        sender: signingOffice(kit, from),
        recipients: to.map((card) => ({ card, sequence })),
        createdAt,
        notAfter: createdAt + 14 * DAY,
      },
      sink,
    );
    if (!built.ok) throw new Error(built.error.message);
    return sink.bytes();
  }

  async function receive(bytes: Uint8Array, as: OfficeIdentity, store: TrustStore, ledger = emptyLedger) {
    return verifyBundle(kit, {
      source: memorySource(bytes),
      trust: trustView(store),
      recipient: { signingPublicKey: as.signingPublicKey, boxPrivateKeyPlaintext: as.boxPrivateKeyPlaintext },
      clock: () => T0 + DAY,
      ledger,
    });
  }

  function opened(result: Awaited<ReturnType<typeof receive>>): OpenedBundle {
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    if (!result.value.opened) throw new Error('not opened');
    return result.value;
  }

  /** Imports a key-card bundle the way the app will: verify the bundle, then hand its card to the trust store. */
  async function importCardBundle(bytes: Uint8Array, store: TrustStore, as: OfficeIdentity) {
    const bundle = opened(await receive(bytes, as, store));
    if (bundle.payload.kind !== 'key-card') throw new Error('not a key card');
    const imported = importKeyCard(kit, store, bundle.payload.body.card, T0 + DAY);
    if (!imported.ok) throw new Error(imported.error.message);
    return imported.value;
  }

  /** Each office imports the other's key-card bundle: both unverified. Every test builds its own stores. */
  async function exchangeCards(): Promise<{ parisStore: TrustStore; berlinStore: TrustStore }> {
    const fromBerlin = await send('key-card', { card: berlinCard }, berlin.identity, []);
    const fromParis = await send('key-card', { card: parisCard }, paris.identity, []);
    return {
      parisStore: (await importCardBundle(fromBerlin, {}, paris.identity)).store,
      berlinStore: (await importCardBundle(fromParis, {}, berlin.identity)).store,
    };
  }

  /** Both offices have compared fingerprints: each trusts the other. */
  async function verifiedStores(): Promise<{ parisStore: TrustStore; berlinStore: TrustStore }> {
    const { parisStore, berlinStore } = await exchangeCards();
    const inParis = markVerified(
      kit,
      parisStore,
      berlinCard.card.signingKey,
      formatFingerprint(fingerprintOf(kit, berlinCard)),
      T0 + DAY,
    );
    const inBerlin = markVerified(
      kit,
      berlinStore,
      parisCard.card.signingKey,
      formatFingerprint(fingerprintOf(kit, parisCard)),
      T0 + DAY,
    );
    if (!inParis.ok || !inBerlin.ok) throw new Error('verification failed');
    return { parisStore: inParis.value, berlinStore: inBerlin.value };
  }

  it('exports key cards as public bundles that read back as the same card, even long after export', async () => {
    const sink = memorySink();
    // Exported the day the card starts; read long after (a key-card bundle is checked as of its own creation).
    const exported = await exportKeyCardBundle(
      kit,
      signingOffice(kit, berlin.identity),
      berlinCard,
      berlinCard.card.validFrom,
      sink,
    );
    if (!exported.ok) throw new Error(exported.error.message);
    const card = await readKeyCardBundle(kit, memorySource(sink.bytes()));
    expect(card).toEqual({ ok: true, value: berlinCard });
    const request = await send('request', { caseRef: 'CB-1', case: {} }, berlin.identity, [parisCard]);
    expect(await readKeyCardBundle(kit, memorySource(request))).toMatchObject({
      ok: false,
      error: { code: 'BUNDLE_PAYLOAD_INVALID' },
    });
    const tampered = sink.bytes();
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(await readKeyCardBundle(kit, memorySource(tampered))).toMatchObject({
      ok: false,
      error: { code: 'BUNDLE_CHUNK_INVALID' },
    });
  });

  it('exchanges key cards as public bundles and imports them as unverified', async () => {
    const fromBerlin = await send('key-card', { card: berlinCard }, berlin.identity, []);
    const inParis = await importCardBundle(fromBerlin, {}, paris.identity);
    expect(inParis.outcome).toBe('added');
    expect(inParis.office.state).toBe('unverified');
    const { parisStore } = await exchangeCards();
    const request = await send('request', { caseRef: 'CB-1', case: { title: 'x' } }, berlin.identity, [parisCard]);
    const refused = await receive(request, paris.identity, parisStore);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('BUNDLE_SIGNER_UNVERIFIED');
  });

  it('refuses a key-card bundle the office ledger already records as received (public bundles are replay-checked too)', async () => {
    const fromBerlin = await send('key-card', { card: berlinCard }, berlin.identity, []);
    const first = opened(await receive(fromBerlin, paris.identity, {}));
    const received: LedgerEntry = {
      id: crypto.randomUUID(),
      direction: 'received',
      bundleId: first.header.bundleId,
      kind: 'key-card',
      peerKey: berlinCard.card.signingKey,
      peerName: 'Office Berlin',
      caseId: null,
      caseRef: null,
      sequence: 0,
      headerDigest: first.headerDigest,
      fileHash: null,
      fileName: null,
      size: fromBerlin.length,
      recordedAt: T0 + DAY,
      status: 'received',
      deliveredAt: null,
      shared: null,
    };
    const again = await receive(fromBerlin, paris.identity, {}, replayView([received]));
    expect(again.ok ? 'ok' : again.error.code).toBe('BUNDLE_REPLAYED');
    // The same entry recorded as *sent* is not a reason to refuse: only imports count.
    const sentOnly = await receive(fromBerlin, paris.identity, {}, replayView([{ ...received, direction: 'sent' }]));
    expect(sentOnly.ok).toBe(true);
  });

  it('verifies each other by comparing fingerprints', async () => {
    let { parisStore, berlinStore } = await exchangeCards();
    const wrong = markVerified(kit, parisStore, berlinCard.card.signingKey, '00000 '.repeat(12), T0 + DAY);
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('TRUST_FINGERPRINT_MISMATCH');
    const spoken = formatFingerprint(fingerprintOf(kit, berlinCard));
    const verified = markVerified(kit, parisStore, berlinCard.card.signingKey, spoken, T0 + DAY);
    if (!verified.ok) throw new Error(verified.error.message);
    parisStore = verified.value;
    const back = markVerified(
      kit,
      berlinStore,
      parisCard.card.signingKey,
      formatFingerprint(fingerprintOf(kit, parisCard)),
      T0 + DAY,
    );
    if (!back.ok) throw new Error(back.error.message);
    berlinStore = back.value;
    expect(parisStore[berlinCard.card.signingKey]?.state).toBe('verified');
  });

  it('builds and opens a request, response, challenge, decision and receipt', async () => {
    const { parisStore, berlinStore } = await verifiedStores();
    const caseData = {
      title: 'Removal of a report on protests',
      jurisdiction: 'DE',
      items: [1, 2, 3],
      nested: { ok: true, note: null },
    };
    const request = opened(
      await receive(
        await send('request', { caseRef: 'CB-1', case: caseData, message: 'Hello' }, berlin.identity, [parisCard]),
        paris.identity,
        parisStore,
      ),
    );
    expect(request.payload).toEqual({ kind: 'request', body: { caseRef: 'CB-1', case: caseData, message: 'Hello' } });
    const response = opened(
      await receive(
        await send(
          'response',
          { caseRef: 'CB-1', inReplyTo: request.header.bundleId, case: { accepted: true } },
          paris.identity,
          [berlinCard],
        ),
        berlin.identity,
        berlinStore,
      ),
    );
    expect(response.payload.kind).toBe('response');
    const challenge = opened(
      await receive(
        await send(
          'challenge',
          { caseRef: 'CB-1', grounds: ['art-17-dsa'], case: {} },
          berlin.identity,
          [parisCard],
          2,
        ),
        paris.identity,
        parisStore,
      ),
    );
    expect(challenge.sequence).toBe(2);
    const decision = opened(
      await receive(
        await send(
          'decision',
          { caseRef: 'CB-1', outcome: 'upheld', case: {}, reasons: 'Restored.' },
          paris.identity,
          [berlinCard],
          2,
        ),
        berlin.identity,
        berlinStore,
      ),
    );
    expect(decision.payload).toMatchObject({ kind: 'decision', body: { outcome: 'upheld' } });
    const receipt = opened(
      await receive(
        await send(
          'receipt',
          receiptBodyFor(decision.header, decision.headerDigest, T0 + DAY, { status: 'imported' }),
          berlin.identity,
          [parisCard],
          3,
        ),
        paris.identity,
        parisStore,
      ),
    );
    expect(receipt.payload).toMatchObject({ kind: 'receipt', body: { headerDigest: decision.headerDigest } });
  });

  it('accepts a rotated key card signed by the old key, keeping trust, and refuses the old key afterwards', async () => {
    const { parisStore } = await verifiedStores();
    const next = generateOfficeIdentity(kit);
    const rotatedCard = createKeyCard(
      signingOffice(kit, next),
      berlin.profile,
      { validFrom: T0, validUntil: T0 + 400 * DAY },
      signingOffice(kit, berlin.identity).signer,
    );
    const rotated = importKeyCard(kit, parisStore, rotatedCard, T0 + DAY);
    if (!rotated.ok) throw new Error(rotated.error.message);
    expect(rotated.value.outcome).toBe('rotated');
    expect(rotated.value.office.state).toBe('verified');
    const store = rotated.value.store;
    expect(store[berlinCard.card.signingKey]?.state).toBe('revoked');
    const fromNew = await receive(
      await send('request', { caseRef: 'CB-2', case: {} }, next, [parisCard]),
      paris.identity,
      store,
    );
    expect(fromNew.ok).toBe(true);
    // The old key is superseded from the moment the rotation was imported: what it signed before is still valid.
    const fromOld = await receive(
      await send('request', { caseRef: 'CB-2', case: {} }, berlin.identity, [parisCard], 1, T0 + DAY),
      paris.identity,
      store,
    );
    expect(fromOld.ok ? 'ok' : fromOld.error.code).toBe('BUNDLE_SIGNER_REVOKED');
    const inFlight = await receive(
      await send('request', { caseRef: 'CB-2', case: {} }, berlin.identity, [parisCard]),
      paris.identity,
      store,
    );
    expect(inFlight.ok).toBe(true);
    const forged = createKeyCard(
      signingOffice(kit, generateOfficeIdentity(kit)),
      berlin.profile,
      validity,
      signingOffice(kit, paris.identity).signer,
    );
    const conflict = importKeyCard(
      kit,
      store,
      { ...forged, card: { ...forged.card, previousSigningKey: berlinCard.card.signingKey } },
      T0 + DAY,
    );
    expect(conflict.ok).toBe(false);
  });

  it('carries a revocation as a bundle; afterwards the revoked key is refused', async () => {
    let { berlinStore } = await verifiedStores();
    const revocation = createRevocation(signingOffice(kit, paris.identity).signer, 'retired', T0 + DAY, 'Office moved');
    for (const recipients of [[], [berlinCard]]) {
      const bundle = opened(
        await receive(
          await send('revocation', { revocation }, paris.identity, recipients, 9),
          berlin.identity,
          berlinStore,
        ),
      );
      if (bundle.payload.kind !== 'revocation') throw new Error('kind');
      const applied = applyRevocation(kit, berlinStore, bundle.payload.body.revocation, T0 + DAY);
      if (!applied.ok) throw new Error(applied.error.message);
      expect(applied.value.store[parisCard.card.signingKey]?.state).toBe('revoked');
      if (recipients.length === 1) berlinStore = applied.value.store;
    }
    const after = await receive(
      await send(
        'decision',
        { caseRef: 'CB-1', outcome: 'rejected', case: {} },
        paris.identity,
        [berlinCard],
        10,
        T0 + DAY,
      ),
      berlin.identity,
      berlinStore,
    );
    expect(after.ok ? 'ok' : after.error.code).toBe('BUNDLE_SIGNER_REVOKED');
  });
});
