import { describe, expect, it } from 'vitest';
import { sealAuditEvent } from '@shared/audit/audit-chain';
import { partnerPersonIdEvents } from '@shared/audit/partner-person-ids';
import type { AuditEvent } from '@shared/audit/audit-event';
import type { Case } from '@shared/domain/case';
import { openIncomingCase, type IncomingCaseInput } from '@shared/workflow/open-incoming-case';
import { CaseRepository } from '../../../renderer/src/cases/case-repository';
import { toStoredEvent } from '../../../renderer/src/cases/stored-case';
import { workflowContext } from '../../../renderer/src/cases/workflow-context';
import { readDataVersion, writeDataVersion } from '../../../renderer/src/vault/migrations/data-version';
import { latestSchema } from '../../../renderer/src/vault/schema/versions';
import { vaultWrite } from '../../../renderer/src/vault/vault-write';
import { dumpRaw, findPlaintext } from './raw-idb';
import { kit, PASSPHRASE, testVault } from './vault-test-kit';

/** Ids a partner office used for people (what builds before R14 kept on import). */
const ANA = 'ana.weber@example.org';
const BEN = 'DE-1985-03-02-WEBER';
const clock = { now: () => new Date('2026-03-02T09:00:00Z') };

function person(id: string, name: string) {
  return { id, name, contactForNotice: `${name}, Berlin`, preferredLanguage: 'de' as const };
}

/** A challenge received from a partner, as a build before R14 stored it: the partner's ids on its people. */
function incomingChallenge(actor: { id: string; role: 'caseworker' }, context: ReturnType<typeof workflowContext>) {
  const input: IncomingCaseInput = {
    id: 'in-1',
    reference: 'FR-CPC-2026-0001',
    kind: 'data-access-request',
    title: 'Challenge received',
    originatingJurisdiction: 'DE',
    procedure: undefined,
    incoming: {
      receivedAt: '2026-03-02T09:00:00.000Z',
      importedAt: '2026-03-02T09:00:00.000Z',
      sentAt: '2026-02-27T09:00:00.000Z',
      from: { office: 'Bureau of Quiet Harbours', jurisdiction: 'DE', reference: 'DE-BQH-2026-0007' },
      ownJurisdiction: 'FR',
      bundleId: 'ab'.repeat(16),
      coveringNote: '',
    },
    // A partner's id that happens to have our format is kept; the others are renamed around it.
    fields: {
      affectedPeople: [person(ANA, 'Ana Weber'), person('person-00000001', 'Carla Ruiz'), person(BEN, 'Ben Weber')],
    },
    opens: {
      side: 'redress-body',
      challenge: {
        lodgedAt: '2026-03-01T09:00:00.000Z',
        recordedBy: actor.id,
        personId: BEN,
        grounds: ['manifestly-illegal-not-shown'],
        statement: 'The order was not needed.',
        attachmentIds: [],
      },
    },
  };
  const opened = openIncomingCase(input, actor, context);
  if (!opened.ok) throw new Error(JSON.stringify(opened.refusal));
  return opened;
}

describe('upgrade to local person ids (schema 7)', () => {
  it("renames a partner's person ids in a stored incoming case at unlock; the signed events keep theirs and are flagged", async () => {
    const old = testVault('local-person-ids-upgrade');
    expect((await old.create(PASSPHRASE, 'Ana Silva')).ok).toBe(true);
    const actor = { id: old.person?.personId ?? 'nobody', role: 'caseworker' } as const;
    const context = workflowContext(kit, old.keyring, undefined, clock);
    const opened = incomingChallenge(actor, context);
    // An event an older build signed while the case still used the partner's id for Ana.
    const named = sealAuditEvent(
      opened.case.id,
      opened.case.audit,
      {
        at: '2026-03-02T10:00:00.000Z',
        actor,
        type: 'record-changed',
        action: 'withhold-notice',
        fromStage: opened.case.stage,
        toStage: opened.case.stage,
        details: { personId: ANA, ground: 'investigation', deferralCount: 0 },
      },
      context,
    );
    const stored: Case = { ...opened.case, audit: named.head };
    const events: AuditEvent[] = [opened.event, named.event];
    const written = await vaultWrite(old.db, [old.db.cases, old.db.events, old.db.settings], async () => {
      await old.db.cases.put(stored);
      await old.db.events.bulkAdd(events.map(toStoredEvent));
      await writeDataVersion(old.db, 6, new Date('2026-03-02T10:00:00Z'));
    });
    expect(written.ok).toBe(true);
    const before = await dumpRaw(old.db.name);
    old.lock();
    old.db.close();

    const vault = testVault('local-person-ids-upgrade', { dbName: old.db.name });
    expect((await vault.unlock(PASSPHRASE, { personId: actor.id })).ok).toBe(true);
    expect(await readDataVersion(vault.db)).toBe(latestSchema.version);
    const repository = new CaseRepository(vault.db, workflowContext(kit, vault.keyring, undefined, clock));
    const loaded = await repository.load('in-1');
    if (!loaded.ok) throw new Error(loaded.error.message);
    // Consistent within the case: Ben is the same pseudonym as a person and as the challenger.
    expect(loaded.value.affectedPeople.map((p) => [p.id, p.name])).toEqual([
      ['person-00000002', 'Ana Weber'],
      ['person-00000001', 'Carla Ruiz'],
      ['person-00000003', 'Ben Weber'],
    ]);
    expect(loaded.value.challenge?.personId).toBe('person-00000003');
    const [caseRow] = (await dumpRaw(vault.db.name)).cases ?? [];
    expect(JSON.stringify(await vault.db.cases.get('in-1'))).not.toContain(ANA);
    expect(Reflect.get(caseRow?.value as object, 'v')).toBe(3);

    // The events are not rewritten (their signatures and chain would break): byte for byte as before, and verified.
    expect((await dumpRaw(vault.db.name)).events).toEqual(before.events);
    expect((await repository.verify('in-1')).ok).toBe(true);
    expect(partnerPersonIdEvents(await repository.events('in-1'))).toEqual([1]);
    expect(findPlaintext(await dumpRaw(vault.db.name), [ANA, BEN])).toEqual([]);
    expect(vault.corruption.records).toEqual([]);

    // A second unlock changes nothing.
    const after = await dumpRaw(vault.db.name);
    vault.lock();
    expect((await vault.unlock(PASSPHRASE, { personId: actor.id })).ok).toBe(true);
    expect(await dumpRaw(vault.db.name)).toEqual(after);
  });
});
