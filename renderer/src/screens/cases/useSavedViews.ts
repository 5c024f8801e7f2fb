import { useCallback, useState } from 'react';
import { useCases } from '../../cases/CasesProvider';
import type { CaseView, SavedView } from '../../cases/saved-views';
import { useAsyncEffect } from '../../hooks/useAsyncEffect';

/** The signed-in person's saved views, and saving or deleting one (each a write to the encrypted vault). */
export function useSavedViews() {
  const { savedViews } = useCases();
  const [views, setViews] = useState<readonly SavedView[]>([]);
  useAsyncEffect(
    useCallback(
      async ({ alive }) => {
        const read = await savedViews.read();
        if (alive()) setViews(read);
      },
      [savedViews],
    ),
  );
  const replace = useCallback(
    async (next: readonly SavedView[]): Promise<string | null> => {
      const written = await savedViews.write(next);
      if (!written.ok) return written.error.message;
      setViews(next);
      return null;
    },
    [savedViews],
  );
  /** Saves `view` under `name` (a view of the same name is replaced); the error message, or null. */
  const save = useCallback(
    (name: string, view: CaseView, id: string) =>
      replace([...views.filter((v) => v.name !== name), { ...view, id, name }]),
    [views, replace],
  );
  const remove = useCallback((id: string) => replace(views.filter((v) => v.id !== id)), [views, replace]);
  return { views, save, remove };
}
