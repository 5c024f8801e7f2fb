import type { PayloadBody } from '../bundle/bundle-payloads';
import type { CaseBundleKind } from './exchange-policy';
import type { ImportRefusalCode } from './import-plan';
import type { LedgerEntry } from './ledger-entry';

/**
 * The import refusals a receipt may answer: the bundle verified (signature, trusted sender, addressed to us, not a
 * replay), so we know whom we answer, but its content cannot be applied here. A bundle that failed verification
 * never gets a receipt: we could not trust who would receive the answer.
 */
export const RECEIPT_REFUSAL_CODES = [
  'IMPORT_NO_MATCHING_CASE',
  'IMPORT_CONTENT_INVALID',
  'IMPORT_WORKFLOW_REFUSED',
] as const satisfies readonly ImportRefusalCode[];
export type ReceiptRefusalCode = (typeof RECEIPT_REFUSAL_CODES)[number];

export function isReceiptRefusalCode(code: string): code is ReceiptRefusalCode {
  return (RECEIPT_REFUSAL_CODES as readonly string[]).includes(code);
}

/** A verified bundle the import plan refused: what a refusal receipt and its ledger entry need, none of its content. */
export type RefusableBundle = {
  readonly bundleId: string;
  /** A case bundle: a receipt is not itself answered. */
  readonly kind: CaseBundleKind;
  readonly headerDigest: string;
  readonly sequence: number;
  readonly senderKey: string;
  readonly senderName: string;
  readonly fileName: string;
  readonly size: number;
  readonly code: ReceiptRefusalCode;
};

/** The signed answer: this bundle (by id and header digest) reached us and was refused, with the stable code. */
export function refusalReceiptBody(bundle: RefusableBundle, receivedAt: number): PayloadBody<'receipt'> {
  return {
    receivedBundleId: bundle.bundleId,
    receivedKind: bundle.kind,
    receivedAt,
    headerDigest: bundle.headerDigest,
    status: 'refused',
    refusalCode: bundle.code,
  };
}

/**
 * The received entry for a refused bundle: it keeps the replay and sequence checks and tells the inbox it was
 * refused, and it holds nothing of the bundle's case (no case, no reference, no fields). `id` is random (see
 * `LedgerBundleRef`).
 */
export function refusedReceivedEntry(bundle: RefusableBundle, recordedAt: number, id: string): LedgerEntry {
  return {
    id,
    direction: 'received',
    bundleId: bundle.bundleId,
    kind: bundle.kind,
    peerKey: bundle.senderKey,
    peerName: bundle.senderName,
    caseId: null,
    caseRef: null,
    sequence: bundle.sequence,
    headerDigest: bundle.headerDigest,
    fileHash: null,
    fileName: bundle.fileName,
    size: bundle.size,
    recordedAt,
    status: 'refused',
    deliveredAt: null,
    refusalCode: bundle.code,
    shared: null,
  };
}
