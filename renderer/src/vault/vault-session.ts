import type { VaultService } from './vault-service';
import type { OfficeProfile } from './records/office-profile';

/** What an unlocked app gets from the vault gate: the open vault, the profile, and the lock. */
export type VaultSession = {
  readonly vault: VaultService;
  readonly profile: OfficeProfile | null;
  /** The training office: sample data, and nothing leaves it or comes in (docs/training-office.md). */
  readonly training?: boolean;
  readonly lock: () => void;
  readonly idleLockMinutes: number;
  readonly setIdleLockMinutes: (minutes: number) => void;
};
