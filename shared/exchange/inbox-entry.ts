import type { CryptoKit } from '../crypto/crypto-kit';
import type { ByteSource } from '../bytes/byte-io';
import { fromHex } from '../bytes/bytes';
import { BundleError, toBundleErr, type BundleErrorCode } from '../bundle/bundle-error';
import type { BundleKind } from '../bundle/bundle-kinds';
import { DEFAULT_VERIFY_POLICY, type VerifyPolicy } from '../bundle/bundle-limits';
import { readBundleFrame, type BundleFrame } from '../bundle/read-bundle-frame';
import { checkItemHashes } from '../bundle/verify-bundle';
import { formatFingerprint, officeFingerprint } from '../offices/fingerprint';
import { revocationRefuses, type TrustView } from '../offices/trust-store';
import type { LedgerEntry } from './ledger-entry';

/** What a bundle file found on a drive is, before anything is imported. */
export const INBOX_STATES = [
  'new',
  'already-imported',
  'refused',
  'altered-copy',
  'ours',
  'unknown-sender',
  'expired',
  'not-for-us',
  'unreadable',
] as const;
export type InboxState = (typeof INBOX_STATES)[number];

export type InboxSender =
  | { readonly type: 'this-office' }
  | { readonly type: 'partner'; readonly name: string }
  | { readonly type: 'unknown'; readonly fingerprint: string };

/** Read from the signed header (and, for a bundle already in the ledger, the case reference recorded then). */
export type InboxBundleFacts = {
  readonly bundleId: string;
  readonly kind: BundleKind;
  readonly createdAt: number;
  readonly notAfter: number;
  readonly sender: InboxSender;
  /** Only known for a bundle already recorded (imported or sent); the reference itself is encrypted. */
  readonly caseRef: string | null;
};

/** Why a copy is flagged as altered: its signature, its signed hashes, or other bytes than the one recorded. */
export type AlteredBecause = 'signature-invalid' | 'hash-mismatch' | 'differs-from-recorded';
/** Why a sender is not trusted for import. */
export type SenderTrustProblem = 'not-in-list' | 'unverified' | 'revoked' | 'card-expired';

type FileFacts = { readonly fileName: string; readonly size: number };
type Described = FileFacts & { readonly bundle: InboxBundleFacts };

export type InboxEntry =
  | (FileFacts & { readonly state: 'unreadable'; readonly code: BundleErrorCode })
  | (Described & {
      readonly state: 'altered-copy';
      readonly because: AlteredBecause;
      /** The ledger entry with the same bundle id, if any: a bundle imported (received) or sent by us. */
      readonly recorded: 'received' | 'sent' | null;
    })
  | (Described & { readonly state: 'unknown-sender'; readonly problem: SenderTrustProblem })
  | (Described & { readonly state: 'new' | 'already-imported' | 'refused' | 'ours' | 'expired' | 'not-for-us' });

export type InboxContext = {
  /** This office's signing key (hex). */
  readonly ownSigningKey: string;
  /**
   * Keys a lost-laptop drill retired (hex): what they signed is still ours, and a bundle a partner addressed to one
   * before importing the rotation still opens (the old box key is kept for reading only).
   */
  readonly retiredSigningKeys?: readonly string[];
  readonly trust: TrustView;
  readonly ledger: readonly LedgerEntry[];
  readonly now: number;
  readonly policy?: VerifyPolicy;
  /**
   * 'header' reads only the frame (signature checked) and skips the signed item hashes: enough to count new
   * bundles for a badge, never to call a file intact (a copy altered after its header shows as its original).
   */
  readonly depth?: 'full' | 'header';
};

/**
 * Classifies one bundle file for the inbox without applying or storing anything and without any secret key:
 * the frame (steps 1–5 of docs/bundle-format.md, signature checked but not required), the signed item hashes
 * (step 8), then the ledger, our own key, the trust store, the recipients and the times. The import still runs
 * the full verification; this only tells a person what each file is before they pick one. Reads forward only.
 */
