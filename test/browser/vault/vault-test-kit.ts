import { cryptoKit } from '@shared/crypto/crypto-kit';
import { TEST_KDF_FLOOR } from '@shared/vault/kdf-params';
import type { DeriveKey } from '@shared/vault/vault-keys';
import { VaultService } from '../../../renderer/src/vault/vault-service';
import type { MigrationPlan } from '../../../renderer/src/vault/migrations/migration-plan';

export const kit = await cryptoKit();

/** Argon2id on the test page's thread at the test floor (fast); the app uses the worker at the production floor. */
export const deriveHere: DeriveKey = async (passphrase, salt, params) =>
  kit.argon2id(passphrase, salt, params.iterations, params.memoryBytes);

export const PASSPHRASE = 'tidal lanterns hum over 47 quiet harbours';

let counter = 0;
export function uniqueDbName(label: string): string {
  return `vault-test-${label}-${Date.now()}-${counter++}`;
}

export type TestVaultOptions = {
  readonly now?: () => Date;
  readonly derive?: DeriveKey;
  /** Reopen an existing test database (another service over the same data), instead of a new one. */
  readonly dbName?: string;
  readonly migrationPlan?: MigrationPlan;
};

/** A vault service on its own database, at the explicit test floor. */
export function testVault(label: string, options: TestVaultOptions = {}): VaultService {
  return new VaultService(kit, {
    dbName: options.dbName ?? uniqueDbName(label),
    kdf: TEST_KDF_FLOOR,
    derive: options.derive ?? deriveHere,
    now: options.now,
    migrationPlan: options.migrationPlan,
  });
}

export async function createdVault(label: string, options: { derive?: DeriveKey } = {}): Promise<VaultService> {
  const vault = testVault(label, options);
  const created = await vault.create(PASSPHRASE);
  if (!created.ok) throw new Error(created.error.message);
  return vault;
}
