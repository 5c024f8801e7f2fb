import { it } from 'vitest';
import type { ByteSink } from '@shared/bytes/byte-io';
import { memoryByteSink, memorySource } from '@shared/bytes/byte-io';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { ok } from '@shared/result';
import { TEST_KDF_FLOOR } from '@shared/vault/kdf-params';
import type { DeriveKey } from '@shared/vault/vault-keys';
import { storeAttachment } from '../../../renderer/src/vault/attachments/attachment-store';
import { backupVault } from '../../../renderer/src/vault/backup/backup-vault';
import { restoreVault } from '../../../renderer/src/vault/backup/restore-vault';
import { backedUpTables, openRawVaultDb, pageRowsFor, rawPages } from '../../../renderer/src/vault/backup/raw-vault-db';
import { VaultService } from '../../../renderer/src/vault/vault-service';
import { bestOf, reportRatio } from '../report';

/**
 * Backup and restore of a vault with 2,000 records and 64 MiB of evidence, against a plain copy of the same stored
 * bytes in the same run: backup vs reading every raw row and copying its bytes out; restore (verify pass, write pass,
 * read-back) vs adding the same raw rows to a fresh database.
 */

const MiB = 1024 * 1024;
const kit = await cryptoKit();
const PASSPHRASE = 'bench passphrase with 4 lanterns';
const derive: DeriveKey = async (p, s, params) => kit.argon2id(p, s, params.iterations, params.memoryBytes);

const discard = (): ByteSink & { bytes: number } => {
  const sink = {
    bytes: 0,
    write(chunk: Uint8Array) {
      sink.bytes += chunk.length;
      return Promise.resolve();
    },
  };
  return sink;
};

it('backup and restore vs a plain copy of the same stored bytes', async () => {
  const vault = new VaultService(kit, { dbName: `backup-bench-${Date.now()}`, kdf: TEST_KDF_FLOOR, derive });
  if (!(await vault.create(PASSPHRASE)).ok) throw new Error('vault');
  for (let i = 0; i < 2000; i += 200)
    await vault.db.cases.bulkPut(
      Array.from({ length: 200 }, (_, j) => ({
        id: `case-${i + j}`,
        createdAt: new Date(),
        updatedAt: new Date(),
        stage: 'draft',
        reference: `REF-${i + j}`,
        body: 'x'.repeat(1500),
      })),
    );
  const stored = await storeAttachment(vault.db, {
    id: 'evidence',
    caseId: 'case-1',
    fileName: 'image.bin',
    mediaType: 'application/octet-stream',
    source: new Blob([new Uint8Array(kit.randomBytes(64 * MiB))]),
    now: new Date(),
  });
  if (!stored.ok) throw new Error(stored.error.message);

  const raw = openRawVaultDb(vault.db.name);
  const plainRead = () =>
    bestOf(2, async () => {
      const sink = discard();
      for (const name of backedUpTables())
        for await (const page of rawPages(raw.table(name), pageRowsFor(name)))
          for (const row of page) await sink.write(Reflect.get(row as object, 'c') as Uint8Array);
    });
  const backupMs = await bestOf(2, async () => {
    const written = await backupVault({ vault, sink: discard(), appVersion: 'bench', now: new Date() });
    if (!written.ok) throw new Error(written.error.message);
  });
  const copyMs = await plainRead();
  reportRatio('backup (2,000 records + 64 MiB)', backupMs, 'plain read of the raw rows', copyMs);

  const memory = memoryByteSink();
  const written = await backupVault({ vault, sink: memory, appVersion: 'bench', now: new Date() });
  if (!written.ok) throw new Error(written.error.message);
  const bytes = memory.bytes();
  const rows: [string, unknown[]][] = [];
  for (const name of backedUpTables())
    for await (const page of rawPages(raw.table(name), pageRowsFor(name))) rows.push([name, page]);
  raw.close();

  let run = 0;
  const restoreMs = await bestOf(2, async () => {
    const restored = await restoreVault({
      kit,
      dbName: `backup-bench-restore-${Date.now()}-${run++}`,
      open: () => Promise.resolve(ok({ source: memorySource(bytes), close: () => Promise.resolve() })),
      derive,
      secret: { kind: 'passphrase', passphrase: PASSPHRASE },
      floor: TEST_KDF_FLOOR,
    });
    if (!restored.ok) throw new Error(restored.error.message);
  });
  const plainWriteMs = await bestOf(2, async () => {
    const target = openRawVaultDb(`backup-bench-plain-${Date.now()}-${run++}`);
    for (const [name, page] of rows)
      await target.transaction('rw', target.table(name), () => target.table(name).bulkAdd(page));
    target.close();
  });
  reportRatio(
    'restore (verify + write + read-back)',
    restoreMs,
    'plain write of the same raw rows',
    plainWriteMs,
    `${(bytes.length / MiB).toFixed(1)} MiB file; includes one Argon2id at the test floor`,
  );
}, 600_000);
