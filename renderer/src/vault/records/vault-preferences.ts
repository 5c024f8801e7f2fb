import { z } from 'zod';

export const PREFERENCES_ID = 'preferences';

/** The idle-lock choices the UI offers; anything else read back is refused and the default used. */
export const idleLockMinuteChoices = [1, 5, 10, 15, 30, 60] as const;
export const DEFAULT_IDLE_LOCK_MINUTES = 10;

export const vaultPreferencesSchema = z.strictObject({
  id: z.literal(PREFERENCES_ID),
  idleLockMinutes: z.union(idleLockMinuteChoices.map((m) => z.literal(m))),
});
export type VaultPreferences = z.infer<typeof vaultPreferencesSchema>;

export const defaultPreferences: VaultPreferences = { id: PREFERENCES_ID, idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES };
