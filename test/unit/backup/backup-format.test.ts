import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memorySource } from '@shared/bytes/byte-io';
import { BACKUP_ERROR_CODES, type BackupErrorCode } from '@shared/backup/backup-error';
import { deriveBackupKey } from '@shared/backup/backup-keys';
import { readBackupBody, readBackupPrologue } from '@shared/backup/read-backup';
import { kit, sampleTables, testVault, verify, writeSample } from './backup-fixtures';

/** Reads a backup with the key already derived (no Argon2id per run), collecting every row it hands out. */
async function readWithKey(bytes: Uint8Array, vaultKey: Uint8Array) {
  const source = memorySource(bytes);
  const opened = await readBackupPrologue(kit, source);
  if (!opened.ok) return opened;
  const rows: [string, unknown][] = [];
  const backupKey = deriveBackupKey(kit, vaultKey);
  const body = await readBackupBody({
    kit,
    source,
    opened: opened.value,
    backupKey,
    onRows: async (table, batch) => {
      for (const row of batch) rows.push([table, row]);
    },
  });
  return body.ok ? { ok: true as const, value: { manifest: body.value, rows } } : body;
}

function expectRefused(result: { ok: boolean; error?: { code: string; message: string } }, code?: BackupErrorCode) {
  expect(result.ok).toBe(false);
  if (result.error) {
    expect(BACKUP_ERROR_CODES).toContain(result.error.code);
    expect(result.error.message.length).toBeGreaterThan(20);
    if (code) expect(result.error.code).toBe(code);
  }
}

describe('backup format', async () => {
  const vault = await testVault();
  const valid = await writeSample(vault);

  it('round-trips every row (bytes and Dates included) with a manifest of counts and hashes', async () => {
    const read = await readWithKey(valid, vault.vaultKey);
    if (!read.ok) throw new Error(read.error.message);
    const expected = sampleTables().flatMap(([table, rows]) => rows.map((row) => [table, row]));
    expect(read.value.rows).toEqual(expected);
    expect(read.value.manifest.tables.map((t) => [t.name, t.rows])).toEqual([
      ['cases', 3],
      ['attachments', 1],
      ['attachmentChunks', 3],
      ['bundleLedger', 1],
    ]);
    expect(read.value.manifest.vaultId).toBe(vault.header.vaultId);
    expect(read.value.manifest.officeName).toBe('Test Office');
  });

  it('opens with the passphrase or the recovery key, and with nothing else', async () => {
    expect((await verify(valid)).ok).toBe(true);
    expect((await verify(valid, { kind: 'recovery-key', recoveryKey: vault.recoveryKey })).ok).toBe(true);
    expectRefused(
      await verify(valid, { kind: 'passphrase', passphrase: 'seven brass kettles sing at dusk' }),
      'BACKUP_WRONG_PASSPHRASE',
    );
    const other = await testVault('0a0b0c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d');
    expectRefused(
      await verify(valid, { kind: 'recovery-key', recoveryKey: other.recoveryKey }),
      'BACKUP_WRONG_RECOVERY_KEY',
    );
    expectRefused(
      await verify(valid, { kind: 'recovery-key', recoveryKey: 'AAAA-BBBB' }),
      'BACKUP_RECOVERY_KEY_FORMAT',
    );
  });

  it('reports a backup of another vault, naming it', async () => {
    const result = await verify(valid, undefined, { expectVaultId: '0a0b0c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d' });
    expectRefused(result, 'BACKUP_OTHER_VAULT');
    if (!result.ok) expect(result.error.message).toContain(vault.header.vaultId);
  });

  it('refuses a backup truncated at 10 random offsets (and at every frame boundary shape)', async () => {
    const offsets = fc.sample(fc.nat({ max: valid.length - 1 }), { numRuns: 10, seed: 14 });
    for (const offset of [...offsets, 0, 13, valid.length - 1]) {
      const result = await readWithKey(valid.subarray(0, offset), vault.vaultKey);
      expectRefused(result, 'BACKUP_TRUNCATED');
    }
  });

  it('refuses trailing bytes after the final frame', async () => {
    const longer = new Uint8Array(valid.length + 3);
    longer.set(valid);
    expectRefused(await readWithKey(longer, vault.vaultKey), 'BACKUP_TRAILING_DATA');
  });

  it('refuses any single changed byte with a published code, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
        const changed = valid.slice();
        changed[at] = (changed[at] ?? 0) ^ xor;
        expectRefused(await readWithKey(changed, vault.vaultKey));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a table that starts again after another (rows reordered by a faulty writer)', async () => {
    const tables = sampleTables(100);
    const broken = [...tables, tables[0] ?? ['cases', []]] as [string, unknown[]][];
    await expect(writeSample(vault, broken)).rejects.toThrow(/twice/);
  });
});
