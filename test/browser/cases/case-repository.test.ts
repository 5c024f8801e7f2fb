import { describe, expect, it } from 'vitest';
import { parseCase } from '@shared/domain/case';
import { transition } from '@shared/workflow/transition';
import { workflowMessage } from '@shared/workflow/workflow-message';
import { CaseRepository } from '../../../renderer/src/cases/case-repository';
import { workflowContext } from '../../../renderer/src/cases/workflow-context';
import { createdVault, kit } from '../vault/vault-test-kit';
import { eventDigest } from '@shared/audit/audit-chain';
import { toHex } from '@shared/bytes/bytes';
import { toStoredEvent } from '../../../renderer/src/cases/stored-case';
import { vaultWrite } from '../../../renderer/src/vault/vault-write';

async function repositoryAt(label: string, iso = '2026-03-02T09:00:00Z') {
  const vault = await createdVault(label);
  // The vault's first person acts (and signs) as caseworker.
  const alice = { id: vault.person?.personId ?? 'nobody', role: 'caseworker' } as const;
  const clock = {
    ms: Date.parse(iso),
    now() {
      return new Date(this.ms);
    },
  };
  return {
    vault,
    clock,
    alice,
    repository: new CaseRepository(vault.db, workflowContext(kit, vault.keyring, undefined, clock)),
  };
}

const draft = {
  reference: 'DE-BQH-2026-0001',
  kind: 'data-access-request' as const,
  title: 'Heron account',
  originatingJurisdiction: 'DE',
  changes: {
    purpose: 'Identify the operator of an account',
    legalBasis: { code: 'gdpr-61', text: '' },
    dataCategoryCodes: ['subscriber'],
    partnerJurisdiction: 'FR',
    assessment: {
      necessity: 'No other means.',
      proportionality: '',
      nonDiscrimination: 'Not on protected traits.',
      minimisation: 'Subscriber data only.',
    },
    retention: { purgeAt: '2028-01-01T00:00:00.000Z', basis: 'agreement' },
    affectedPeople: [
      { id: 'person-00000001', name: 'Camille Durand', contactForNotice: 'Lyon', preferredLanguage: 'fr' as const },
    ],
  },
};

