import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryByteSink } from '../../../shared/bytes/byte-io';
import { concatBytes, fromHex, u32be } from '../../../shared/bytes/bytes';
import type { CryptoKit } from '../../../shared/crypto/crypto-kit';
import { deriveBackupKey } from '../../../shared/backup/backup-keys';
import type { BackupErrorCode } from '../../../shared/backup/backup-error';
import { createBackupWriter } from '../../../shared/backup/write-backup';
import { seededRandom } from '../bundle/bundle-vectors';

/**
 * Backup test vectors (docs/backup-format.md §9): one valid backup of a small vault — records with plain indexes,
 * blind tokens and Dates, two attachment chunks — and altered copies, each with the secret to try and the result a
 * reader must give. The vault header, its key and secrets are fixed inputs (`vault.json`); the secretstream header
 * comes from the seeded RNG, so every byte is reproducible.
 */

export type BackupVaultInput = {
  readonly passphrase: string;
  readonly recoveryKey: string;
  readonly vaultKey: string;
  readonly header: { readonly vaultId: string } & Record<string, unknown>;
};

export type BackupVectorCase = {
  readonly name: string;
  readonly file: string;
  readonly secret: 'passphrase' | 'recovery-key' | 'wrong-passphrase';
  /** `test` = TEST_KDF_FLOOR (the header's own cost); `production` = the app's floor, which refuses this header. */
  readonly floor: 'test' | 'production';
  /** When set, the reader checks the backup is of this vault id. */
  readonly expectVaultId?: string;
  readonly expect: 'ok' | BackupErrorCode;
};

export type BackupVectorManifest = {
  readonly vault: string;
  readonly rows: Record<string, number>;
  readonly vectors: BackupVectorCase[];
};

export const BACKUP_VECTOR_DIR = import.meta.dirname;
const CREATED_AT = Date.UTC(2026, 2, 1, 9, 0, 0);

export function readVectorVault(): BackupVaultInput {
  return JSON.parse(readFileSync(join(BACKUP_VECTOR_DIR, 'vault.json'), 'utf8')) as BackupVaultInput;
}

function tables(kit: CryptoKit): [string, unknown[]][] {
  const random = seededRandom(kit, 'backup-rows');
  return [
    [
      'cases',
      [1, 2].map((n) => ({
        id: `case-${n}`,
        createdAt: new Date(CREATED_AT - n * 86_400_000),
        updatedAt: new Date(CREATED_AT),
        stage: 'draft',
        reference: 'a1'.repeat(16),
        v: 2,
        c: random(96),
      })),
    ],
    ['events', [{ id: 'event-1', caseId: 'case-1', at: CREATED_AT, seq: 1, v: 1, c: random(120) }]],
    ['attachments', [{ id: 'att-1', caseId: 'case-1', createdAt: new Date(CREATED_AT), v: 1, c: random(80) }]],
    ['attachmentChunks', [0, 1].map((index) => ({ attachmentId: 'att-1', index, c: random(4096 + 17) }))],
  ];
}

async function validBackup(kit: CryptoKit, vault: BackupVaultInput): Promise<Uint8Array> {
  const vaultKey = fromHex(vault.vaultKey, 32);
  if (!vaultKey) throw new Error('vault.json: bad vault key');
  const sink = memoryByteSink();
  const writer = await createBackupWriter({
    kit,
    backupKey: deriveBackupKey(kit, vaultKey),
    vaultHeader: vault.header,
    createdAt: CREATED_AT,
    sink,
    streamHeader: seededRandom(kit, 'backup-stream')(24),
  });
  for (const [table, rows] of tables(kit)) await writer.addRows(table, rows);
  await writer.finish({ appVersion: '1.0.0-vectors', schemaVersion: 4, officeName: 'Vector Office' });
  return sink.bytes();
}

const flip = (bytes: Uint8Array, at: number) => {
  const out = bytes.slice();
  out[at] = (out[at] ?? 0) ^ 0x01;
  return out;
};

export async function generateBackupVectors(
  kit: CryptoKit,
): Promise<{ manifest: BackupVectorManifest; files: Record<string, Uint8Array> }> {
  const vault = readVectorVault();
  const valid = await validBackup(kit, vault);
  const prologueLength = 14 + new DataView(valid.buffer).getUint32(10, false);
  const prologueText = new TextDecoder().decode(valid.subarray(0, prologueLength));
  const files: Record<string, Uint8Array> = {
    'valid.cbbackup': valid,
    'truncated.cbbackup': valid.subarray(0, valid.length - 10),
    'trailing-data.cbbackup': concatBytes(valid, new Uint8Array([0])),
    'frame-altered.cbbackup': flip(valid, valid.length - 200),
    // One byte of the plaintext prologue (the person's display name, bound by no wrap): every frame's AD catches it.
    'prologue-altered.cbbackup': flip(valid, prologueText.indexOf('Vector Person')),
    'bad-magic.cbbackup': flip(valid, 0),
    'version-2.cbbackup': concatBytes(valid.subarray(0, 8), new Uint8Array([0, 2]), valid.subarray(10)),
    'prologue-too-long.cbbackup': concatBytes(valid.subarray(0, 10), u32be(2 * 1024 * 1024), valid.subarray(14)),
  };
  const vectors: BackupVectorCase[] = [
    { name: 'opens with the passphrase', file: 'valid.cbbackup', secret: 'passphrase', floor: 'test', expect: 'ok' },
    { name: 'opens with the recovery key', file: 'valid.cbbackup', secret: 'recovery-key', floor: 'test', expect: 'ok' },
    { name: 'wrong passphrase', file: 'valid.cbbackup', secret: 'wrong-passphrase', floor: 'test', expect: 'BACKUP_WRONG_PASSPHRASE' },
    { name: 'header below the reader floor', file: 'valid.cbbackup', secret: 'passphrase', floor: 'production', expect: 'BACKUP_HEADER_INVALID' },
    {
      name: 'backup of another vault',
      file: 'valid.cbbackup',
      secret: 'passphrase',
      floor: 'test',
      expectVaultId: '00000000-0000-4000-8000-000000000000',
      expect: 'BACKUP_OTHER_VAULT',
    },
    { name: 'truncated', file: 'truncated.cbbackup', secret: 'passphrase', floor: 'test', expect: 'BACKUP_TRUNCATED' },
    { name: 'trailing data', file: 'trailing-data.cbbackup', secret: 'passphrase', floor: 'test', expect: 'BACKUP_TRAILING_DATA' },
    { name: 'a frame altered', file: 'frame-altered.cbbackup', secret: 'passphrase', floor: 'test', expect: 'BACKUP_CHUNK_INVALID' },
    { name: 'the prologue altered', file: 'prologue-altered.cbbackup', secret: 'passphrase', floor: 'test', expect: 'BACKUP_CHUNK_INVALID' },
    { name: 'not a backup', file: 'bad-magic.cbbackup', secret: 'passphrase', floor: 'test', expect: 'BACKUP_MALFORMED' },
    { name: 'a newer format', file: 'version-2.cbbackup', secret: 'passphrase', floor: 'test', expect: 'BACKUP_VERSION_UNSUPPORTED' },
    { name: 'prologue over its limit', file: 'prologue-too-long.cbbackup', secret: 'passphrase', floor: 'test', expect: 'BACKUP_LIMIT_EXCEEDED' },
  ];
  const rows = Object.fromEntries(tables(kit).map(([table, list]) => [table, list.length]));
  return { manifest: { vault: 'vault.json', rows, vectors }, files };
}
