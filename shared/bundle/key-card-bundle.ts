import type { CryptoKit } from '../crypto/crypto-kit';
import { ok, type Ok, type Result } from '../result';
import type { SignedKeyCard } from '../offices/key-card';
import { trustView } from '../offices/trust-store';
import type { BuiltBundle, BundleSender } from './build-bundle';
import { buildPublicBundle } from './public-bundle';
import { bundleError, toBundleErr, type BundleErr, type BundleErrorCode } from './bundle-error';
import type { ByteSource, RandomAccessSink } from '../bytes/byte-io';
import { readBundleFrame } from './read-bundle-frame';
import { verifyBundle } from './verify-bundle';

/** Writes this office's key card as a public key-card bundle (what Settings → "Export key card" saves). */
export function exportKeyCardBundle(
  kit: CryptoKit,
  sender: BundleSender,
  card: SignedKeyCard,
  now: number,
  sink: RandomAccessSink,
): Promise<Result<BuiltBundle, BundleErrorCode>> {
  return buildPublicBundle(kit, 'key-card', { card }, sender, now, sink);
}

/**
 * Reads a key-card bundle and returns the verified card, ready for importKeyCard. A key card is an identity
 * document rather than a message, so the bundle is checked as of its own creation time (an old card file
 * still reads); whether the card itself is current is the trust store's decision.
 */
export async function readKeyCardBundle(kit: CryptoKit, source: ByteSource): Promise<Ok<SignedKeyCard> | BundleErr> {
  let header;
  try {
    header = (await readBundleFrame(kit, source)).header;
  } catch (caught) {
    return toBundleErr(caught);
  }
  const notACard = (kind: string) =>
    toBundleErr(
      bundleError(
        'BUNDLE_PAYLOAD_INVALID',
        `This file is a ${kind} bundle, not a key card. Ask the office for its key-card file.`,
        { situation: 'notAKeyCard' },
      ),
    );
  if (header.kind !== 'key-card') return notACard(header.kind);
  const { createdAt } = header;
  const result = await verifyBundle(kit, {
    source,
    trust: trustView({}),
    recipient: null,
    clock: () => createdAt,
    ledger: null,
  });
  if (!result.ok) return result;
  if (!result.value.opened || result.value.payload.kind !== 'key-card') return notACard(result.value.header.kind);
  return ok(result.value.payload.body.card);
}
