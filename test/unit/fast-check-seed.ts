import { relative } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';

/**
 * Property tests run on random seeds (fast-check prints the seed and path of any failure). `FC_SEED=<seed>` replays
 * one: every property of the run then starts from that seed, as the failure message says.
 */
const seed = process.env['FC_SEED'];
let pinned: number | undefined;
if (seed !== undefined && seed !== '') {
  pinned = Number(seed);
  if (!Number.isInteger(pinned)) throw new Error(`FC_SEED must be an integer, not "${seed}".`);
}

/** A failing property ends with the one command line that replays it. */
fc.configureGlobal({
  ...(pinned === undefined ? {} : { seed: pinned }),
  reporter(details) {
    if (!details.failed) return;
    const file = relative(process.cwd(), expect.getState().testPath ?? '<test file>');
    throw new Error(
      `${fc.defaultReportMessage(details) ?? 'Property failed.'}\n\nReplay: FC_SEED=${details.seed} npx vitest run --project unit ${file}`,
    );
  },
});
