import { z } from 'zod';
import type { CryptoKit } from '../crypto/crypto-kit';
import { fromHex, toHex } from '../bytes/bytes';
import { canonicalJsonBytes } from '../json/canonical-json';
import { hexBytes, textChars, timestampMs } from '../bundle/json-schemas';
import { verifyDomain } from '../bundle/signing-domains';
import type { DomainSigner } from './office-signer';

export const REVOCATION_REASONS = ['retired', 'superseded', 'compromised'] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

export const revocationStatementSchema = z.strictObject({
  version: z.literal(1),
  /** The key being retired. */
  signingKey: hexBytes(32),
  reason: z.enum(REVOCATION_REASONS),
  revokedAt: timestampMs,
  note: textChars(0, 500).optional(),
});

/** A revocation is signed by the key it revokes: only its holder (or whoever stole it) can retire it. */
export const signedRevocationSchema = z.strictObject({
  statement: revocationStatementSchema,
  signature: hexBytes(64),
});

export type RevocationStatement = z.infer<typeof revocationStatementSchema>;
export type SignedRevocation = z.infer<typeof signedRevocationSchema>;

/** Signs the revocation of `signer`'s own key; a wiped signer throws OfficeKeyWipedError. */
export function createRevocation(
  signer: DomainSigner,
  reason: RevocationReason,
  revokedAt: number,
  note?: string,
): SignedRevocation {
  const statement: RevocationStatement = {
    version: 1,
    signingKey: toHex(signer.publicKey),
    reason,
    revokedAt,
    note: note?.normalize('NFC'),
  };
  return {
    statement,
    signature: toHex(signer.sign('revocation', canonicalJsonBytes(statement))),
  };
}

export function verifyRevocation(kit: CryptoKit, revocation: SignedRevocation): boolean {
  const key = fromHex(revocation.statement.signingKey, 32);
  const signature = fromHex(revocation.signature, 64);
  return (
    !!key && !!signature && verifyDomain(kit, 'revocation', signature, key, canonicalJsonBytes(revocation.statement))
  );
}
