import { describe, expect, it } from 'vitest';
import { memoryByteSink, memorySource } from '@shared/bytes/byte-io';
import { toHex } from '@shared/bytes/bytes';
import { ok } from '@shared/result';
import { createKeyCard } from '@shared/offices/key-card';
import { generateOfficeIdentity } from '@shared/offices/office-identity';
import { fingerprintOf, importKeyCard, markVerified, trustView } from '@shared/offices/trust-store';
import { formatFingerprint } from '@shared/offices/fingerprint';
import { TEST_KDF_FLOOR } from '@shared/vault/kdf-params';
import { backupVault } from '../../../renderer/src/vault/backup/backup-vault';
import { restoreVault, type RestoreProgress } from '../../../renderer/src/vault/backup/restore-vault';
import { restoreStateOf } from '../../../renderer/src/vault/backup/restore-state';
import {
  attachmentStream,
  readAttachmentRecord,
  storeAttachment,
} from '../../../renderer/src/vault/attachments/attachment-store';
import { CaseRepository } from '../../../renderer/src/cases/case-repository';
import { workflowContext } from '../../../renderer/src/cases/workflow-context';
import { ensureOwnOffice } from '../../../renderer/src/offices/own-office';
import { loadTrustStore, saveTrustChanges } from '../../../renderer/src/offices/partner-offices';
import { loadLedger } from '../../../renderer/src/exchange/ledger-store';
import type { VaultService } from '../../../renderer/src/vault/vault-service';
import { createdVault, deriveHere, kit, PASSPHRASE, testVault, uniqueDbName } from '../vault/vault-test-kit';
import { dumpRaw } from '../vault/raw-idb';
import { dumpDigest } from './dump-digest';
import { receivedRequestEntry } from '../../support/ledger-entries';
import { signingOffice } from '@shared/offices/signing-office';

const MiB = 1024 * 1024;
const DAY = 86_400_000;
const BEA_PASSPHRASE = 'copper gulls circle the 19 amber piers';

const draft = {
  reference: 'DE-BQH-2026-0042',
  kind: 'data-access-request' as const,
  title: 'Heron account',
  originatingJurisdiction: 'DE',
  changes: {
    purpose: 'Identify the operator of an account',
    legalBasis: { code: 'gdpr-61', text: '' },
    dataCategoryCodes: ['subscriber'],
    partnerJurisdiction: 'FR',
    affectedPeople: [
      { id: 'person-00000001', name: 'Camille Durand', contactForNotice: 'Lyon', preferredLanguage: 'fr' as const },
    ],
  },
};

async function hashStream(stream: ReadableStream<Uint8Array>): Promise<string> {
  const hasher = kit.createHasher(32);
  const reader = stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return toHex(hasher.digest());
    hasher.update(value);
  }
}

/** A vault with a case and its audit, a 3 MiB attachment, a second person, office keys, a trusted partner, a ledger. */
async function populatedVault() {
  const vault = await createdVault('backup-source');
  const alice = { id: vault.person?.personId ?? 'nobody', role: 'caseworker' } as const;
  const repository = new CaseRepository(vault.db, workflowContext(kit, vault.keyring));
  const created = await repository.createCase(draft, alice);
  if (!created.ok) throw new Error(created.messages.join('; '));
  const evidence = kit.randomBytes(3 * MiB + 12345);
  const stored = await storeAttachment(vault.db, {
    id: 'evidence-1',
    caseId: created.case.id,
    fileName: 'ledger.pdf',
    mediaType: 'application/pdf',
    source: new Blob([new Uint8Array(evidence)]),
    now: new Date(),
  });
  if (!stored.ok) throw new Error(stored.error.message);
  const bea = await vault.people.addPerson('Bea Lindqvist', BEA_PASSPHRASE);
  if (!bea.ok) throw new Error(bea.error.message);
  const profile = {
    id: 'office',
    officeName: 'Bureau of Quiet Harbours',
    jurisdiction: 'DE',
    createdAt: new Date(),
  } as const;
  expect((await vault.saveProfile(profile)).ok).toBe(true);
  const own = await ensureOwnOffice(vault.db, kit, profile, Date.now());
  if (!own.ok) throw new Error(own.error.message);
  const partner = generateOfficeIdentity(kit);
  const card = createKeyCard(
    signingOffice(kit, partner),
    { name: 'Commission des Ports Calmes', jurisdiction: 'FR' },
    { validFrom: Date.now() - DAY, validUntil: Date.now() + 300 * DAY },
  );
  const imported = importKeyCard(kit, {}, card, Date.now());
  if (!imported.ok) throw new Error(imported.error.message);
  const verified = markVerified(
    kit,
    imported.value.store,
    card.card.signingKey,
    formatFingerprint(fingerprintOf(kit, card)),
    Date.now(),
  );
  if (!verified.ok) throw new Error(verified.error.message);
  expect((await saveTrustChanges(vault.db, kit, {}, verified.value)).ok).toBe(true);
  await vault.db.bundleLedger.put(receivedRequestEntry('1'.repeat(32)));
  const recoveryKey = await vault.createRecoveryKey(PASSPHRASE);
  if (!recoveryKey.ok) throw new Error(recoveryKey.error.message);
  return {
    vault,
    caseId: created.case.id,
    evidenceHash: toHex(kit.hash(evidence, 32)),
    storedHash: stored.value.contentHash,
    partnerKey: card.card.signingKey,
    recoveryKey: recoveryKey.value,
  };
}

