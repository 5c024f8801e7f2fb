import { describe, expect, it } from 'vitest';
import { sealAuditEvent, verifyAuditChain } from '@shared/audit/audit-chain';
import { EMPTY_AUDIT_HEAD, GENESIS_PREV_HASH, type AuditEvent, type AuditHead } from '@shared/audit/audit-event';
import { exportAuditChain, importAuditChain } from '@shared/audit/audit-export';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { canonicalJson } from '@shared/json/canonical-json';
import { fromHex, toHex } from '@shared/bytes/bytes';
import { verifyDomain } from '@shared/bundle/signing-domains';
import { testSigner } from '../../support/test-signer';

const kit = await cryptoKit();
const hash = (bytes: Uint8Array) => kit.hash(bytes);
const signer = testSigner(kit);
const sealing = { hash, signer };

function chain(length: number, caseId = 'case-1'): { events: AuditEvent[]; head: AuditHead } {
  let head = EMPTY_AUDIT_HEAD;
  const events: AuditEvent[] = [];
  for (let i = 0; i < length; i++) {
    const sealed = sealAuditEvent(
      caseId,
      head,
      {
        at: new Date(Date.UTC(2026, 0, 1, i)).toISOString(),
        actor: { id: 'alice', role: 'caseworker' },
        type: 'record-changed',
        action: 'add-note',
        fromStage: 'draft',
        toStage: 'draft',
        details: { noteId: `n${i}` },
      },
      sealing,
    );
    events.push(sealed.event);
    head = sealed.head;
  }
  return { events, head };
}

