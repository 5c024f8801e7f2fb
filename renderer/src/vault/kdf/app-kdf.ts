import { PRODUCTION_KDF_FLOOR, TEST_KDF_FLOOR, type KdfParams } from '@shared/vault/kdf-params';

/**
 * The Argon2id cost the app creates vaults at, and the least it accepts when reading a header or a backup back.
 * Every build of the app gets PRODUCTION_KDF_FLOOR: the bundler folds the mode to a constant and drops the other
 * branch. Only the e2e suite's own build (`electron-vite build --mode e2e`, written to out/renderer-e2e, never
 * packaged) uses the test floor, so its journeys spend seconds on clicks rather than on 256 MiB derivations;
 * `test/e2e/vault.spec.ts` runs the shipped build and checks the production cost.
 */
export const APP_KDF: KdfParams = import.meta.env.MODE === 'e2e' ? TEST_KDF_FLOOR : PRODUCTION_KDF_FLOOR;
