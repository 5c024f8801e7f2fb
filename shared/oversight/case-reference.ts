import type { CryptoKit } from '../crypto/crypto-kit';
import { toHex } from '../bytes/bytes';
import { canonicalJsonBytes } from '../json/canonical-json';

/**
 * How an oversight body names a case: a digest of the office's signing key and the case id, never the office's
 * reference, a title or a person. The office can work out the same reference for each of its cases and so find the
 * case a finding or recommendation means; nobody else can tell which case it is, or link it to another office's.
 */
export function pseudonymousCaseRef(kit: CryptoKit, officeSigningKeyHex: string, caseId: string): string {
  const digest = kit.hash(
    canonicalJsonBytes({ format: 'casebridge.oversight-case-ref', version: 1, office: officeSigningKeyHex, caseId }),
    32,
  );
  // 64 bits: no two cases of one office share a reference in practice, and it stays short enough to read out.
  return `case-${toHex(digest.slice(0, 8))}`;
}
