import { useCallback, useRef, useState } from 'react';
import type { InboxState } from '@shared/exchange/inbox-entry';
import type { LedgerEntry } from '@shared/exchange/ledger-entry';
import type { BundleFile } from '@shared/ipc/contract';
import type { TrustStore } from '@shared/offices/trust-store';
import { useAsyncEffect } from '../hooks/useAsyncEffect';
import type { ExchangeDeps } from './exchange-deps';
import { useExchange } from './ExchangeProvider';
import { classifyBundleFile } from './inbox-scan';

/** How often the inserted drives are looked at while the vault is open. */
export const NEW_BUNDLE_POLL_MS = 15_000;

/** What a file was found to be, by token, size and modification time (so a changed file is read again). */
export type GlanceCache = Map<string, InboxState>;

const fileKey = (file: BundleFile) => `${file.fileToken}|${file.bytes}|${file.modifiedAt}`;

/**
 * Counts the bundles on the removable drives the app lists that the inbox would call "new": a verified partner's
 * bundle for this office, valid, not in the ledger. Each file's signed header alone is read (no decryption, no
 * item hashes; one chunk per file) and the answer is remembered, so a poll of an unchanged drive reads nothing but
 * its folder. A drive that cannot be read is left out. Returns null when the drive list itself failed or `alive`
 * turned false.
 */
export async function countNewBundles(
  deps: ExchangeDeps,
  trust: TrustStore,
  ledger: readonly LedgerEntry[],
  cache: GlanceCache,
  alive: () => boolean = () => true,
): Promise<number | null> {
  const { media, exchange } = deps.shell;
  const drives = await media.listRemovable();
  if (!drives.ok) return null;
  let count = 0;
  for (const drive of drives.value) {
    // The same grant as "Look on <drive>": only a mount point the app itself just listed as removable.
    const granted = await exchange.useVolume({ mountPoint: drive.mountPoint });
    if (!granted.ok) continue;
    const listed = await exchange.listBundles({ folderToken: granted.value.folderToken });
    if (!listed.ok) continue;
    for (const file of listed.value) {
      if (!alive()) return null;
      const key = fileKey(file);
      let state = cache.get(key);
      if (state === undefined) {
        state = (await classifyBundleFile(deps, trust, ledger, file, 'header')).state;
        cache.set(key, state);
      }
      if (state === 'new') count++;
    }
  }
  return alive() ? count : null;
}

/**
 * The number of new bundles on inserted drives, for the navigation's badge. Polls every `NEW_BUNDLE_POLL_MS` and
 * whenever `refreshKey` changes (the screen shown), only while mounted (the app is mounted only while the vault is
 * unlocked) and only while the window is visible. The answers are kept until the ledger or the partner list changes.
 */
export function useNewBundleCount(refreshKey: unknown): number {
  const { deps, trust, ledger } = useExchange();
  const [count, setCount] = useState(0);
  // Answers stay valid until the ledger, the partner list or our identity changes.
  const cache = useRef<{ basis: readonly unknown[]; states: GlanceCache }>({ basis: [], states: new Map() });
  useAsyncEffect(
    useCallback(
      async ({ alive, onCleanup }) => {
        if (!deps) return;
        // Moving to another screen looks at the drives again at once.
        void refreshKey;
        const basis = [deps, trust, ledger];
        if (!basis.every((part, index) => cache.current.basis[index] === part))
          cache.current = { basis, states: new Map() };
        const states = cache.current.states;
        let timer: ReturnType<typeof setTimeout> | undefined;
        onCleanup(() => clearTimeout(timer));
        const round = async (): Promise<void> => {
          try {
            if (document.visibilityState !== 'hidden') {
              const counted = await countNewBundles(deps, trust, ledger, states, alive);
              if (counted !== null && alive()) setCount(counted);
            }
          } catch (error: unknown) {
            // A failed look at a drive only leaves the badge as it was; the next round tries again.
            console.warn('Counting new bundles failed', error);
          }
          if (alive()) timer = setTimeout(() => void round(), NEW_BUNDLE_POLL_MS);
        };
        await round();
      },
      [deps, trust, ledger, refreshKey],
    ),
  );
  return deps ? count : 0;
}
