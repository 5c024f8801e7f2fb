import { z } from 'zod';
import type { CryptoKit } from '@shared/crypto/crypto-kit';
import type { EventSigner } from '@shared/audit/event-signature';
import { fromHex, toHex } from '@shared/bytes/bytes';
import type { PersonKey } from '@shared/audit/event-signature';
import { verifyDomain } from '@shared/bundle/signing-domains';
import { canonicalJsonBytes } from '@shared/json/canonical-json';
import type { VaultDb } from '../vault-db';
import { personKeysForVerification, readPersonKeyRecords } from '../person-keys-store';
import { readPersonRecords } from '../persons-store';

/** The settings row listing every time someone accepted a vault that had changed outside Casebridge. */
export const INTEGRITY_DECISIONS_ID = 'integrity-decisions';
export const MAX_DECISION_REASON = 1000;

const findingSchema = z.union([
  z.strictObject({
    kind: z.literal('table-changed'),
    table: z.string(),
    sealedRows: z.number(),
    foundRows: z.number(),
    changedAt: z.number(),
  }),
  z.strictObject({ kind: z.literal('header-changed'), changedAt: z.number() }),
  z.strictObject({ kind: z.literal('seal-missing') }),
  z.strictObject({ kind: z.literal('seal-unreadable') }),
]);

const decisionSchema = z.strictObject({
  at: z.date(),
  by: z.string().min(1),
  reason: z.string().min(1).max(MAX_DECISION_REASON),
  findings: z.array(findingSchema),
  /** The person's Ed25519 signature (their own key) over the decision's canonical JSON. */
  signature: z.string().regex(/^[0-9a-f]{128}$/),
});
const decisionsSchema = z.strictObject({ id: z.literal(INTEGRITY_DECISIONS_ID), decisions: z.array(decisionSchema) });

export type IntegrityDecision = z.infer<typeof decisionSchema>;

function decisionHash(kit: CryptoKit, decision: Omit<IntegrityDecision, 'signature'>): Uint8Array {
  const body = { ...decision, at: decision.at.toISOString() };
  return kit.hash(canonicalJsonBytes(['casebridge.vault-integrity-decision', body], 'audit'), 32);
}

export async function readIntegrityDecisions(db: VaultDb): Promise<IntegrityDecision[]> {
  const parsed = decisionsSchema.safeParse(await db.settings.get(INTEGRITY_DECISIONS_ID));
  return parsed.success ? parsed.data.decisions : [];
}

/** Appends a signed decision (inside the caller's transaction). */
export async function recordIntegrityDecision(
  db: VaultDb,
  signer: EventSigner,
  decision: Omit<IntegrityDecision, 'signature' | 'by'>,
): Promise<void> {
  const unsigned = { ...decision, by: signer.personId };
  const signature = toHex(signer.signPersonChange(decisionHash(db.keyring.kit, unsigned)));
  const decisions = [...(await readIntegrityDecisions(db)), { ...unsigned, signature }];
  await db.settings.put(decisionsSchema.parse({ id: INTEGRITY_DECISIONS_ID, decisions }));
}

/** Whether the person named in `decision` signed it, with a key of theirs valid at the time. */
export function integrityDecisionSigned(
  kit: CryptoKit,
  decision: IntegrityDecision,
  keys: readonly PersonKey[],
): boolean {
  const { signature, ...unsigned } = decision;
  const signatureBytes = fromHex(signature, 64);
  const digest = decisionHash(kit, unsigned);
  const at = decision.at.toISOString();
  return keys.some((key) => {
    const publicKey = fromHex(key.publicKeyHex, 32);
    return (
      key.personId === decision.by &&
      (key.revokedAt === null || at <= key.revokedAt) &&
      signatureBytes !== undefined &&
      publicKey !== undefined &&
      verifyDomain(kit, 'personChange', signatureBytes, publicKey, digest)
    );
  });
}

export type IntegrityDecisionLine = IntegrityDecision & { readonly byName: string; readonly signed: boolean };

/** Every accepted change, oldest first, with who accepted it and whether their signature holds. */
export async function integrityDecisionLines(db: VaultDb): Promise<IntegrityDecisionLine[]> {
  const [decisions, keyRecords, people] = await Promise.all([
    readIntegrityDecisions(db),
    readPersonKeyRecords(db),
    readPersonRecords(db),
  ]);
  const { keys } = personKeysForVerification(keyRecords, people);
  return decisions.map((decision) => ({
    ...decision,
    byName: people.find((person) => person.id === decision.by)?.name ?? decision.by,
    signed: integrityDecisionSigned(db.keyring.kit, decision, keys),
  }));
}