export async function classifyInboxEntry(
  kit: CryptoKit,
  untrustedSource: ByteSource,
  fileName: string,
  context: InboxContext,
): Promise<InboxEntry> {
  const file: FileFacts = { fileName, size: untrustedSource.size };
  let frame: BundleFrame;
  try {
    frame = await readBundleFrame(kit, untrustedSource, false);
  } catch (caught) {
    return { ...file, state: 'unreadable', code: toBundleErr(caught).error.code };
  }
  const integrity: Integrity =
    context.depth === 'header'
      ? frame.signatureValid
        ? { kind: 'intact' }
        : { kind: 'altered', because: 'signature-invalid' }
      : await checkIntegrity(kit, untrustedSource, frame);
  if (integrity.kind === 'unreadable') return { ...file, state: 'unreadable', code: integrity.code };
  const { header } = frame;
  const recorded = context.ledger.filter((entry) => entry.bundleId === header.bundleId);
  const same =
    integrity.kind === 'intact' ? recorded.find((entry) => entry.headerDigest === frame.headerDigest) : undefined;
  const facts = (caseRef: string | null): Described => ({
    ...file,
    bundle: {
      bundleId: header.bundleId,
      kind: header.kind,
      createdAt: header.createdAt,
      notAfter: header.notAfter,
      sender: senderOf(kit, header.sender, context),
      caseRef,
    },
  });
  if (same) return { ...facts(same.caseRef), state: recordedState(same) };
  // Same id, other bytes: never "already imported, safe to remove" — someone changed a copy.
  const first = recorded[0];
  if (first || integrity.kind === 'altered') {
    return {
      ...facts(null),
      state: 'altered-copy',
      because: integrity.kind === 'altered' ? integrity.because : 'differs-from-recorded',
      recorded: first?.direction ?? null,
    };
  }
  const described = facts(null);
  if (isOurKey(header.sender, context)) return { ...described, state: 'ours' };
  const policy = context.policy ?? DEFAULT_VERIFY_POLICY;
  const office = context.trust.lookup(header.sender);
  const problem: SenderTrustProblem | null = !office
    ? 'not-in-list'
    : revocationRefuses(office, header)
      ? 'revoked'
      : office.state === 'unverified' && header.kind !== 'revocation'
        ? 'unverified'
        : context.now > office.card.card.validUntil + policy.clockSkewMs && header.kind !== 'revocation'
          ? 'card-expired'
          : null;
  if (problem) return { ...described, state: 'unknown-sender', problem };
  const isPublic = header.recipients.length === 0;
  if (!isPublic && !header.recipients.some((entry) => isOurKey(entry.signingKey, context)))
    return { ...described, state: 'not-for-us' };
  if (context.now > header.notAfter + policy.clockSkewMs) return { ...described, state: 'expired' };
  return { ...described, state: 'new' };
}

/** An identical copy of a bundle in the ledger: ours, imported, or verified and refused with a receipt. */
function recordedState(entry: LedgerEntry): 'ours' | 'already-imported' | 'refused' {
  if (entry.direction === 'sent') return 'ours';
  return entry.status === 'refused' ? 'refused' : 'already-imported';
}

type Integrity =
  | { readonly kind: 'intact' }
  | { readonly kind: 'altered'; readonly because: AlteredBecause }
  | { readonly kind: 'unreadable'; readonly code: BundleErrorCode };

async function checkIntegrity(kit: CryptoKit, source: ByteSource, frame: BundleFrame): Promise<Integrity> {
  if (!frame.signatureValid) return { kind: 'altered', because: 'signature-invalid' };
  try {
    await checkItemHashes(kit, source, frame);
    return { kind: 'intact' };
  } catch (caught) {
    if (caught instanceof BundleError && caught.code === 'BUNDLE_ITEM_HASH_MISMATCH')
      return { kind: 'altered', because: 'hash-mismatch' };
    return { kind: 'unreadable', code: toBundleErr(caught).error.code };
  }
}

/** Our current key, or one of ours a drill retired. */
const isOurKey = (key: string, context: InboxContext): boolean =>
  key === context.ownSigningKey || (context.retiredSigningKeys ?? []).includes(key);

function senderOf(kit: CryptoKit, senderKey: string, context: InboxContext): InboxSender {
  if (isOurKey(senderKey, context)) return { type: 'this-office' };
  const office = context.trust.lookup(senderKey);
  if (office) return { type: 'partner', name: office.card.card.name };
  const key = fromHex(senderKey, 32) ?? new Uint8Array(32);
  return { type: 'unknown', fingerprint: formatFingerprint(officeFingerprint(kit, key)) };
}