describe('audit chain', () => {
  it('links each event to the one before and verifies end to end', () => {
    const { events, head } = chain(4);
    expect(events[0]?.prevHash).toBe(GENESIS_PREV_HASH);
    expect(events[2]?.prevHash).toBe(events[1]?.hash);
    expect(events.map((e) => e.id)).toEqual(['case-1#0', 'case-1#1', 'case-1#2', 'case-1#3']);
    expect(verifyAuditChain(events, hash, { head })).toEqual({ ok: true, head, signatures: [] });
    expect(head).toEqual({ count: 4, headHash: events[3]?.hash });
  });

  it('commits to a fixed test vector (canonical JSON + BLAKE2b-256)', () => {
    // The exact bytes hashed, written out by hand: keys sorted, no whitespace, no "hash" or "signature" member.
    const canonical =
      '{"action":"add-note","actor":{"id":"alice","role":"caseworker"},"at":"2026-01-01T00:00:00.000Z","caseId":"case-1",' +
      '"details":{"noteId":"n0"},"formatVersion":2,"fromStage":"draft","id":"case-1#0",' +
      '"prevHash":"0000000000000000000000000000000000000000000000000000000000000000","seq":0,"signedBy":"alice",' +
      '"toStage":"draft","type":"record-changed"}';
    const [event] = chain(1).events;
    if (event?.formatVersion !== 2) throw new Error('expected a signed event');
    const { hash: digest, signature, ...rest } = event;
    expect(canonicalJson(rest)).toBe(canonical);
    // The signature is Ed25519 by Alice's key over the audit-event domain digest of the hash.
    const { publicKey } = signer.pairOf('alice');
    expect(
      verifyDomain(
        kit,
        'auditEvent',
        fromHex(signature, 64) ?? new Uint8Array(),
        publicKey,
        fromHex(digest, 32) ?? new Uint8Array(),
      ),
    ).toBe(true);
    expect(digest).toBe(toHex(kit.hash(new TextEncoder().encode(canonical))));
    expect(digest).toBe('bb77ea6bfbf2c766199967eb1fc244365f0a1ec2782d78f2689c8569aba0e5fb');
  });

  it('pinpoints the first broken link and says why', () => {
    const { events, head } = chain(5);
    const edited = events.map((e, i) => (i === 2 ? { ...e, details: { noteId: 'forged' } } : e));
    expect(verifyAuditChain(edited, hash)).toMatchObject({
      ok: false,
      index: 2,
      eventId: 'case-1#2',
      reason: 'hash-mismatch',
    });

    const rehashed = structuredClone(events);
    const target = rehashed[1];
    if (target) target.hash = 'f'.repeat(64);
    expect(verifyAuditChain(rehashed, hash)).toMatchObject({ ok: false, index: 1, reason: 'hash-mismatch' });

    const dropped = [...events.slice(0, 2), ...events.slice(3)];
    expect(verifyAuditChain(dropped, hash)).toMatchObject({ ok: false, index: 2, reason: 'sequence-gap' });

    const swapped = [events[0], events[2], events[1], events[3]];
    expect(verifyAuditChain(swapped, hash)).toMatchObject({ ok: false, index: 1, reason: 'sequence-gap' });

    const foreign = chain(3, 'case-2').events;
    expect(verifyAuditChain([events[0], foreign[1]], hash)).toMatchObject({
      ok: false,
      index: 1,
      reason: 'wrong-case',
    });
    expect(verifyAuditChain([events[0], { nonsense: true }], hash)).toMatchObject({
      ok: false,
      index: 1,
      eventId: null,
      reason: 'malformed',
    });

    const truncated = verifyAuditChain(events.slice(0, 3), hash, { head });
    expect(truncated).toMatchObject({ ok: false, reason: 'truncated', index: 3 });
    expect(!truncated.ok && truncated.message).toBe(
      'The trail has 3 events but the case record expects 5: the newest events are missing.',
    );
  });

  it('detects a spliced chain whose events were re-sealed after an edit', () => {
    const { events } = chain(3);
    const first = events[0];
    if (!first) throw new Error('no event');
    // An attacker who re-hashes event 0 after editing it breaks the link from event 1.
    const forged = sealAuditEvent(
      'case-1',
      EMPTY_AUDIT_HEAD,
      { ...first, details: { noteId: 'forged' } },
      sealing,
    ).event;
    expect(verifyAuditChain([forged, ...events.slice(1)], hash)).toMatchObject({
      ok: false,
      index: 1,
      reason: 'prev-hash-mismatch',
    });
  });

  it('exports and imports a chain, verifying it on the way in', () => {
    const { events } = chain(3);
    const text = exportAuditChain('case-1', events);
    const imported = importAuditChain(text, hash);
    expect(imported).toEqual({ ok: true, value: { caseId: 'case-1', events } });

    const tampered = text.replace('"noteId": "n1"', '"noteId": "nX"');
    const refused = importAuditChain(tampered, hash);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('audit-import-broken-chain');
    expect(!refused.ok && refused.error.message).toMatch(
      /^Audit event 2 \(case-1#1\): content does not match its hash/,
    );

    expect(importAuditChain('not json', hash)).toMatchObject({ ok: false, error: { code: 'audit-import-not-json' } });
    expect(importAuditChain('{"format":"other"}', hash)).toMatchObject({
      ok: false,
      error: { code: 'audit-import-wrong-format' },
    });
    const otherCase = JSON.stringify({ ...JSON.parse(text), caseId: 'case-9' });
    expect(importAuditChain(otherCase, hash)).toMatchObject({
      ok: false,
      error: { code: 'audit-import-broken-chain' },
    });
  });

  it('refuses a hash function that is not 32 bytes', () => {
    expect(() =>
      sealAuditEvent(
        'c',
        EMPTY_AUDIT_HEAD,
        {
          at: '2026-01-01T00:00:00Z',
          actor: { id: 'a', role: 'caseworker' },
          type: 'case-created',
          action: 'open-case',
          fromStage: 'draft',
          toStage: 'draft',
          details: {},
        },
        { hash: (b) => kit.hash(b, 64), signer },
      ),
    ).toThrow(RangeError);
  });
});
