import type { RoleChangeRefusal } from '@shared/people/person-roles';
import type { VaultKeyErrorCode } from '@shared/vault/vault-keys';
import type { MigrationErrorCode } from './migrations/run-record-migrations';
import type { VaultWriteErrorCode } from './vault-write';

/** Someone with their own key slot, as the lock screen lists them. */
export type PersonEntry = { readonly personId: string; readonly name: string };

export const personEntry = (slot: { readonly personId: string; readonly name: string }): PersonEntry => ({
  personId: slot.personId,
  name: slot.name,
});

/** Every refusal the vault service and its people administration can answer with. */
export type VaultErrorCode =
  | VaultKeyErrorCode
  | VaultWriteErrorCode
  | MigrationErrorCode
  | 'vault-exists'
  | 'no-vault'
  | 'unlock-throttled'
  | 'header-changed'
  | 'same-person'
  | 'duplicate-name'
  | 'name-invalid'
  | RoleChangeRefusal;
