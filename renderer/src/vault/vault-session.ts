import type { VaultService } from './vault-service';
import type { OfficeProfile } from './records/office-profile';

/** What an unlocked app gets from the vault gate: the open vault, the profile, and the lock. */
export type VaultSession = {
  readonly vault: VaultService;
  readonly profile: OfficeProfile | null;
  readonly lock: () => void;
  readonly idleLockMinutes: number;
  readonly setIdleLockMinutes: (minutes: number) => void;
};
