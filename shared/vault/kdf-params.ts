import { z } from 'zod';

/** Argon2id cost. libsodium fixes parallelism at 1, so only time and memory vary. */
export type KdfParams = { readonly iterations: number; readonly memoryBytes: number };

const MiB = 1024 * 1024;

/** What the app creates and the least it ever accepts when reading a header back. */
export const PRODUCTION_KDF_FLOOR: KdfParams = Object.freeze({ iterations: 3, memoryBytes: 256 * MiB });

/**
 * Test floor (t=3, m=64 MiB): only tests pass it, explicitly, so suites stay fast. The app never does —
 * every vault entry point defaults to PRODUCTION_KDF_FLOOR.
 */
export const TEST_KDF_FLOOR: KdfParams = /* @__PURE__ */ Object.freeze({ iterations: 3, memoryBytes: 64 * MiB });

/** Ceilings stop a crafted header from pinning gigabytes of memory or minutes of CPU before we refuse it. */
export const KDF_CEILING: KdfParams = Object.freeze({ iterations: 16, memoryBytes: 1024 * MiB });

export const kdfParamsSchema = z.object({
  iterations: z.number().int().positive(),
  memoryBytes: z.number().int().positive(),
});

export type KdfCheck =
  { readonly ok: true } | { readonly ok: false; readonly code: 'kdf-below-floor' | 'kdf-above-ceiling' };

/** A header whose cost is below the floor is treated as an attack (a downgrade), not as a setting. */
export function checkKdfParams(params: KdfParams, floor: KdfParams): KdfCheck {
  if (params.iterations < floor.iterations || params.memoryBytes < floor.memoryBytes) {
    return { ok: false, code: 'kdf-below-floor' };
  }
  if (params.iterations > KDF_CEILING.iterations || params.memoryBytes > KDF_CEILING.memoryBytes) {
    return { ok: false, code: 'kdf-above-ceiling' };
  }
  return { ok: true };
}
