import type { CryptoKit } from '../crypto/crypto-kit';
import { concatBytes, utf8 } from '../bytes/bytes';

/**
 * Every Ed25519 signature in Casebridge signs BLAKE2b-512(domain ‖ 0x00 ‖ message), with a distinct domain
 * per purpose, so a signature made for one purpose can never be presented as another.
 */
export const SIGNING_DOMAINS = {
  bundleHeader: 'casebridge/v1/bundle-header',
  bundlePayload: 'casebridge/v1/bundle-payload',
  keyCard: 'casebridge/v1/key-card',
  keyRotation: 'casebridge/v1/key-rotation',
  revocation: 'casebridge/v1/revocation',
  oversightAudit: 'casebridge/v1/oversight-audit-export',
  auditEvent: 'casebridge/v1/audit-event',
  personCertificate: 'casebridge/v1/person-certificate',
  personChange: 'casebridge/v1/person-change',
} as const;

export type SigningDomain = keyof typeof SIGNING_DOMAINS;

export function signingDigest(kit: CryptoKit, domain: SigningDomain, ...parts: Uint8Array[]): Uint8Array {
  const hasher = kit.createHasher(64);
  hasher.update(concatBytes(utf8(SIGNING_DOMAINS[domain]), new Uint8Array([0])));
  for (const part of parts) hasher.update(part);
  return hasher.digest();
}

export function signDomain(
  kit: CryptoKit,
  domain: SigningDomain,
  signingPrivateKey: Uint8Array,
  ...parts: Uint8Array[]
): Uint8Array {
  return kit.sign(signingDigest(kit, domain, ...parts), signingPrivateKey);
}

export function verifyDomain(
  kit: CryptoKit,
  domain: SigningDomain,
  signature: Uint8Array,
  signingPublicKey: Uint8Array,
  ...parts: Uint8Array[]
): boolean {
  return kit.verify(signature, signingDigest(kit, domain, ...parts), signingPublicKey);
}
