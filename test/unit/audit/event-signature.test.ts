import { describe, expect, it } from 'vitest';
import { eventDigest, sealAuditEvent, verifyAuditChain, type SignatureCheck } from '@shared/audit/audit-chain';
import { EMPTY_AUDIT_HEAD, type AuditEvent, type AuditHead } from '@shared/audit/audit-event';
import { eventSignerFromKey, type AuditSigner, type PersonKey } from '@shared/audit/event-signature';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { toHex } from '@shared/bytes/bytes';
import { testSigner, TEST_IMPORTER_ID } from '../../support/test-signer';

const kit = await cryptoKit();
const hash = (bytes: Uint8Array) => kit.hash(bytes);

function trail(
  signer: AuditSigner,
  actors: readonly string[],
  startHour = 0,
): { events: AuditEvent[]; head: AuditHead } {
  let head = EMPTY_AUDIT_HEAD;
  const events: AuditEvent[] = [];
  actors.forEach((actor, i) => {
    const sealed = sealAuditEvent(
      'case-1',
      head,
      {
        at: new Date(Date.UTC(2026, 0, 1, startHour + i)).toISOString(),
        actor: { id: actor, role: 'caseworker' },
        type: 'record-changed',
        action: 'add-note',
        fromStage: 'draft',
        toStage: 'draft',
        details: { noteId: `n${i}` },
      },
      { hash, signer },
    );
    events.push(sealed.event);
    head = sealed.head;
  });
  return { events, head };
}

const named = (keys: PersonKey[]) => keys.map((key) => ({ ...key, name: key.personId === 'ana' ? 'Ana' : 'Ben' }));

describe('personal signatures on audit events', () => {
  it('names the person who signed each event, and the importer for a partner office’s act', () => {
    const signer = testSigner(kit);
    const { events, head } = trail(signer, ['ana', 'ben', 'office:0123456789abcdef']);
    const verdict = verifyAuditChain(events, hash, { head }, { kit, keys: signer.keys(), since: null });
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    expect(verdict.signatures.map((v) => (v.status === 'signed' ? v.personId : v.status))).toEqual([
      'ana',
      'ben',
      TEST_IMPORTER_ID,
    ]);
  });

  it('catches an event edited and re-hashed by someone holding the vault key, and names the person it claims', () => {
    const signer = testSigner(kit);
    const { events } = trail(signer, ['ana', 'ben', 'ana']);
    const check: SignatureCheck = { kit, keys: named(signer.keys()), since: null };
    // A forger who can rewrite the store re-hashes the whole chain after editing event 1, keeping Ben's old
    // signature: every link holds, only the signature can tell.
    let head = EMPTY_AUDIT_HEAD;
    const forged = events.map((event, i) => {
      if (event.formatVersion !== 2) throw new Error('expected signed events');
      const { hash: _h, signature, ...content } = event;
      const edited = { ...content, prevHash: head.headHash, ...(i === 1 ? { details: { noteId: 'forged' } } : {}) };
      const digest = toHex(eventDigest(edited, hash));
      head = { count: i + 1, headHash: digest };
      return { ...edited, hash: digest, signature };
    });
    expect(verifyAuditChain(forged, hash, { head }).ok).toBe(true);
    const verdict = verifyAuditChain(forged, hash, { head }, check);
    expect(verdict).toMatchObject({
      ok: false,
      index: 1,
      reason: 'signature',
      claimed: { personId: 'ben', name: 'Ben' },
    });
    expect(!verdict.ok && verdict.message).toBe(
      'Audit event 2 (case-1#1), claimed by Ben (ben), does not match its signature: it was forged or edited after it was signed.',
    );
  });

  it('refuses an event signed by someone other than its actor, by an unknown key, or after the key was revoked', () => {
    const signer = testSigner(kit);
    const ana = signer.pairOf('ana');
    const impostor: AuditSigner = { signerFor: () => eventSignerFromKey(kit, 'ana', ana.privateKey) };
    const asBen = trail(impostor, ['ben']);
    expect(verifyAuditChain(asBen.events, hash, {}, { kit, keys: signer.keys(), since: null })).toMatchObject({
      ok: false,
      reason: 'signature',
      message: expect.stringContaining('is signed by someone other than the person it names as having acted'),
    });

    const stranger = testSigner(kit);
    const unknown = trail(stranger, ['ana']);
    expect(verifyAuditChain(unknown.events, hash, {}, { kit, keys: signer.keys(), since: null })).toMatchObject({
      ok: false,
      message: expect.stringContaining('does not match its signature'),
    });
    expect(verifyAuditChain(unknown.events, hash, {}, { kit, keys: [], since: null })).toMatchObject({
      ok: false,
      message: expect.stringContaining('is signed by someone this office never certified'),
    });

    const late = trail(signer, ['ana', 'ana']);
    const revoked = signer.keys().map((key) => ({ ...key, revokedAt: '2026-01-01T00:30:00.000Z' }));
    expect(verifyAuditChain(late.events, hash, {}, { kit, keys: revoked, since: null })).toMatchObject({
      ok: false,
      index: 1,
      message: expect.stringContaining('was signed after the person’s access was removed'),
    });
  });

  it('accepts unsigned events only from before personal signing began, and never after a signed one', () => {
    const signer = testSigner(kit);
    const signed = trail(signer, ['ana', 'ana']);
    const unsigned = signed.events.map((event) => {
      if (event.formatVersion !== 2) throw new Error('expected signed events');
      const { hash: _h, signature: _s, signedBy: _b, formatVersion: _f, ...content } = event;
      return { formatVersion: 1 as const, ...content };
    });
    let head = EMPTY_AUDIT_HEAD;
    const legacy = unsigned.map((content, i) => {
      const linked = { ...content, prevHash: head.headHash };
      const digest = toHex(eventDigest(linked, hash));
      head = { count: i + 1, headHash: digest };
      return { ...linked, hash: digest };
    });
    const keys = signer.keys().map((key) => ({ ...key, validFrom: '2026-01-01T00:30:00.000Z' }));
    const check = { kit, keys, since: '2026-01-01T00:30:00.000Z' };
    expect(verifyAuditChain(legacy.slice(0, 1), hash, {}, check)).toMatchObject({
      ok: true,
      signatures: [{ status: 'before-personal-signing' }],
    });
    expect(verifyAuditChain(legacy, hash, {}, check)).toMatchObject({
      ok: false,
      index: 1,
      message: expect.stringContaining('is unsigned but dated after personal signing began'),
    });
  });

  it('refuses an unsigned event that follows a signed one, even without keys to check', () => {
    const signer = testSigner(kit);
    const { events } = trail(signer, ['ana', 'ana']);
    const [first, second] = events;
    if (second?.formatVersion !== 2 || !first) throw new Error('expected signed events');
    const { hash: _h, signature: _s, signedBy: _b, formatVersion: _f, ...rest } = second;
    const unsigned = { formatVersion: 1 as const, ...rest };
    const spliced = [first, { ...unsigned, hash: toHex(eventDigest(unsigned, hash)) }];
    expect(verifyAuditChain(spliced, hash)).toMatchObject({ ok: false, index: 1, reason: 'unsigned-after-signed' });
  });
});
