import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memorySource } from '@shared/bytes/byte-io';
import { verifyBackup } from '@shared/backup/verify-backup';
import { PRODUCTION_KDF_FLOOR, TEST_KDF_FLOOR } from '@shared/vault/kdf-params';
import {
  BACKUP_VECTOR_DIR,
  generateBackupVectors,
  readVectorVault,
  type BackupVectorCase,
  type BackupVectorManifest,
} from '../../vectors/backup/backup-vectors';
import { derive, kit } from './backup-fixtures';

const manifest = JSON.parse(readFileSync(join(BACKUP_VECTOR_DIR, 'manifest.json'), 'utf8')) as BackupVectorManifest;
const vault = readVectorVault();

function secretFor(vector: BackupVectorCase) {
  switch (vector.secret) {
    case 'passphrase':
      return { kind: 'passphrase', passphrase: vault.passphrase } as const;
    case 'wrong-passphrase':
      return { kind: 'passphrase', passphrase: `${vault.passphrase}!` } as const;
    case 'recovery-key':
      return { kind: 'recovery-key', recoveryKey: vault.recoveryKey } as const;
  }
}

describe('backup test vectors', () => {
  it('are reproduced byte for byte by the generator (fixed vault, seeded RNG)', async () => {
    const generated = await generateBackupVectors(kit);
    expect(JSON.parse(JSON.stringify(generated.manifest))).toEqual(manifest);
    const committed = readdirSync(BACKUP_VECTOR_DIR)
      .filter((name) => name.endsWith('.cbbackup'))
      .sort();
    expect(committed).toEqual(Object.keys(generated.files).sort());
    for (const [name, bytes] of Object.entries(generated.files))
      expect(kit.equal(new Uint8Array(readFileSync(join(BACKUP_VECTOR_DIR, name))), bytes), name).toBe(true);
  });

  it.each(manifest.vectors.map((vector) => [vector.name, vector] as const))('%s', async (_name, vector) => {
    const bytes = new Uint8Array(readFileSync(join(BACKUP_VECTOR_DIR, vector.file)));
    const result = await verifyBackup({
      kit,
      source: memorySource(bytes),
      derive,
      secret: secretFor(vector),
      floor: vector.floor === 'test' ? TEST_KDF_FLOOR : PRODUCTION_KDF_FLOOR,
      ...(vector.expectVaultId ? { expectVaultId: vector.expectVaultId } : {}),
    });
    if (vector.expect === 'ok') {
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value.manifest.tables.map((table) => [table.name, table.rows])).toEqual(
        Object.entries(manifest.rows),
      );
    } else expect(result.ok === false && result.error.code).toBe(vector.expect);
  });
});
