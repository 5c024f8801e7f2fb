import { useCallback, useState } from 'react';
import i18next from 'i18next';
import { err, type Result } from '@shared/result';
import { useAsyncEffect } from './useAsyncEffect';

export type CallState<T> = { readonly status: 'loading' } | { readonly status: 'done'; readonly result: Result<T> };

/** Asks the shell once; a rejection (the bridge itself broke) becomes a stable code, worded, with the detail logged. */
async function ask<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch (error: unknown) {
    console.error('A shell call was rejected', error);
    return err('bridge-failed', i18next.t('app.bridgeFailed'));
  }
}

/** Runs a shell call on mount (and on `reload`), tracking its result; stale answers are dropped. */
export function useShellCall<T>(call: () => Promise<Result<T>>): [CallState<T>, () => void] {
  const [state, setState] = useState<CallState<T>>({ status: 'loading' });
  const [request, setRequest] = useState({ call });
  // A new `call` (or a reload) is a new request; the effect below follows the request object.
  if (request.call !== call) setRequest({ call });
  useAsyncEffect(
    useCallback(
      async ({ alive }) => {
        const result = await ask(request.call);
        if (alive()) setState({ status: 'done', result });
      },
      [request],
    ),
  );
  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setRequest({ call });
  }, [call]);
  return [state, reload];
}
