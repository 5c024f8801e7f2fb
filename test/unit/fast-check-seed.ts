import fc from 'fast-check';

/**
 * Property tests run on random seeds (fast-check prints the seed and path of any failure). `FC_SEED=<seed>` replays
 * one: every property of the run then starts from that seed, as the failure message says.
 */
const seed = process.env['FC_SEED'];
if (seed !== undefined && seed !== '') {
  const parsed = Number(seed);
  if (!Number.isInteger(parsed)) throw new Error(`FC_SEED must be an integer, not "${seed}".`);
  fc.configureGlobal({ seed: parsed });
}
