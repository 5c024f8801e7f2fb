import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { useCases } from '../cases/CasesProvider';
import { useAsyncEffect } from '../hooks/useAsyncEffect';

/** How often a changed form on screen is written as an encrypted draft: at most this much typing is ever lost. */
export const AUTOSAVE_EVERY_MS = 3_000;

export type KeptDraftOffer = {
  /** When the draft was last written. */
  readonly savedAt: Date;
  readonly restore: () => void;
  readonly discard: () => void;
};

export type KeptDraft = {
  /** A draft left earlier (by autosave, a lock, leaving the form or a crash), offered when the form opens. */
  readonly offer: KeptDraftOffer | null;
  /** When this form's current changes were last written as a draft; null while nothing unsaved is kept. */
  readonly keptAt: Date | null;
  /** Call after the form saved its value: the draft is dropped, and that value no longer counts as unsaved. */
  readonly settle: () => void;
};

/**
 * Keeps a form's unsaved value. While the form is on screen and `dirty`, its value is written every few seconds as
 * an encrypted draft of the signed-in person (autosave), and again when the vault locks or the user leaves (see
 * `useLeaveGuard`). When the form opens, a kept draft that still parses with `schema` is offered: restore puts it back
 * through `onRestore`, discard forgets it; neither happens silently. A form that becomes clean drops its draft.
 * `schema` must be a module-level constant: a new schema each render would read the store again each render.
 */
export function useKeptDraft<T>(
  key: string,
  current: T,
  dirty: boolean,
  schema: z.ZodType<T>,
  onRestore: (value: T) => void,
): KeptDraft {
  const { keptDrafts } = useCases();
  const latest = useRef({ current, dirty });
  useEffect(() => {
    latest.current = { current, dirty };
  });
  /** The value the form last saved, as JSON: until it changes, nothing is unsaved even if `dirty` lags behind. */
  const settled = useRef<string | null>(null);
  /** The value last written as a draft, as JSON (null: nothing of this visit is stored). */
  const written = useRef<string | null>(null);
  const [keptAt, setKeptAt] = useState<Date | null>(null);
  const unsaved = useCallback((): unknown => {
    const { current: value, dirty: changed } = latest.current;
    if (!changed || (settled.current !== null && JSON.stringify(value) === settled.current)) return null;
    return value;
  }, []);
  useEffect(() => keptDrafts.register(key, unsaved), [keptDrafts, key, unsaved]);
  useEffect(() => {
    const timer = window.setInterval(() => {
      const value = unsaved();
      if (value === null) {
        if (written.current === null) return;
        written.current = null;
        setKeptAt(null);
        void keptDrafts.drop(key);
        return;
      }
      const json = JSON.stringify(value);
      if (json === written.current) return;
      written.current = json;
      void keptDrafts.keep(key, value).then((kept) => {
        if (kept) setKeptAt(new Date());
        else if (written.current === json) written.current = null; // the next tick tries again
      });
    }, AUTOSAVE_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      // Closing a form that holds nothing unsaved: a draft written earlier in this visit is stale.
      if (written.current !== null && unsaved() === null) void keptDrafts.drop(key);
    };
  }, [keptDrafts, key, unsaved]);

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
  const settle = useCallback(() => {
    settled.current = JSON.stringify(latest.current.current);
    written.current = null;
    setKeptAt(null);
    void keptDrafts.drop(key);
  }, [keptDrafts, key]);
  const forget = () => {
    setKept(null);
    // The store no longer holds this form's draft: whatever is on screen is written again at the next tick.
    written.current = null;
    void keptDrafts.drop(key);
  };
  const offer = kept && {
    savedAt: kept.savedAt,
    restore: () => {
      onRestore(kept.value);
      forget();
    },
    discard: forget,
  };
  return { offer, keptAt, settle };
}
