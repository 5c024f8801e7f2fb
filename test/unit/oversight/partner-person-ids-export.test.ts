import { describe, expect, it } from 'vitest';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { sealAuditEvent, EMPTY_AUDIT_HEAD, type AuditEvent, type AuditHead } from '@shared/audit';
import { carriesPartnerPersonId } from '@shared/audit/partner-person-ids';
import { toHex } from '@shared/bytes/bytes';
import { generateOfficeIdentity } from '@shared/offices/office-identity';
import { createOfficeSigner } from '@shared/offices/office-signer';
import { issuePersonCertificate } from '@shared/people/person-certificate';
import { createOversightExport, verifyOversightExport, type CaseTrail } from '@shared/oversight/oversight-audit-export';
import { testSigner } from '../../support/test-signer';

const kit = await cryptoKit();
const hash = (bytes: Uint8Array) => kit.hash(bytes, 32);
const office = generateOfficeIdentity(kit);
const officeSigner = createOfficeSigner(kit, office);
const ANA = '2b0c5f4e-4c1a-4c8e-9a57-1f0d6a3e9b11';
const signer = testSigner(kit);
const certificates = [
  issuePersonCertificate(
    officeSigner,
    {
      personId: ANA,
      name: 'Ana Silva',
      signingKey: toHex(signer.pairOf(ANA).publicKey),
      validFrom: '2024-01-01T00:00:00.000Z',
      revokedAt: null,
    },
    '2024-01-01T00:00:00.000Z',
  ),
];

/** A trail whose events carry `details` in order (the first is the case's creation). */
function trail(caseId: string, details: AuditEvent['details'][]): CaseTrail {
  let head: AuditHead = EMPTY_AUDIT_HEAD;
  const events: AuditEvent[] = [];
  for (const [index, detail] of details.entries()) {
    const sealed = sealAuditEvent(
      caseId,
      head,
      {
        at: `2025-03-0${index + 1}T10:00:00.000Z`,
        actor: { id: ANA, role: 'caseworker' },
        type: index === 0 ? 'case-created' : 'record-changed',
        action: index === 0 ? 'receive-challenge' : 'withhold-notice',
        fromStage: 'received',
        toStage: 'received',
        details: detail,
      },
      { hash, signer },
    );
    events.push(sealed.event);
    head = sealed.head;
  }
  return { caseId, head, events };
}

describe("events that name a person by a partner's id (R14)", () => {
  const imported = trail('case-imported', [
    { bundleId: 'ab'.repeat(16) },
    { personId: 'ana.weber@example.org', ground: 'investigation' },
    { personId: 'person-00000002' },
    { changes: { affectedPeople: [{ id: 'DE-1985-03-02-WEBER', name: '' }] } },
  ]);
  const local = trail('case-local', [{ kind: 'x' }, { personId: 'person-0a1b2c3d' }, { personId: 'identified-3' }]);

  it('are recognised wherever the details name a person, and only then', () => {
    expect(imported.events.map(carriesPartnerPersonId)).toEqual([false, true, false, true]);
    expect(local.events.some(carriesPartnerPersonId)).toBe(false);
  });

  it('stay in the oversight export as signed, flagged per chain, and the reader finds them again itself', () => {
    const file = createOversightExport(
      kit,
      {
        office: { name: 'Commission des Ports Calmes', jurisdiction: 'FR' },
        scope: { kind: 'cases', caseIds: ['case-imported', 'case-local'] },
        trails: [imported, local],
        certificates,
        now: '2026-02-01T00:00:00.000Z',
      },
      officeSigner,
    );
    const result = verifyOversightExport(kit, file, [toHex(office.signingPublicKey)]);
    if (!result.ok) throw new Error(result.error.message);
    const [first, second] = result.value.body.chains;
    expect(first?.partnerPersonIds).toEqual([1, 3]);
    expect(second && 'partnerPersonIds' in second).toBe(false);
    // Kept as signed: the chain verifies, and the reader is told which events carry a partner's id.
    expect(result.value.brokenChains).toEqual([]);
    expect(result.value.partnerPersonIds).toEqual([{ caseId: 'case-imported', seqs: [1, 3] }]);
  });
});
