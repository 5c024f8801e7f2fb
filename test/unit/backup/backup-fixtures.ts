import { memoryByteSink, memorySource } from '@shared/bytes/byte-io';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { TEST_KDF_FLOOR } from '@shared/vault/kdf-params';
import { addRecoveryKey, createVaultKey, type DeriveKey } from '@shared/vault/vault-keys';
import { deriveBackupKey } from '@shared/backup/backup-keys';
import { createBackupWriter } from '@shared/backup/write-backup';
import { verifyBackup, type VerifyBackupOptions } from '@shared/backup/verify-backup';
import type { BackupSecret } from '@shared/backup/backup-keys';

export const kit = await cryptoKit();
export const derive: DeriveKey = async (passphrase, salt, params) =>
  kit.argon2id(passphrase, salt, params.iterations, params.memoryBytes);
export const PASSPHRASE = 'seven brass kettles sing at dawn';

/** A vault header (one person, a recovery key) at the test floor, and its vault key. */
export async function testVault(vaultId = '7d3c2b1a-0f9e-4d8c-9b7a-6f5e4d3c2b1a') {
  const created = await createVaultKey({
    kit,
    derive,
    person: { personId: '11111111-2222-4333-8444-555555555555', name: 'Ada', passphrase: PASSPHRASE },
    vaultId,
    now: new Date(Date.UTC(2026, 0, 2)),
    kdf: TEST_KDF_FLOOR,
  });
  const recovered = addRecoveryKey({ kit, header: created.header, vaultKey: created.vaultKey, now: new Date(0) });
  return { header: recovered.header, vaultKey: created.vaultKey, recoveryKey: recovered.recoveryKey };
}

/** Rows shaped like the vault's stored rows: ids, plain indexes, Dates, record ciphertexts, attachment chunks. */
export function sampleTables(chunkBytes = 70_000): [string, unknown[]][] {
  const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 255);
  return [
    ['cases', [1, 2, 3].map((n) => ({ id: `case-${n}`, createdAt: n * 1000, stage: 'open', v: 2, c: bytes(80, n) }))],
    [
      'attachments',
      [{ id: 'att-1', caseId: 'case-1', createdAt: new Date(Date.UTC(2026, 1, 3)), v: 1, c: bytes(120, 9) }],
    ],
    ['attachmentChunks', [0, 1, 2].map((index) => ({ attachmentId: 'att-1', index, c: bytes(chunkBytes, index) }))],
    ['bundleLedger', [{ id: 'l-1', recordedAt: 5, bundleId: 'ab'.repeat(16), v: 1, c: bytes(60, 4) }]],
  ];
}

export async function writeSample(
  vault: Awaited<ReturnType<typeof testVault>>,
  tables = sampleTables(),
  streamHeader?: Uint8Array,
): Promise<Uint8Array> {
  const sink = memoryByteSink();
  const backupKey = deriveBackupKey(kit, vault.vaultKey);
  const writer = await createBackupWriter({
    kit,
    backupKey,
    vaultHeader: vault.header,
    createdAt: Date.UTC(2026, 2, 4),
    sink,
    streamHeader,
  });
  for (const [table, rows] of tables) await writer.addRows(table, rows);
  await writer.finish({ appVersion: '0.0.0-test', schemaVersion: 4, officeName: 'Test Office' });
  kit.wipe(backupKey);
  return sink.bytes();
}

export function verify(
  bytes: Uint8Array,
  secret: BackupSecret = { kind: 'passphrase', passphrase: PASSPHRASE },
  extra: Partial<VerifyBackupOptions> = {},
) {
  return verifyBackup({ kit, source: memorySource(bytes), derive, secret, floor: TEST_KDF_FLOOR, ...extra });
}