describe('the case repository over the vault', () => {
  it('creates a draft as a case row (parseable by caseSchema) with its audit events, and the chain verifies', async () => {
    const { vault, repository, alice } = await repositoryAt('create');
    const created = await repository.createCase(draft, alice);
    if (!created.ok) throw new Error(created.messages.join('; '));
    expect(parseCase(await vault.db.cases.get(created.case.id)).success).toBe(true);
    expect((await repository.events(created.case.id)).map((e) => e.action)).toEqual(['open-case', 'update-draft']);
    expect((await repository.verify(created.case.id)).ok).toBe(true);
    const again = await repository.createCase({ ...draft, reference: 'de-bqh-2026-0001' }, alice); // case-insensitive
    // Said as a code with its parameter, so every interface language words it (not English text).
    expect(again.ok === false && again.messages).toEqual([
      workflowMessage('reference-taken', { reference: 'de-bqh-2026-0001' }),
    ]);
  });

  it('never stores a case that names a person by an id from outside this office (the stored schema would refuse it)', async () => {
    const { vault, repository, alice } = await repositoryAt('foreign-person-id');
    const foreign = draft.changes.affectedPeople.map((person) => ({ ...person, id: 'ana.weber@example.org' }));
    const refused = await repository.createCase(
      { ...draft, changes: { ...draft.changes, affectedPeople: foreign } },
      alice,
    );
    expect(refused.ok === false && refused.messages).toEqual([
      workflowMessage('case-not-stored', { failure: 'write-refused' }),
    ]);
    expect([await vault.db.cases.count(), await vault.db.events.count()]).toEqual([0, 0]);

    const created = await repository.createCase(draft, alice);
    if (!created.ok) throw new Error(created.messages.join('; '));
    const noted = transition(created.case, alice, { type: 'add-note', text: 'x' }, repository.context);
    if (!noted.ok) throw new Error('note refused');
    const events = await vault.db.events.count();
    const renamed = { ...noted.case, affectedPeople: noted.case.affectedPeople.map((p) => ({ ...p, id: 'p1' })) };
    const commit = await repository.commit(renamed, noted.event, created.case.audit);
    expect(commit.ok === false && commit.error.code).toBe('write-refused');
    expect(await vault.db.events.count()).toBe(events);
    expect((await repository.get(created.case.id))?.affectedPeople.map((p) => p.id)).toEqual(['person-00000001']);
  });

  it('a refused transition writes nothing and returns the list of what is missing', async () => {
    const { vault, repository, alice } = await repositoryAt('refusal');
    const created = await repository.createCase(draft, alice);
    if (!created.ok) throw new Error(created.messages.join('; '));
    const before = await vault.db.events.count();
    const refused = await repository.apply(created.case.id, { type: 'authorise' }, alice);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.code).toBe('preconditions-unmet');
    expect(refused.messages).toContainEqual(workflowMessage('statement-empty', { statement: 'proportionality' }));
    expect(await vault.db.events.count()).toBe(before);
    expect((await repository.get(created.case.id))?.stage).toBe('draft');
  });

  it('a transition stores the new case and its event together; a stale head is refused as a conflict', async () => {
    const { vault, repository, alice } = await repositoryAt('commit');
    const created = await repository.createCase(
      {
        ...draft,
        changes: {
          ...draft.changes,
          assessment: { ...draft.changes.assessment, proportionality: 'Three months only.' },
        },
      },
      alice,
    );
    if (!created.ok) throw new Error(created.messages.join('; '));
    const stale = created.case;
    const authorised = await repository.apply(stale.id, { type: 'authorise' }, alice);
    expect(authorised.ok && authorised.case.stage).toBe('authorised');
    expect((await repository.events(stale.id)).at(-1)?.action).toBe('authorise');
    // Another window still holding the old case tries to append the same sequence number.
    const fromStale = transition(stale, alice, { type: 'add-note', text: 'late' }, repository.context);
    if (!fromStale.ok) throw new Error('note refused');
    const events = await vault.db.events.count();
    const conflict = await repository.commit(fromStale.case, fromStale.event, stale.audit);
    expect(conflict.ok === false && conflict.error.code).toBe('case-conflict');
    expect(await vault.db.events.count()).toBe(events);
    expect((await repository.get(stale.id))?.stage).toBe('authorised');
  });

  it('verify chain pinpoints the first edited event', async () => {
    const { vault, repository, alice } = await repositoryAt('tamper');
    const created = await repository.createCase(draft, alice);
    if (!created.ok) throw new Error(created.messages.join('; '));
    await repository.apply(created.case.id, { type: 'add-note', text: 'first' }, alice);
    await repository.apply(created.case.id, { type: 'add-note', text: 'second' }, alice);
    const target = await vault.db.events.get(`${created.case.id}#2`);
    const event: unknown = target?.['event'];
    if (!target || typeof event !== 'object' || event === null) throw new Error('event row missing');
    await vault.db.events.put({ ...target, event: { ...event, at: '2020-01-01T00:00:00.000Z' } });
    const verdict = await repository.verify(created.case.id);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.index).toBe(2);
    expect(verdict.reason).toBe('hash-mismatch');
  });

  it('an insider who rewrites an event and re-hashes the chain is caught by the signature, and the event named', async () => {
    const { vault, repository, alice } = await repositoryAt('forged');
    const created = await repository.createCase(draft, alice);
    if (!created.ok) throw new Error(created.messages.join('; '));
    await repository.apply(created.case.id, { type: 'add-note', text: 'first' }, alice);
    const passing = await repository.verify(created.case.id);
    expect(passing.ok && passing.signatures.map((v) => v.status === 'signed' && v.personId)).toEqual(
      passing.ok ? passing.signatures.map(() => alice.id) : [],
    );
    // With the vault key (any signed-in person has it), rewrite event 1 and every hash after it, and the case head.
    const events = await repository.events(created.case.id);
    let prevHash = events[0]?.hash ?? '';
    const forged = events.slice(1).map((event, i) => {
      if (event.formatVersion !== 2) throw new Error('expected signed events');
      const { hash: _hash, signature, ...content } = event;
      const edited = { ...content, prevHash, ...(i === 0 ? { at: '2026-03-01T09:00:00.000Z' } : {}) };
      const rehash = toHex(eventDigest(edited, repository.context.hash));
      prevHash = rehash;
      return { ...edited, hash: rehash, signature };
    });
    await vaultWrite(vault.db, [vault.db.events, vault.db.cases], async () => {
      for (const event of forged) await vault.db.events.put(toStoredEvent(event));
      const stored = await repository.get(created.case.id);
      if (stored) await vault.db.cases.put({ ...stored, audit: { count: events.length, headHash: prevHash } });
    });
    const verdict = await repository.verify(created.case.id);
    expect(verdict).toMatchObject({ ok: false, index: 1, reason: 'signature', claimed: { personId: alice.id } });
    expect(!verdict.ok && verdict.message).toMatch(
      /^Audit event 2 \(.+#1\), claimed by .+, does not match its signature/,
    );
  });
});
