import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { useCases } from '../cases/CasesProvider';
import { useAsyncEffect } from '../hooks/useAsyncEffect';

export type KeptDraftOffer = {
  /** When the form was kept (the moment the vault locked). */
  readonly savedAt: Date;
  readonly restore: () => void;
  readonly discard: () => void;
};

/**
 * Keeps a form's unsaved value across a lock. While the form is on screen and `dirty`, locking the vault writes its
 * value as an encrypted draft of the signed-in person. When the form opens again, a kept draft that still parses with
 * `schema` is offered: restore puts it back through `onRestore`, discard forgets it; neither happens silently.
 * `schema` must be a module-level constant: a new schema each render would read the store again each render.
 */
export function useKeptDraft<T>(
  key: string,
  current: T,
  dirty: boolean,
  schema: z.ZodType<T>,
  onRestore: (value: T) => void,
): KeptDraftOffer | null {
  const { keptDrafts } = useCases();
  const latest = useRef({ current, dirty });
  useEffect(() => {
    latest.current = { current, dirty };
  });
  useEffect(
    () => keptDrafts.register(key, () => (latest.current.dirty ? latest.current.current : null)),
    [keptDrafts, key],
  );
  const [kept, setKept] = useState<{ value: T; savedAt: Date } | null>(null);
  useAsyncEffect(
    useCallback(
      async ({ alive }) => {
        const record = await keptDrafts.read(key);
        if (!record) return;
        const parsed = schema.safeParse(record.value);
        // A draft this version cannot read (an older form shape) is of no use to anyone: it is dropped.
        if (!parsed.success) return keptDrafts.drop(key);
        if (alive()) setKept({ value: parsed.data, savedAt: record.savedAt });
      },
      [keptDrafts, key, schema],
    ),
  );
  if (!kept) return null;
  const forget = () => {
    setKept(null);
    void keptDrafts.drop(key);
  };
  return {
    savedAt: kept.savedAt,
    restore: () => {
      onRestore(kept.value);
      forget();
    },
    discard: forget,
  };
}
