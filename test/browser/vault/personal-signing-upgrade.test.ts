import { latestSchema } from '../../../renderer/src/vault/schema/versions';
import { describe, expect, it } from 'vitest';
import { eventDigest } from '@shared/audit/audit-chain';
import { EMPTY_AUDIT_HEAD, type AuditEvent, type AuditHead } from '@shared/audit/audit-event';
import { toHex } from '@shared/bytes/bytes';
import { openCase } from '@shared/workflow/open-case';
import { transition } from '@shared/workflow/transition';
import { CaseRepository } from '../../../renderer/src/cases/case-repository';
import { toStoredEvent } from '../../../renderer/src/cases/stored-case';
import { workflowContext } from '../../../renderer/src/cases/workflow-context';
import { readDataVersion, writeDataVersion } from '../../../renderer/src/vault/migrations/data-version';
import { readPersonKeyRecords } from '../../../renderer/src/vault/person-keys-store';
import { vaultWrite } from '../../../renderer/src/vault/vault-write';
import { testSigner } from '../../support/test-signer';
import { kit, PASSPHRASE, testVault } from './vault-test-kit';

/** A trail as that build wrote it: format 1, unsigned, dated before the upgrade. */
function unsignedTrail(actorId: string) {
  const context = workflowContext(kit, testSigner(kit), undefined, { now: () => new Date('2026-01-05T09:00:00Z') });
  const opened = openCase(
    {
      id: 'case-old',
      reference: 'DE-OLD-2026-0001',
      kind: 'data-access-request',
      title: 'Old case',
      originatingJurisdiction: 'DE',
    },
    { id: actorId, role: 'caseworker' },
    context,
  );
  if (!opened.ok) throw new Error('open failed');
  const noted = transition(
    opened.case,
    { id: actorId, role: 'caseworker' },
    { type: 'add-note', text: 'old note' },
    context,
  );
  if (!noted.ok) throw new Error('note failed');
  let head: AuditHead = EMPTY_AUDIT_HEAD;
  const events: AuditEvent[] = [opened.event, noted.event].map((event) => {
    if (event.formatVersion !== 2) throw new Error('expected a sealed event');
    const { hash: _h, signature: _s, signedBy: _b, formatVersion: _f, ...rest } = event;
    const content = { formatVersion: 1 as const, ...rest, prevHash: head.headHash };
    const hash = toHex(eventDigest(content, context.hash));
    head = { count: head.count + 1, headHash: hash };
    return { ...content, hash };
  });
  return { case: { ...noted.case, audit: head }, events };
}

describe('upgrade to personal signing', () => {
  it('keeps an old trail verifying as "before personal signing", and signs every event after the upgrade', async () => {
    // A vault as the build before personal signing left it: data version 2, no signing keys on record (the
    // structural upgrade to schema 3 adds the empty table), and a trail of unsigned events.
    const old = testVault('signing-upgrade');
    expect((await old.create(PASSPHRASE, 'Ana Silva')).ok).toBe(true);
    const ana = old.person?.personId ?? '';
    const trail = unsignedTrail(ana);
    const written = await vaultWrite(
      old.db,
      [old.db.cases, old.db.events, old.db.personKeys, old.db.settings],
      async () => {
        await old.db.cases.put(trail.case);
        await old.db.events.bulkPut(trail.events.map(toStoredEvent));
        await old.db.personKeys.clear();
        await writeDataVersion(old.db, 2, new Date('2026-01-06T00:00:00Z'));
      },
    );
    expect(written.ok).toBe(true);
    old.lock();
    old.db.close();

    const vault = testVault('signing-upgrade', { dbName: old.db.name });
    expect((await vault.unlock(PASSPHRASE)).ok).toBe(true);
    expect(await readDataVersion(vault.db)).toBe(latestSchema.version);
    expect(await readPersonKeyRecords(vault.db)).toMatchObject([{ personId: ana, retiredAt: null }]);
    const repository = new CaseRepository(vault.db, workflowContext(kit, vault.keyring));
    expect(await repository.verify('case-old')).toMatchObject({
      ok: true,
      signatures: [{ status: 'before-personal-signing' }, { status: 'before-personal-signing' }],
    });

    await repository.apply(
      'case-old',
      { type: 'add-note', text: 'after the upgrade' },
      { id: ana, role: 'caseworker' },
    );
    expect(await repository.verify('case-old')).toMatchObject({
      ok: true,
      signatures: [
        { status: 'before-personal-signing' },
        { status: 'before-personal-signing' },
        { status: 'signed', personId: ana, name: 'Ana Silva' },
      ],
    });

    // An unsigned event dated after the upgrade is refused as forged, though its hash links up.
    const events = await repository.events('case-old');
    const last = events.at(-1);
    if (last?.formatVersion !== 2) throw new Error('expected a signed event');
    const { hash: _h, signature: _s, signedBy: _b, formatVersion: _f, ...rest } = last;
    const unsigned = { formatVersion: 1 as const, ...rest };
    const hash = toHex(eventDigest(unsigned, repository.context.hash));
    await vaultWrite(vault.db, [vault.db.events, vault.db.cases], async () => {
      await vault.db.events.put(toStoredEvent({ ...unsigned, hash }));
      const stored = await repository.get('case-old');
      if (stored) await vault.db.cases.put({ ...stored, audit: { count: 3, headHash: hash } });
    });
    expect(await repository.verify('case-old')).toMatchObject({
      ok: false,
      index: 2,
      reason: 'signature',
      claimed: { personId: ana, name: 'Ana Silva', reason: 'unsigned-after-personal-signing' },
    });
  });
});
