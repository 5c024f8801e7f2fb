import type { CryptoKit } from '../crypto/crypto-kit';
import { fromHex, toHex } from '../bytes/bytes';
import { canonicalJsonBytes } from '../json/canonical-json';
import { verifyDomain } from '../bundle/signing-domains';
import type { EventSigner, PersonKey } from '../audit/event-signature';

/**
 * One change to a person's access — added, a role granted or revoked, access reset or removed — signed by the
 * administrator who made it (domain `casebridge/v1/person-change`), so a grant cannot be added to the record later
 * by someone who merely holds the vault key.
 */
export type PersonChange = {
  readonly personId: string;
  readonly at: string;
  readonly by: string;
  readonly change: string;
  readonly role: string | null;
};

/** The bytes signed: the change as canonical JSON, with its own format name. */
export const personChangeBytes = (change: PersonChange): Uint8Array =>
  canonicalJsonBytes({ format: 'casebridge.person-change', version: 1, ...change });

export function signPersonChange(kit: CryptoKit, signer: EventSigner, change: PersonChange): string {
  return toHex(signer.signPersonChange(kit.hash(personChangeBytes(change), 32)));
}

export type PersonChangeVerdict = 'signed' | 'before-personal-signing' | 'forged';

/**
 * Whether `by` signed this change. An unsigned change is accepted only from before personal signing began (and for
 * the "upgrade" that made the first person); anything else unsigned, or signed by someone else, is forged.
 */
export function verifyPersonChange(
  kit: CryptoKit,
  change: PersonChange,
  signature: string | undefined,
  keys: readonly PersonKey[],
  since: string | null,
): PersonChangeVerdict {
  if (signature === undefined)
    return change.by === 'upgrade' || since === null || change.at < since ? 'before-personal-signing' : 'forged';
  const signatureBytes = fromHex(signature, 64);
  const digest = kit.hash(personChangeBytes(change), 32);
  const valid = keys.some((key) => {
    const publicKey = fromHex(key.publicKeyHex, 32);
    return (
      key.personId === change.by &&
      (key.revokedAt === null || change.at <= key.revokedAt) &&
      signatureBytes !== undefined &&
      publicKey !== undefined &&
      verifyDomain(kit, 'personChange', signatureBytes, publicKey, digest)
    );
  });
  return valid ? 'signed' : 'forged';
}
