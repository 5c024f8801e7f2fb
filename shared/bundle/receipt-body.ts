import type { BundleErrorCode } from './bundle-error';
import type { BundleHeader } from './bundle-header';
import type { PayloadBody } from './bundle-payloads';

/**
 * The body of the receipt an importer sends back for a bundle it received. `headerDigest` (from the
 * verifier) identifies exactly which bundle is acknowledged; a refusal carries the stable error code.
 */
export function receiptBodyFor(
  header: Pick<BundleHeader, 'bundleId' | 'kind'>,
  headerDigest: string,
  receivedAt: number,
  outcome: { status: 'imported' | 'already-imported' } | { status: 'refused'; code: BundleErrorCode },
): PayloadBody<'receipt'> {
  return {
    receivedBundleId: header.bundleId,
    receivedKind: header.kind,
    receivedAt,
    headerDigest,
    status: outcome.status,
    refusalCode: outcome.status === 'refused' ? outcome.code : undefined,
  };
}
