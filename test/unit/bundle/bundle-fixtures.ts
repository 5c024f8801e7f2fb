import { cryptoKit, type CryptoKit } from '../../../shared/crypto/crypto-kit';
import { buildBundle, type AttachmentInput, type BuildBundleInput } from '../../../shared/bundle/build-bundle';
import type { BundleKind } from '../../../shared/bundle/bundle-kinds';
import type { PayloadBody } from '../../../shared/bundle/bundle-payloads';
import { memorySink, memorySource } from '../../../shared/bytes/byte-io';
import { verifyBundle, type ReplayLedgerView, type VerifyBundleInput } from '../../../shared/bundle/verify-bundle';
import { createKeyCard, type SignedKeyCard } from '../../../shared/offices/key-card';
import { generateOfficeIdentity, type OfficeIdentity } from '../../../shared/offices/office-identity';
import {
  importKeyCard,
  markVerified,
  fingerprintOf,
  trustView,
  type TrustStore,
} from '../../../shared/offices/trust-store';
import { formatFingerprint } from '../../../shared/offices/fingerprint';
import { signingOffice } from '../../../shared/offices/signing-office';

export const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
export const DAY = 86_400_000;

export type TestOffice = { identity: OfficeIdentity; card: SignedKeyCard; name: string };

/** Deterministic 32-byte seed: offices in tests have fixed keys. */
export function seed(label: number): Uint8Array {
  return new Uint8Array(32).fill(label);
}

export function makeOffice(kit: CryptoKit, label: number, name: string, jurisdiction: string): TestOffice {
  const identity = generateOfficeIdentity(kit, { signing: seed(label), box: seed(label + 100) });
  const card = createKeyCard(
    signingOffice(kit, identity),
    { name, jurisdiction },
    { validFrom: T0 - 30 * DAY, validUntil: T0 + 365 * DAY },
  );
  return { identity, card, name };
}

/** A store where each given office is imported, and verified unless listed in `unverified`. */
export function storeWith(kit: CryptoKit, offices: TestOffice[], unverified: TestOffice[] = []): TrustStore {
  let store: TrustStore = {};
  for (const office of offices) {
    const imported = importKeyCard(kit, store, office.card, T0 - DAY);
    if (!imported.ok) throw new Error(imported.error.message);
    store = imported.value.store;
    if (!unverified.includes(office)) {
      const verified = markVerified(
        kit,
        store,
        office.card.card.signingKey,
        formatFingerprint(fingerprintOf(kit, office.card)),
        T0 - DAY,
      );
      if (!verified.ok) throw new Error(verified.error.message);
      store = verified.value;
    }
  }
  return store;
}

export const emptyLedger: ReplayLedgerView = { hasSeen: () => false, lastSequence: () => undefined };

export function ledgerOf(seen: [string, string][], last: Record<string, number>): ReplayLedgerView {
  return {
    hasSeen: (sender, id) => seen.some(([s, i]) => s === sender && i === id),
    lastSequence: (sender) => last[sender],
  };
}

export async function world() {
  const kit = await cryptoKit();
  const alice = makeOffice(kit, 1, 'Office Berlin', 'DE');
  const bob = makeOffice(kit, 2, 'Office Paris', 'FR');
  const carol = makeOffice(kit, 3, 'Office Madrid', 'ES');
  const mallory = makeOffice(kit, 4, 'Office Elsewhere', 'IT');

  async function build<K extends BundleKind>(
    kind: K,
    body: PayloadBody<K>,
    from: TestOffice,
    to: TestOffice[],
    options: Partial<Omit<BuildBundleInput<K>, 'kind' | 'body' | 'sender' | 'recipients'>> & { sequence?: number } = {},
  ): Promise<Uint8Array> {
    const sink = memorySink();
    const built = await buildBundle(
      kit,
      {
        kind,
        body,
        sender: signingOffice(kit, from.identity),
        recipients: to.map((office) => ({ card: office.card, sequence: options.sequence ?? 1 })),
        createdAt: T0,
        notAfter: T0 + 7 * DAY,
        ...options,
      },
      sink,
    );
    if (!built.ok) throw new Error(built.error.message);
    return sink.bytes();
  }

  /** Verifies as `as` (keys and a trust store where alice, bob, carol and mallory are all verified unless overridden). */
  function open(bytes: Uint8Array, as: TestOffice | null, overrides: Partial<VerifyBundleInput> = {}) {
    return verifyBundle(kit, {
      source: memorySource(bytes),
      trust: trustView(storeWith(kit, [alice, bob, carol, mallory])),
      recipient: as
        ? { signingPublicKey: as.identity.signingPublicKey, boxPrivateKeyPlaintext: as.identity.boxPrivateKeyPlaintext }
        : null,
      clock: () => T0 + DAY,
      ledger: emptyLedger,
      ...overrides,
    });
  }

  return { kit, alice, bob, carol, mallory, build, open };
}

export const requestBody: PayloadBody<'request'> = {
  caseRef: 'CB-2026-0001',
  case: { title: 'Takedown of a journalist’s post', platform: 'Example Social', categories: ['speech'], count: 3 },
  message: 'Please review the attached notice.',
};

export function bytesAttachment(name: string, data: Uint8Array, pieces = 3): AttachmentInput {
  const step = Math.max(1, Math.ceil(data.length / pieces));
  const parts: Uint8Array[] = [];
  for (let offset = 0; offset < data.length; offset += step) parts.push(data.subarray(offset, offset + step));
  return { name, mediaType: 'application/octet-stream', size: data.length, bytes: parts };
}
