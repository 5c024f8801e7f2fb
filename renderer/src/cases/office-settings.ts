import { z } from 'zod';
import type { Result } from '@shared/result';
import type { OfficeSettings } from '@shared/workflow/workflow-types';
import type { VaultDb } from '../vault/vault-db';
import { vaultWrite, type VaultWriteErrorCode } from '../vault/vault-write';
import { DEFAULT_OFFICE_SETTINGS } from './workflow-context';

export const OFFICE_SETTINGS_ID = 'workflow-settings';

const officeSettingsRecordSchema = z.strictObject({
  id: z.literal(OFFICE_SETTINGS_ID),
  requireSecondPersonAuthorisation: z.boolean(),
  /** Added later: a record saved before it has none, which means national holidays only. */
  holidayRegions: z.record(z.string().regex(/^[A-Z]{2}$/), z.string().regex(/^[A-Z0-9]{1,3}$/)).optional(),
});

/** The office's workflow rules (encrypted in the settings table); the defaults when none were saved. */
export async function readOfficeSettings(db: VaultDb): Promise<OfficeSettings> {
  const parsed = officeSettingsRecordSchema.safeParse(await db.settings.get(OFFICE_SETTINGS_ID));
  return parsed.success
    ? {
        requireSecondPersonAuthorisation: parsed.data.requireSecondPersonAuthorisation,
        holidayRegions: parsed.data.holidayRegions ?? {},
      }
    : DEFAULT_OFFICE_SETTINGS;
}

export function saveOfficeSettings(db: VaultDb, settings: OfficeSettings): Promise<Result<void, VaultWriteErrorCode>> {
  return vaultWrite(db, [db.settings], async () => {
    await db.settings.put({
      id: OFFICE_SETTINGS_ID,
      requireSecondPersonAuthorisation: settings.requireSecondPersonAuthorisation,
      holidayRegions: settings.holidayRegions,
    });
  });
}
