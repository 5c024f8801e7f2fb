import { useCallback, useEffect, useState } from 'react';
import type { Result } from '@shared/result';

export type CallState<T> = { readonly status: 'loading' } | { readonly status: 'done'; readonly result: Result<T> };

/** Runs a shell call on mount (and on `reload`), tracking its result; stale answers are dropped. */
export function useShellCall<T>(call: () => Promise<Result<T>>): [CallState<T>, () => void] {
  const [state, setState] = useState<CallState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    call().then(
      (result) => current && setState({ status: 'done', result }),
      (error: unknown) =>
        current &&
        setState({ status: 'done', result: { ok: false, error: { code: 'internal', message: String(error) } } }),
    );
    return () => {
      current = false;
    };
  }, [call, generation]);
  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setGeneration((g) => g + 1);
  }, []);
  return [state, reload];
}
