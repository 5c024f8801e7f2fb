import { err, ok, type Result } from '@shared/result';
import type { VaultDb } from '../vault-db';
import { vaultWrite, type VaultWriteErrorCode } from '../vault-write';
import { readDataVersion, writeDataVersion } from './data-version';
import { latestVersion, type MigrationPlan } from './migration-plan';
import type { MigrationEnv } from './record-migration';

export type MigrationErrorCode = 'vault-too-new' | 'data-version-unreadable' | VaultWriteErrorCode;

export type MigrationOutcome = { readonly from: number; readonly to: number; readonly applied: readonly string[] };

/**
 * Brings the encrypted records up to the newest schema version, one step per transaction. A crash inside a step
 * rolls that step back; the next unlock resumes at the first step that did not commit. A vault written by a newer
 * build is refused untouched: this build cannot know what its records mean.
 */
export async function runRecordMigrations(
  db: VaultDb,
  plan: MigrationPlan,
  now: Date,
  person: MigrationEnv['person'] = null,
): Promise<Result<MigrationOutcome, MigrationErrorCode>> {
  const latest = latestVersion(plan);
  let stored: number;
  try {
    stored = await readDataVersion(db);
  } catch {
    return err(
      'data-version-unreadable',
      'The vault does not say which version its records are in, so it was not opened. Restore it from a backup.',
    );
  }
  if (stored > latest) {
    return err(
      'vault-too-new',
      `This vault was last used by a newer Casebridge (record version ${stored}; this one reads up to ${latest}). Nothing was changed. Install the newer version to open it.`,
    );
  }
  const applied: string[] = [];
  for (let version = stored + 1; version <= latest; version++) {
    const step = plan.migrations.find((candidate) => candidate.to === version);
    const tables = [db.settings, ...(step?.tables ?? []).map((name) => db.table(name))];
    const written = await vaultWrite(db, tables, async () => {
      // Checked again inside the transaction: another window may have run this step meanwhile.
      if ((await readDataVersion(db)) >= version) return false;
      await step?.migrate({ db, now, person });
      await writeDataVersion(db, version, now);
      return true;
    });
    if (!written.ok) return written;
    if (written.value && step) applied.push(step.description);
  }
  return ok({ from: stored, to: latest, applied });
}
