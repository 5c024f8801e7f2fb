import { vaultHeaderSchema } from '@shared/vault/vault-header';
import { schemaV2 } from '../schema/v2';
import { schemaV3 } from '../schema/v3';
import { VAULT_HEADER_ROW_ID } from '../vault-header-row';
import { syncPersonKeys } from '../person-keys-store';
import { defineRecordMigration } from './record-migration';

/**
 * Personal signing: each person's current signing key (from their key slot) is recorded from the moment of the
 * upgrade. Events recorded before it stay unsigned (format 1) and are shown as "before personal signing"; every
 * event after it is signed by its person, and an unsigned event dated later is reported as forged.
 */
export const migrationToV3 = defineRecordMigration(schemaV2, schemaV3, {
  description: 'each person’s signing key is recorded; personal signing of audit events starts now',
  tables: ['vaultHeader', 'personKeys'],
  migrate: async ({ db, now }) => {
    const row: unknown = await db.vaultHeader.get(VAULT_HEADER_ROW_ID);
    const header = vaultHeaderSchema.safeParse(
      typeof row === 'object' && row !== null ? Reflect.get(row, 'header') : null,
    );
    // A vault from before persons gets its first slot only when its header is upgraded; that write records the key.
    if (header.success) await syncPersonKeys(db, header.data, now);
  },
});
