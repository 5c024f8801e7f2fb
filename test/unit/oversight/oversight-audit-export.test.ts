import { describe, expect, it } from 'vitest';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { sealAuditEvent, EMPTY_AUDIT_HEAD, type AuditEvent, type AuditHead } from '@shared/audit';
import { toHex } from '@shared/bytes/bytes';
import { canonicalJsonBytes } from '@shared/json/canonical-json';
import { generateOfficeIdentity } from '@shared/offices/office-identity';
import { createOfficeSigner } from '@shared/offices/office-signer';
import { issuePersonCertificate } from '@shared/people/person-certificate';
import { testSigner } from '../../support/test-signer';
import { createOversightExport, verifyOversightExport, type CaseTrail } from '@shared/oversight/oversight-audit-export';

const kit = await cryptoKit();
const hash = (bytes: Uint8Array) => kit.hash(bytes, 32);
const office = generateOfficeIdentity(kit);
const other = generateOfficeIdentity(kit);
const trusted = [toHex(office.signingPublicKey)];
const ANA = '2b0c5f4e-4c1a-4c8e-9a57-1f0d6a3e9b11';
const signer = testSigner(kit);
const officeSigner = createOfficeSigner(kit, office);
const anaFacts = {
  personId: ANA,
  name: 'Ana Weber',
  signingKey: toHex(signer.pairOf(ANA).publicKey),
  validFrom: '2024-01-01T00:00:00.000Z',
  revokedAt: null,
};
const certificates = [issuePersonCertificate(officeSigner, anaFacts, '2024-01-01T00:00:00.000Z')];

function trail(caseId: string, dates: string[]): CaseTrail {
  let head: AuditHead = EMPTY_AUDIT_HEAD;
  const events: AuditEvent[] = [];
  for (const [i, at] of dates.entries()) {
    const sealed = sealAuditEvent(
      caseId,
      head,
      {
        at,
        actor: { id: ANA, role: 'caseworker' },
        type: i === 0 ? 'case-created' : 'stage-changed',
        action: i === 0 ? 'open' : 'authorise',
        fromStage: 'draft',
        toStage: 'draft',
        details: { n: i },
      },
      { hash, signer },
    );
    events.push(sealed.event);
    head = sealed.head;
  }
  return { caseId, head, events };
}

