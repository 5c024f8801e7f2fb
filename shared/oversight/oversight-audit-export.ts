import { z } from 'zod';
import type { CryptoKit } from '../crypto/crypto-kit';
import {
  auditEventSchema,
  personalSigningSince,
  verifyAuditChain,
  type AuditEvent,
  type AuditHead,
  type EventSignatureVerdict,
  type PersonKey,
} from '../audit';
import { partnerPersonIdEvents } from '../audit/partner-person-ids';
import {
  personKeysFromCertificates,
  signedPersonCertificateSchema,
  type SignedPersonCertificate,
} from '../people/person-certificate';
import { fromHex, toHex } from '../bytes/bytes';
import { canonicalJsonBytes, parseCanonicalJson } from '../json/canonical-json';
import { verifyDomain } from '../bundle/signing-domains';
import type { DomainSigner } from '../offices/office-signer';
import { formatFingerprint, officeFingerprint } from '../offices/fingerprint';
import { err, ok, type Result } from '../result';

/**
 * The audit trails an oversight body asks for, as one signed file: every case with an event in the period (or
 * the cases chosen), each with its complete hash chain and the office's own verification result. Events carry
 * ids, codes and dates only, so the file identifies no data subject. Version 2 adds the office's person
 * certificates: staff names and signing keys, so the body can check that each event was signed by the staff
 * member it names. The office signs the canonical JSON with its Ed25519 key (domain-separated), so the body can
 * check who produced it and that nothing was changed since.
 */
export const OVERSIGHT_EXPORT_FORMAT = 'casebridge.oversight-audit-export';

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

const chainSchema = z.strictObject({
  caseId: z.string().min(1),
  /** Events of this chain that fall inside the scope's period (all of them for a choice of cases). */
  eventsInScope: z.number().int().nonnegative(),
  head: z.strictObject({ count: z.number().int().nonnegative(), headHash: hex(32) }),
  verification: z.union([
    z.strictObject({ ok: z.literal(true) }),
    z.strictObject({
      ok: z.literal(false),
      eventIndex: z.number().int().nonnegative(),
      reason: z.string(),
      message: z.string(),
    }),
  ]),
  events: z.array(auditEventSchema),
  /**
   * The events (by sequence number) that name a person by a partner office's id: recorded before imports replaced
   * such ids with local pseudonyms, kept as signed because rewriting them would break the chain. Absent when none.
   */
  partnerPersonIds: z.array(z.number().int().nonnegative()).min(1).optional(),
});

export const OVERSIGHT_EXPORT_VERSION = 2;

export const oversightExportBodySchema = z.strictObject({
  format: z.literal(OVERSIGHT_EXPORT_FORMAT),
  version: z.literal(OVERSIGHT_EXPORT_VERSION),
  office: z.strictObject({ name: z.string().min(1), jurisdiction: z.string().min(2), signingKey: hex(32) }),
  scope: z.union([
    z.strictObject({ kind: z.literal('period'), from: z.iso.datetime(), to: z.iso.datetime() }),
    z.strictObject({ kind: z.literal('cases'), caseIds: z.array(z.string().min(1)).min(1) }),
  ]),
  generatedAt: z.iso.datetime(),
  /** The office's certificate for every signing key its staff have had (current, replaced and revoked). */
  people: z.array(signedPersonCertificateSchema),
  chains: z.array(chainSchema),
});
export type OversightExportBody = z.infer<typeof oversightExportBodySchema>;

const signedSchema = z.strictObject({ body: oversightExportBodySchema, signature: hex(64) });

export type CaseTrail = { readonly caseId: string; readonly head: AuditHead; readonly events: readonly AuditEvent[] };

export type OversightExportInput = {
  /** The signing key named in the file is the signer's own, so the two can never disagree. */
  readonly office: { readonly name: string; readonly jurisdiction: string };
  readonly scope: OversightExportBody['scope'];
  readonly trails: readonly CaseTrail[];
  readonly certificates: readonly SignedPersonCertificate[];
  readonly now: string;
};

/**
 * Builds and signs the export through `signer` (it never receives the office's private key). Trails with no event in
 * the period are left out; broken chains are kept and flagged. Throws OfficeKeyWipedError if the key was wiped.
 */
export function createOversightExport(kit: CryptoKit, input: OversightExportInput, signer: DomainSigner): Uint8Array {
  const hash = (bytes: Uint8Array) => kit.hash(bytes, 32);
  const { keys } = personKeysFromCertificates(kit, input.certificates, toHex(signer.publicKey));
  const signatures = { kit, keys, since: personalSigningSince(keys) };
  const inScope = (event: AuditEvent) =>
    input.scope.kind === 'cases' || (event.at >= input.scope.from && event.at < input.scope.to);
  const chains = input.trails
    .filter((trail) =>
      input.scope.kind === 'cases' ? input.scope.caseIds.includes(trail.caseId) : trail.events.some(inScope),
    )
    .sort((a, b) => a.caseId.localeCompare(b.caseId))
    .map((trail) => {
      const verdict = verifyAuditChain(trail.events, hash, { caseId: trail.caseId, head: trail.head }, signatures);
      const partnerPersonIds = partnerPersonIdEvents(trail.events);
      return {
        caseId: trail.caseId,
        eventsInScope: trail.events.filter(inScope).length,
        head: trail.head,
        verification: verdict.ok
          ? { ok: true as const }
          : { ok: false as const, eventIndex: verdict.index, reason: verdict.reason, message: verdict.message },
        events: [...trail.events],
        ...(partnerPersonIds.length > 0 && { partnerPersonIds }),
      };
    });
  const body: OversightExportBody = oversightExportBodySchema.parse({
    format: OVERSIGHT_EXPORT_FORMAT,
    version: OVERSIGHT_EXPORT_VERSION,
    office: {
      name: input.office.name,
      jurisdiction: input.office.jurisdiction,
      signingKey: toHex(signer.publicKey),
    },
    scope: input.scope,
    generatedAt: input.now,
    people: [...input.certificates],
    chains,
  });
  const signature = signer.sign('oversightAudit', canonicalJsonBytes(body));
  return canonicalJsonBytes({ body, signature: toHex(signature) });
}

