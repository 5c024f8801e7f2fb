import { resolve } from 'node:path';

/**
 * Which renderer build a shell serves. `e2e` (the default) is the suite's own build, identical to the app's but for
 * the KDF cost it creates vaults at (TEST_KDF_FLOOR, renderer/src/vault/kdf/app-kdf.ts); `shipped` is out/renderer,
 * the build the app packages, at the production cost.
 */
export type RendererBuild = 'e2e' | 'shipped';
export const rendererRoots: Readonly<Record<RendererBuild, string>> = {
  e2e: resolve(import.meta.dirname, '../../../out/renderer-e2e'),
  shipped: resolve(import.meta.dirname, '../../../out/renderer'),
};
