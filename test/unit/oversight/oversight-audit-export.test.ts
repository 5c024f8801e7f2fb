import { describe, expect, it } from 'vitest';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { sealAuditEvent, EMPTY_AUDIT_HEAD, type AuditEvent, type AuditHead } from '@shared/audit';
import { toHex } from '@shared/bytes/bytes';
import { canonicalJsonBytes } from '@shared/json/canonical-json';
import { signDomain } from '@shared/bundle/signing-domains';
import { generateOfficeIdentity } from '@shared/offices/office-identity';
import { createOversightExport, verifyOversightExport, type CaseTrail } from '@shared/oversight/oversight-audit-export';

const kit = await cryptoKit();
const hash = (bytes: Uint8Array) => kit.hash(bytes, 32);
const office = generateOfficeIdentity(kit);
const other = generateOfficeIdentity(kit);
const trusted = [toHex(office.signingPublicKey)];

function trail(caseId: string, dates: string[]): CaseTrail {
  let head: AuditHead = EMPTY_AUDIT_HEAD;
  const events: AuditEvent[] = [];
  for (const [i, at] of dates.entries()) {
    const sealed = sealAuditEvent(
      caseId,
      head,
      {
        at,
        actor: { id: 'cw-1', role: 'caseworker' },
        type: i === 0 ? 'case-created' : 'stage-changed',
        action: i === 0 ? 'open' : 'authorise',
        fromStage: 'draft',
        toStage: 'draft',
        details: { n: i },
      },
      hash,
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
  office: { name: 'BfDI', jurisdiction: 'DE', signingPublicKey: office.signingPublicKey },
  scope: { kind: 'period' as const, from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' },
  trails,
  now: '2026-02-01T00:00:00.000Z',
};

describe('signed oversight audit export', () => {
  it('holds every case with an event in the period, complete and verified, and verifies for a trusting reader', () => {
    const file = createOversightExport(kit, input, office.signingPrivateKeyPlaintext);
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
  });

  it('can cover chosen cases instead of a period', () => {
    const file = createOversightExport(
      kit,
      { ...input, scope: { kind: 'cases', caseIds: ['case-b'] } },
      office.signingPrivateKeyPlaintext,
    );
    const result = verifyOversightExport(kit, file, trusted);
    expect(result.ok && result.value.body.chains.map((c) => c.caseId)).toEqual(['case-b']);
  });

  it('refuses a signer the reader has not verified, naming the fingerprint to compare', () => {
    const file = createOversightExport(kit, input, office.signingPrivateKeyPlaintext);
    const result = verifyOversightExport(kit, file, [toHex(other.signingPublicKey)]);
    expect(result).toMatchObject({ ok: false, error: { code: 'OVERSIGHT_SIGNER_UNTRUSTED' } });
    if (!result.ok) expect(result.error.message).toMatch(/fingerprint \d{5}/);
  });

  it('refuses any edit after signing', () => {
    const file = createOversightExport(kit, input, office.signingPrivateKeyPlaintext);
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
    const honest = createOversightExport(kit, { ...input, trails: [tampered] }, office.signingPrivateKeyPlaintext);
    const result = verifyOversightExport(kit, honest, trusted);
    expect(result.ok && result.value.brokenChains.map((c) => c.caseId)).toEqual(['case-a']);
    if (result.ok) expect(result.value.brokenChains[0]?.message).toMatch(/Audit event 2/);

    // An office that signs a file claiming the broken chain is fine is caught by re-verification.
    const claim = JSON.parse(new TextDecoder().decode(honest)) as { body: { chains: { verification: unknown }[] } };
    const [chain] = claim.body.chains;
    if (chain) chain.verification = { ok: true };
    const lying = canonicalJsonBytes({
      body: claim.body,
      signature: toHex(
        signDomain(kit, 'oversightAudit', office.signingPrivateKeyPlaintext, canonicalJsonBytes(claim.body)),
      ),
    });
    expect(verifyOversightExport(kit, lying, trusted)).toMatchObject({
      ok: false,
      error: { code: 'OVERSIGHT_CHAIN_BROKEN' },
    });
  });
});
