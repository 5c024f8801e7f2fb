import { useEffect } from 'react';

/** What an async effect is given: whether its answer is still wanted, and a place to register clean-up. */
export type AsyncEffectScope = {
  /** False once the effect changed or the component unmounted: a late answer must then be dropped. */
  readonly alive: () => boolean;
  /** Runs when the effect is torn down; at once if it already was (so a late resource is never left behind). */
  readonly onCleanup: (cleanup: () => void) => void;
};

export type AsyncEffect = (scope: AsyncEffectScope) => Promise<void>;

/**
 * `useEffect` for async work. Pass the effect through `useCallback` with its dependencies (the hooks lint rule then
 * checks them); it runs again whenever that callback changes. The effect learns through `scope.alive()` whether its
 * answer is still wanted, so no component keeps its own `let current = true` flag. A rejection never floats: an
 * effect that wants to show a failure catches it; anything else is reported on the console (e2e tests fail on it).
 */
export function useAsyncEffect(effect: AsyncEffect): void {
  useEffect(() => {
    let alive = true;
    const cleanups: (() => void)[] = [];
    const scope: AsyncEffectScope = {
      alive: () => alive,
      onCleanup: (cleanup) => (alive ? cleanups.push(cleanup) : cleanup()),
    };
    effect(scope).catch((error: unknown) => console.error('An async effect failed', error));
    return () => {
      alive = false;
      for (const cleanup of cleanups) cleanup();
    };
  }, [effect]);
}