export type OversightVerifyError =
  | 'OVERSIGHT_MALFORMED'
  | 'OVERSIGHT_SIGNER_UNTRUSTED'
  | 'OVERSIGHT_SIGNATURE_INVALID'
  | 'OVERSIGHT_CERTIFICATE_INVALID'
  | 'OVERSIGHT_CHAIN_BROKEN';

export type OversightVerification = {
  readonly body: OversightExportBody;
  readonly fingerprint: string;
  /** Re-verified here from the events, not taken from the file's own claim. */
  readonly brokenChains: readonly { readonly caseId: string; readonly message: string }[];
  /** Who signed the events of each chain that verifies, as the certificates name them. */
  readonly signers: readonly { readonly caseId: string; readonly verdicts: readonly EventSignatureVerdict[] }[];
  /** The staff keys the office certified, checked against its key. */
  readonly people: readonly PersonKey[];
  /** Events kept as signed that name a person by a partner office's id, found here from the events themselves. */
  readonly partnerPersonIds: readonly { readonly caseId: string; readonly seqs: readonly number[] }[];
};

/**
 * Checks an export against the signing keys the reader trusts (from verified key cards): canonical form,
 * signature, then every chain again from its events. A chain the office itself flagged as broken is reported,
 * not hidden; one the file claims is fine but is not fails the whole file.
 */
export function verifyOversightExport(
  kit: CryptoKit,
  untrustedBytes: Uint8Array,
  trustedSigningKeysHex: readonly string[],
): Result<OversightVerification, OversightVerifyError> {
  let untrusted: unknown;
  try {
    untrusted = parseCanonicalJson(untrustedBytes);
  } catch {
    return err(
      'OVERSIGHT_MALFORMED',
      'This is not a Casebridge oversight audit export (or it was altered: it is not in canonical form).',
    );
  }
  const parsed = signedSchema.safeParse(untrusted);
  if (!parsed.success)
    return err(
      'OVERSIGHT_MALFORMED',
      `This is not a Casebridge oversight audit export, version ${OVERSIGHT_EXPORT_VERSION} (${parsed.error.issues[0]?.message ?? 'invalid'}). A file made before personal signing must be exported again.`,
    );
  const { body, signature } = parsed.data;
  const signingKey = fromHex(body.office.signingKey, 32);
  const signatureBytes = fromHex(signature, 64);
  if (signingKey === undefined || signatureBytes === undefined)
    return err('OVERSIGHT_MALFORMED', 'The signing key or signature is not valid hex.');
  const fingerprint = formatFingerprint(officeFingerprint(kit, signingKey));
  if (!trustedSigningKeysHex.includes(body.office.signingKey)) {
    return err(
      'OVERSIGHT_SIGNER_UNTRUSTED',
      `Signed by a key you have not verified (${body.office.name}, fingerprint ${fingerprint}). Get the office's key card and compare its fingerprint first.`,
    );
  }
  if (!verifyDomain(kit, 'oversightAudit', signatureBytes, signingKey, canonicalJsonBytes(body))) {
    return err(
      'OVERSIGHT_SIGNATURE_INVALID',
      'The signature does not match the contents: the file was changed after it was signed. Ask the office for a new export.',
    );
  }
  const hash = (bytes: Uint8Array) => kit.hash(bytes, 32);
  const certified = personKeysFromCertificates(kit, body.people, body.office.signingKey);
  const badCertificate = certified.problems[0];
  if (badCertificate) return err('OVERSIGHT_CERTIFICATE_INVALID', badCertificate.message);
  const signatures = { kit, keys: certified.keys, since: personalSigningSince(certified.keys) };
  const brokenChains: { caseId: string; message: string }[] = [];
  const signers: { caseId: string; verdicts: readonly EventSignatureVerdict[] }[] = [];
  for (const chain of body.chains) {
    const verdict = verifyAuditChain(chain.events, hash, { caseId: chain.caseId, head: chain.head }, signatures);
    if (verdict.ok) signers.push({ caseId: chain.caseId, verdicts: verdict.signatures });
    if (verdict.ok && !chain.verification.ok) {
      return err(
        'OVERSIGHT_CHAIN_BROKEN',
        `Case ${chain.caseId}: the file says its chain is broken but it verifies; the file is inconsistent.`,
      );
    }
    if (!verdict.ok) {
      if (chain.verification.ok)
        return err(
          'OVERSIGHT_CHAIN_BROKEN',
          `Case ${chain.caseId}: the file says the chain verifies, but ${verdict.message}`,
        );
      brokenChains.push({ caseId: chain.caseId, message: verdict.message });
    }
  }
  const partnerPersonIds = body.chains.flatMap((chain) => {
    const seqs = partnerPersonIdEvents(chain.events);
    return seqs.length > 0 ? [{ caseId: chain.caseId, seqs }] : [];
  });
  return ok({ body, fingerprint, brokenChains, signers, people: certified.keys, partnerPersonIds });
}