const trails = [
  trail('case-a', ['2025-02-01T10:00:00.000Z', '2025-03-01T10:00:00.000Z']),
  trail('case-b', ['2024-05-01T10:00:00.000Z']),
  trail('case-c', ['2024-12-30T10:00:00.000Z', '2025-01-02T10:00:00.000Z', '2026-01-02T10:00:00.000Z']),
];
const input = {
  office: { name: 'BfDI', jurisdiction: 'DE' },
  scope: { kind: 'period' as const, from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' },
  trails,
  certificates,
  now: '2026-02-01T00:00:00.000Z',
};

describe('signed oversight audit export', () => {
  it('holds every case with an event in the period, complete and verified, and verifies for a trusting reader', () => {
    const file = createOversightExport(kit, input, officeSigner);
    const result = verifyOversightExport(kit, file, trusted);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(
      result.value.body.chains.map((c) => [c.caseId, c.eventsInScope, c.events.length, c.verification.ok]),
    ).toEqual([
      ['case-a', 2, 2, true],
      ['case-c', 1, 3, true],
    ]);
    expect(result.value.brokenChains).toEqual([]);
    expect(result.value.fingerprint).toMatch(/^\d{5}( \d{5}){11}$/);
    // Every event is signed by Ana, as the office's certificate names her.
    const verdicts = result.value.signers.flatMap((chain) => chain.verdicts);
    expect(verdicts).toHaveLength(5);
    expect(verdicts.every((v) => v.status === 'signed' && v.name === 'Ana Weber')).toBe(true);
  });

  it('names the person a forged event claims, and refuses certificates another key signed', () => {
    const [a] = trails;
    if (!a) throw new Error('seed');
    // Ana's access removed before her second event: the office's own file flags it, the reader names her.
    const revoked = issuePersonCertificate(
      officeSigner,
      { ...anaFacts, revokedAt: '2025-02-15T00:00:00.000Z' },
      '2025-02-15T00:00:00.000Z',
    );
    const late = createOversightExport(
      kit,
      { ...input, trails: [a], certificates: [...certificates, revoked] },
      officeSigner,
    );
    const result = verifyOversightExport(kit, late, trusted);
    expect(result.ok && result.value.brokenChains).toEqual([
      {
        caseId: 'case-a',
        message:
          'Audit event 2 (case-a#1), claimed by Ana Weber (2b0c5f4e-4c1a-4c8e-9a57-1f0d6a3e9b11), was signed after the person’s access was removed.',
      },
    ]);

    const foreign = issuePersonCertificate(
      createOfficeSigner(kit, {
        signingPublicKey: office.signingPublicKey,
        signingPrivateKeyPlaintext: other.signingPrivateKeyPlaintext.slice(),
      }),
      anaFacts,
      '2024-01-01T00:00:00.000Z',
    );
    const file = createOversightExport(kit, { ...input, certificates: [foreign] }, officeSigner);
    expect(verifyOversightExport(kit, file, trusted)).toMatchObject({
      ok: false,
      error: { code: 'OVERSIGHT_CERTIFICATE_INVALID', message: expect.stringContaining('Ana Weber') },
    });
  });

  it('can cover chosen cases instead of a period', () => {
    const file = createOversightExport(kit, { ...input, scope: { kind: 'cases', caseIds: ['case-b'] } }, officeSigner);
    const result = verifyOversightExport(kit, file, trusted);
    expect(result.ok && result.value.body.chains.map((c) => c.caseId)).toEqual(['case-b']);
  });

  it('refuses a signer the reader has not verified, naming the fingerprint to compare', () => {
    const file = createOversightExport(kit, input, officeSigner);
    const result = verifyOversightExport(kit, file, [toHex(other.signingPublicKey)]);
    expect(result).toMatchObject({ ok: false, error: { code: 'OVERSIGHT_SIGNER_UNTRUSTED' } });
    if (!result.ok) expect(result.error.message).toMatch(/fingerprint \d{5}/);
  });

  it('refuses any edit after signing', () => {
    const file = createOversightExport(kit, input, officeSigner);
    const text = new TextDecoder().decode(file);
    const edited = new TextEncoder().encode(text.replace('"authorise"', '"authorize"'));
    expect(verifyOversightExport(kit, edited, trusted)).toMatchObject({
      ok: false,
      error: { code: 'OVERSIGHT_SIGNATURE_INVALID' },
    });
    const reformatted = new TextEncoder().encode(JSON.stringify(JSON.parse(text), null, 2));
    expect(verifyOversightExport(kit, reformatted, trusted)).toMatchObject({
      ok: false,
      error: { code: 'OVERSIGHT_MALFORMED' },
    });
  });

  it('reports a chain the office found broken, and refuses a file that hides one', () => {
    const [a] = trails;
    if (!a) throw new Error('seed');
    const tampered: CaseTrail = {
      ...a,
      events: [a.events[0] as AuditEvent, { ...(a.events[1] as AuditEvent), action: 'quash' }],
    };
    const honest = createOversightExport(kit, { ...input, trails: [tampered] }, officeSigner);
    const result = verifyOversightExport(kit, honest, trusted);
    expect(result.ok && result.value.brokenChains.map((c) => c.caseId)).toEqual(['case-a']);
    if (result.ok) expect(result.value.brokenChains[0]?.message).toMatch(/Audit event 2/);

    // An office that signs a file claiming the broken chain is fine is caught by re-verification.
    const claim = JSON.parse(new TextDecoder().decode(honest)) as { body: { chains: { verification: unknown }[] } };
    const [chain] = claim.body.chains;
    if (chain) chain.verification = { ok: true };
    const lying = canonicalJsonBytes({
      body: claim.body,
      signature: toHex(officeSigner.sign('oversightAudit', canonicalJsonBytes(claim.body))),
    });
    expect(verifyOversightExport(kit, lying, trusted)).toMatchObject({
      ok: false,
      error: { code: 'OVERSIGHT_CHAIN_BROKEN' },
    });
  });
});
