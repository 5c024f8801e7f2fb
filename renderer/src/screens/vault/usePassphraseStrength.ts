import { useCallback, useState } from 'react';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { useAsyncEffect } from '../../hooks/useAsyncEffect';

export type Strength = {
  readonly score: 0 | 1 | 2 | 3 | 4;
  readonly warning: string | null;
  readonly suggestions: readonly string[];
};

/** The weakest score we accept for a vault passphrase (zxcvbn: 3 = "safely unguessable"). */
export const MIN_STRENGTH_SCORE = 3;

let estimator: Promise<ZxcvbnFactory> | undefined;

/** zxcvbn-ts and its dictionaries are large; load them only when someone chooses a passphrase. */
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        translations: en.translations,
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...en.dictionary },
      }),
  );
  return estimator;
}

/** Strength of `passphrase` (null while the estimator loads or the field is empty). */
export function usePassphraseStrength(passphrase: string): Strength | null {
  const [result, setResult] = useState<{ for: string; strength: Strength } | null>(null);
  useAsyncEffect(
    useCallback(
      async ({ alive }) => {
        if (passphrase === '') return;
        const factory = await loadEstimator();
        if (!alive()) return;
        const checked = factory.check(passphrase, ['casebridge']);
        setResult({
          for: passphrase,
          strength: {
            score: checked.score,
            warning: checked.feedback.warning,
            suggestions: checked.feedback.suggestions,
          },
        });
      },
      [passphrase],
    ),
  );
  return passphrase !== '' && result?.for === passphrase ? result.strength : null;
}