async function backupBytes(vault: VaultService): Promise<Uint8Array> {
  const sink = memoryByteSink();
  const written = await backupVault({ vault, sink, appVersion: 'test', now: new Date() });
  if (!written.ok) throw new Error(written.error.message);
  return sink.bytes();
}

const openMemory = (bytes: Uint8Array) => () =>
  Promise.resolve(ok({ source: memorySource(bytes), close: () => Promise.resolve() }));

function restoreInto(dbName: string, bytes: Uint8Array, extra: Partial<Parameters<typeof restoreVault>[0]> = {}) {
  return restoreVault({
    kit,
    dbName,
    open: openMemory(bytes),
    derive: deriveHere,
    secret: { kind: 'passphrase', passphrase: PASSPHRASE },
    floor: TEST_KDF_FLOOR,
    ...extra,
  });
}

async function expectEmpty(dbName: string) {
  const dump = await dumpRaw(dbName);
  for (const [store, rows] of Object.entries(dump)) expect(rows, store).toEqual([]);
}

describe('backup and restore of the whole installation', async () => {
  const source = await populatedVault();
  const bytes = await backupBytes(source.vault);

  // The seal is the one row a backup makes anew (from the rows it carries): every other table is byte-identical.
  const SEAL = { except: ['vaultSeal'] };

  it('restores into a fresh profile: every table byte-identical, then everything opens and verifies', async () => {
    const dbName = uniqueDbName('restore-fresh');
    const phases = new Set<string>();
    const restored = await restoreInto(dbName, bytes, { onProgress: (p: RestoreProgress) => phases.add(p.phase) });
    if (!restored.ok) throw new Error(restored.error.message);
    expect([...phases]).toEqual(['verifying', 'restoring', 'checking']);
    expect(restored.value.manifest.officeName).toBe('Bureau of Quiet Harbours');
    expect(await dumpDigest(dbName, SEAL)).toEqual(await dumpDigest(source.vault.db.name, SEAL));
    expect((await dumpDigest(dbName)).vaultSeal?.rows).toBe(1);

    const vault = testVault('restored', { dbName });
    const status = await vault.status();
    expect(status.kind === 'locked' && status.persons.map((p) => p.name)).toEqual(['Administrator', 'Bea Lindqvist']);
    const unlocked = await vault.unlock(PASSPHRASE, { personId: source.vault.person?.personId });
    if (!unlocked.ok) throw new Error(unlocked.error.message);
    // The restored seal matches the restored rows: the vault opens writable, nothing reported.
    expect(vault.integrityFindings).toEqual([]);
    expect(vault.db.sealGate.mode).toBe('on');
    const repository = new CaseRepository(vault.db, workflowContext(kit, vault.keyring));
    expect((await repository.get(source.caseId))?.references.local).toBe('DE-BQH-2026-0042');
    expect((await repository.verify(source.caseId)).ok).toBe(true);
    const record = await readAttachmentRecord(vault.db, 'evidence-1');
    if (!record.ok) throw new Error(record.error.message);
    expect(await hashStream(attachmentStream(vault.db, record.value))).toBe(source.evidenceHash);
    expect(record.value.contentHash).toBe(source.storedHash);
    expect(trustView(await loadTrustStore(vault.db)).lookup(source.partnerKey)?.state).toBe('verified');
    expect((await loadLedger(vault.db)).map((entry) => entry.bundleId)).toEqual(['1'.repeat(32)]);
    vault.lock();
    const bea = (await vault.persons()).find((p) => p.name === 'Bea Lindqvist');
    expect((await vault.unlock(BEA_PASSPHRASE, { personId: bea?.personId })).ok).toBe(true);
    vault.lock();
    expect((await vault.unlockWithRecoveryKey(source.recoveryKey, { personId: bea?.personId })).ok).toBe(true);
  });

  it('opens with the second person passphrase or the recovery key too', async () => {
    for (const secret of [
      { kind: 'passphrase', passphrase: BEA_PASSPHRASE },
      { kind: 'recovery-key', recoveryKey: source.recoveryKey },
    ] as const) {
      const dbName = uniqueDbName('restore-secret');
      expect((await restoreInto(dbName, bytes, { secret })).ok).toBe(true);
    }
  });

  it('writes nothing when verification fails: an altered, truncated or wrong-passphrase backup', async () => {
    const altered = bytes.slice();
    altered[bytes.length - 40] = (altered[bytes.length - 40] ?? 0) ^ 1;
    const cases = [
      { file: altered, secret: { kind: 'passphrase', passphrase: PASSPHRASE }, code: 'BACKUP_CHUNK_INVALID' },
      {
        file: bytes.subarray(0, bytes.length - 100),
        secret: { kind: 'passphrase', passphrase: PASSPHRASE },
        code: 'BACKUP_TRUNCATED',
      },
      {
        file: bytes,
        secret: { kind: 'passphrase', passphrase: 'not the passphrase at all' },
        code: 'BACKUP_WRONG_PASSPHRASE',
      },
    ] as const;
    for (const { file, secret, code } of cases) {
      const dbName = uniqueDbName('restore-refused');
      const refused = await restoreInto(dbName, file, { secret });
      expect(refused.ok === false && refused.error.code).toBe(code);
      await expectEmpty(dbName);
      expect(await restoreStateOf(dbName)).toBe('empty');
    }
  });

  it('refuses to restore over a live vault and leaves it untouched', async () => {
    const before = await dumpDigest(source.vault.db.name);
    const refused = await restoreInto(source.vault.db.name, bytes);
    expect(refused.ok === false && refused.error.code).toBe('RESTORE_VAULT_EXISTS');
    expect(await dumpDigest(source.vault.db.name)).toEqual(before);
  });

  it('a restore that dies midway never opens half-restored, and restoring again succeeds', async () => {
    const dbName = uniqueDbName('restore-killed');
    const killed = restoreInto(dbName, bytes, {
      onProgress: (p: RestoreProgress) => {
        if (p.phase === 'restoring' && p.done >= 5) throw new Error('the app died');
      },
    });
    await expect(killed).rejects.toThrow('the app died');
    const written = await dumpDigest(dbName);
    expect(Object.values(written).reduce((n, store) => n + store.rows, 0)).toBeGreaterThan(1);
    expect(await restoreStateOf(dbName)).toBe('interrupted');
    const vault = testVault('half-restored', { dbName });
    expect((await vault.status()).kind).toBe('no-vault');
    expect((await vault.unlock(PASSPHRASE)).ok).toBe(false);

    const again = await restoreInto(dbName, bytes);
    if (!again.ok) throw new Error(again.error.message);
    expect(await dumpDigest(dbName, SEAL)).toEqual(await dumpDigest(source.vault.db.name, SEAL));
    expect((await vault.unlock(PASSPHRASE, { personId: source.vault.person?.personId })).ok).toBe(true);
    expect(vault.integrityFindings).toEqual([]);
  });

  it('a cancelled restore removes what it wrote', async () => {
    const dbName = uniqueDbName('restore-cancelled');
    const controller = new AbortController();
    const cancelled = await restoreInto(dbName, bytes, {
      signal: controller.signal,
      onProgress: (p: RestoreProgress) => {
        if (p.phase === 'restoring') controller.abort();
      },
    });
    expect(cancelled.ok === false && cancelled.error.code).toBe('BACKUP_CANCELLED');
    await expectEmpty(dbName);
  });
});
