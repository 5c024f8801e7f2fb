import type { CryptoKit } from '../crypto/crypto-kit';
import type { Result } from '../result';
import { buildBundle } from './build-bundle';
import type { BuiltBundle, BundleSender } from './build-bundle';
import { DEFAULT_VERIFY_POLICY } from './bundle-limits';
import type { BundleErrorCode } from './bundle-error';
import type { PayloadBody } from './bundle-payloads';
import type { RandomAccessSink } from '../bytes/byte-io';

/** The kinds any office may read: no recipients, the content key in the header. */
export type PublicBundleKind = 'key-card' | 'revocation';

/** Builds a public bundle signed by `sender`, valid as long as the default policy allows. */
export function buildPublicBundle<K extends PublicBundleKind>(
  kit: CryptoKit,
  kind: K,
  body: PayloadBody<K>,
  sender: BundleSender,
  now: number,
  sink: RandomAccessSink,
): Promise<Result<BuiltBundle, BundleErrorCode>> {
  return buildBundle(
    kit,
    { kind, body, sender, recipients: [], createdAt: now, notAfter: now + DEFAULT_VERIFY_POLICY.maxValidityMs },
    sink,
  );
}
