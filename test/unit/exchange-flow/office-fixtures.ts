import { buildBundle, type AttachmentInput } from '@shared/bundle/build-bundle';
import { verifyBundle, type OpenedBundle } from '@shared/bundle/verify-bundle';
import { memorySink, memorySource } from '@shared/bytes/byte-io';
import type { Case } from '@shared/domain/case';
import type { ImportLocalState, VerifiedImport } from '@shared/exchange/import-plan';
import { replayView, type LedgerEntry } from '@shared/exchange/ledger-entry';
import type { SignedKeyCard } from '@shared/offices/key-card';
import type { OfficeIdentity } from '@shared/offices/office-identity';
import { trustView, type TrustStore } from '@shared/offices/trust-store';
import type { WorkflowContext } from '@shared/workflow/workflow-types';
import { officeWithCard, withCard } from '../../support/office-cards';
import { alice, DAY, kit } from '../workflow/workflow-fixtures';
import { signingOffice } from '@shared/offices/signing-office';

/**
 * Offices that exchange real bundles in memory: each has its identity and key card, its trust store and its
 * exchange ledger, changed by these functions as the app's importer and exporter change them.
 */
export type Office = {
  identity: OfficeIdentity;
  card: SignedKeyCard;
  key: string;
  name: string;
  trust: TrustStore;
  ledger: LedgerEntry[];
};

export function makeOffice(name: string, jurisdiction: string, now: number): Office {
  const { identity, card } = officeWithCard(kit, name, jurisdiction, now);
  return { identity, card, key: card.card.signingKey, name, trust: {}, ledger: [] };
}

/** `self` imports `other`'s card; `verified` says whether a person then compared the fingerprint. */
export function trust(self: Office, other: Office, now: number, verified = true): void {
  self.trust = withCard(kit, self.trust, other.card, now, verified);
}

/** Both offices import and verify each other's card. */
export function trustEachOther(a: Office, b: Office, now: number): void {
  trust(a, b, now);
  trust(b, a, now);
}

/** A ledger entry about a bundle exchanged with `peer`, with the status the app gives it when it is recorded. */
export function ledgerEntry(
  direction: LedgerEntry['direction'],
  peer: Office,
  bundle: {
    readonly bundleId: string;
    readonly kind: LedgerEntry['kind'];
    readonly sequence: number;
    readonly headerDigest: string;
    readonly recordedAt: number;
    readonly caseId?: string | null;
    readonly caseRef?: string | null;
  },
): LedgerEntry {
  const sentStatus = bundle.kind === 'receipt' ? 'sent' : 'awaiting-receipt';
  return {
    id: crypto.randomUUID(),
    direction,
    bundleId: bundle.bundleId,
    kind: bundle.kind,
    peerKey: peer.key,
    peerName: peer.name,
    caseId: bundle.caseId ?? null,
    caseRef: bundle.caseRef ?? null,
    sequence: bundle.sequence,
    headerDigest: bundle.headerDigest,
    fileHash: null,
    fileName: null,
    size: 0,
    recordedAt: bundle.recordedAt,
    status: direction === 'sent' ? sentStatus : 'received',
    deliveredAt: null,
    shared: null,
  };
}

/**
 * A real bundle of `kind` from `from` to `to`, next in their sequence and valid for 30 days; recorded in the
 * sender's ledger (with the case it is about, if any). Returns the file's bytes.
 */
export async function send(
  from: Office,
  to: Office,
  kind: VerifiedImport['payload']['kind'],
  body: unknown,
  now: number,
  options: {
    readonly attachments?: readonly AttachmentInput[];
    readonly caseId?: string | null;
    readonly caseRef?: string | null;
  } = {},
): Promise<Uint8Array> {
  const sink = memorySink();
  const sequence = from.ledger.filter((e) => e.direction === 'sent' && e.peerKey === to.key).length + 1;
  const built = await buildBundle(
    kit,
    {
      kind,
      // The payload schemas check the body when the bundle is built; each test passes the body its kind needs.
      body: body as never,
      sender: signingOffice(kit, from.identity),
      recipients: [{ card: to.card, sequence }],
      attachments: options.attachments,
      createdAt: now,
      notAfter: now + 30 * DAY,
    },
    sink,
  );
  if (!built.ok) throw new Error(built.error.message);
  const { bundleId, headerDigest } = built.value;
  from.ledger.push(
    ledgerEntry('sent', to, {
      bundleId,
      kind,
      sequence,
      headerDigest,
      recordedAt: now,
      caseId: options.caseId,
      caseRef: options.caseRef,
    }),
  );
  return sink.bytes();
}

/** The verifier's answer for `bytes` at `self`, with `self`'s trust store and ledger. */
export function verifyAt(self: Office, bytes: Uint8Array, now: number) {
  return verifyBundle(kit, {
    source: memorySource(bytes),
    trust: trustView(self.trust),
    recipient: {
      signingPublicKey: self.identity.signingPublicKey,
      boxPrivateKeyPlaintext: self.identity.boxPrivateKeyPlaintext,
    },
    clock: () => now,
    ledger: replayView(self.ledger),
  });
}

/** `bytes` verified and opened at `self`; throws with the verifier's code if it is refused. */
export async function receive(self: Office, bytes: Uint8Array, now: number): Promise<OpenedBundle> {
  const verified = await verifyAt(self, bytes, now);
  if (!verified.ok) throw new Error(`${verified.error.code}: ${verified.error.message}`);
  if (!verified.value.opened) throw new Error('not opened');
  return verified.value;
}

/** The entry `self` records in its ledger for `bundle` from `sender`, once imported (about a case, if given). */
export function receivedEntry(
  sender: Office,
  bundle: OpenedBundle,
  recordedAt: number,
  about: { readonly caseId?: string | null; readonly caseRef?: string | null } = {},
): LedgerEntry {
  return ledgerEntry('received', sender, {
    bundleId: bundle.header.bundleId,
    kind: asImport(bundle, sender).payload.kind,
    sequence: bundle.sequence ?? 0,
    headerDigest: bundle.headerDigest,
    recordedAt,
    ...about,
  });
}

/** An opened case bundle as the importer hands it to `planImport`. */
export function asImport(bundle: OpenedBundle, sender: Office): VerifiedImport {
  const payload = bundle.payload;
  if (
    payload.kind === 'key-card' ||
    payload.kind === 'revocation' ||
    payload.kind === 'period-report' ||
    payload.kind === 'recommendation' ||
    payload.kind === 'recommendation-response'
  )
    throw new Error('not a case bundle');
  return {
    bundleId: bundle.header.bundleId,
    headerDigest: bundle.headerDigest,
    sequence: bundle.sequence ?? 0,
    senderKey: bundle.header.sender,
    senderName: sender.name,
    senderJurisdiction: sender.card.card.jurisdiction,
    createdAt: bundle.header.createdAt,
    attachments: bundle.attachments,
    payload,
  };
}

/** What `self` knows when it plans an import: its ledger, its `cases`, and `reference` for a case it opens. */
export function local(
  self: Office,
  context: WorkflowContext,
  cases: readonly Case[],
  reference = 'unused',
): ImportLocalState {
  return {
    actor: alice,
    context,
    ledger: self.ledger,
    findCase: (id) => cases.find((c) => c.id === id),
    ownJurisdiction: self.card.card.jurisdiction,
    newCaseId: `new-${reference}`,
    newReference: reference,
  };
}
