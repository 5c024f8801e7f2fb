import { z } from 'zod';
import type { CryptoKit } from '../crypto/crypto-kit';
import { fromHex, toHex } from '../bytes/bytes';
import { canonicalJsonBytes } from '../json/canonical-json';
import { hexBytes, textChars } from '../bundle/json-schemas';
import { verifyDomain } from '../bundle/signing-domains';
import type { DomainSigner } from '../offices/office-signer';
import type { PersonKey } from '../audit/event-signature';

/**
 * The office vouches for a person's signing key: "this key is <name>'s, from <validFrom>" — and, once their access
 * is removed or the key replaced, "until <revokedAt>". Signed with the office's key, so anyone who trusts the
 * office's key card (an oversight body) can tell who signed each audit event. A later certificate for the same key
 * (a new name, a revocation) supersedes an earlier one; the verifier keeps the one with the latest `issuedAt`.
 */
export const PERSON_CERTIFICATE_FORMAT = 'casebridge.person-certificate';

export const personCertificateBodySchema = z.strictObject({
  format: z.literal(PERSON_CERTIFICATE_FORMAT),
  version: z.literal(1),
  /** The office key that signs this certificate. */
  officeKey: hexBytes(32),
  personId: z.uuid(),
  /**
   * 1–80 characters (code points, as every limit of the formats), with no whitespace at either end: a name is
   * refused as written, never trimmed before its signature is checked.
   */
  name: textChars(1, 80, z.string().regex(/^\S(?:[\s\S]*\S)?$/u)),
  signingKey: hexBytes(32),
  validFrom: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  issuedAt: z.iso.datetime(),
});
export type PersonCertificateBody = z.infer<typeof personCertificateBodySchema>;

export const signedPersonCertificateSchema = z.strictObject({
  body: personCertificateBodySchema,
  signature: hexBytes(64),
});
export type SignedPersonCertificate = z.infer<typeof signedPersonCertificateSchema>;

export type CertifiedFacts = Pick<
  PersonCertificateBody,
  'personId' | 'name' | 'signingKey' | 'validFrom' | 'revokedAt'
>;

/** Signed through `office`, which holds the office key: the certificate code never sees the private key. */
export function issuePersonCertificate(
  office: DomainSigner,
  facts: CertifiedFacts,
  issuedAt: string,
): SignedPersonCertificate {
  const body = personCertificateBodySchema.parse({
    format: PERSON_CERTIFICATE_FORMAT,
    version: 1,
    officeKey: toHex(office.publicKey),
    ...facts,
    name: facts.name.trim().normalize('NFC'),
    issuedAt,
  });
  return {
    body,
    signature: toHex(office.sign('personCertificate', canonicalJsonBytes(body))),
  };
}

/** Whether a stored certificate still says what the office knows now (name, start, revocation). */
export function certifiesFacts(certificate: SignedPersonCertificate, facts: CertifiedFacts): boolean {
  const body = certificate.body;
  return (
    body.personId === facts.personId &&
    body.name === facts.name.trim().normalize('NFC') &&
    body.signingKey === facts.signingKey &&
    body.validFrom === facts.validFrom &&
    body.revokedAt === facts.revokedAt
  );
}

export type CertificateProblem = { readonly index: number; readonly message: string };

/**
 * The person keys a set of certificates vouches for, each checked against the office key the reader trusts. A
 * certificate that is malformed, from another office or wrongly signed is a problem, never silently skipped.
 */
export function personKeysFromCertificates(
  kit: CryptoKit,
  untrusted: readonly unknown[],
  officeKeyHex: string,
): { keys: PersonKey[]; problems: CertificateProblem[] } {
  const latest = new Map<string, PersonCertificateBody>();
  const problems: CertificateProblem[] = [];
  untrusted.forEach((candidate, index) => {
    const parsed = signedPersonCertificateSchema.safeParse(candidate);
    if (!parsed.success) {
      problems.push({ index, message: `Person certificate ${index + 1} is malformed.` });
      return;
    }
    const { body, signature } = parsed.data;
    const officeKey = fromHex(officeKeyHex, 32);
    const signatureBytes = fromHex(signature, 64);
    if (
      body.officeKey !== officeKeyHex ||
      officeKey === undefined ||
      signatureBytes === undefined ||
      !verifyDomain(kit, 'personCertificate', signatureBytes, officeKey, canonicalJsonBytes(body))
    ) {
      problems.push({
        index,
        message: `Person certificate ${index + 1} (${body.name}) is not signed by this office's key.`,
      });
      return;
    }
    const seen = latest.get(body.signingKey);
    if (seen && seen.personId !== body.personId) {
      problems.push({ index, message: `Person certificate ${index + 1} gives one key to two people.` });
      return;
    }
    if (!seen || body.issuedAt > seen.issuedAt) latest.set(body.signingKey, body);
  });
  const keys = [...latest.values()].map((body) => ({
    personId: body.personId,
    name: body.name,
    publicKeyHex: body.signingKey,
    validFrom: body.validFrom,
    revokedAt: body.revokedAt,
  }));
  return { keys, problems };
}
