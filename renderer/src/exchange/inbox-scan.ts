import { useCallback, useRef, useState } from 'react';
import { toHex } from '@shared/bytes/bytes';
import { classifyInboxEntry, type InboxEntry } from '@shared/exchange/inbox-entry';
import type { LedgerEntry } from '@shared/exchange/ledger-entry';
import type { BundleFile } from '@shared/ipc/contract';
import { trustView, type TrustStore } from '@shared/offices/trust-store';
import { openBundleFile } from '../bundle-io/ipc-byte-source';
import { useAsyncEffect } from '../hooks/useAsyncEffect';
import type { ExchangeDeps } from './exchange-deps';

/** Opens one file on the drive (forward-only stream) and classifies it; nothing is stored. */
export async function classifyBundleFile(
  deps: ExchangeDeps,
  trust: TrustStore,
  ledger: readonly LedgerEntry[],
  file: BundleFile,
): Promise<InboxEntry> {
  const opened = await openBundleFile(deps.shell.exchange, file.fileToken);
  if (!opened.ok) return { fileName: file.name, size: file.bytes, state: 'unreadable', code: 'BUNDLE_IO_FAILED' };
  try {
    return await classifyInboxEntry(deps.kit, opened.value.source, file.name, {
      ownSigningKey: toHex(deps.own.identity.signingPublicKey),
      trust: trustView(trust),
      ledger,
      now: deps.now(),
    });
  } finally {
    await opened.value.close().catch(() => undefined);
  }
}

export type InboxProgress = {
  /** Classified so far, by file token; a file keeps its last answer while it is checked again. */
  readonly entries: Readonly<Record<string, InboxEntry>>;
  readonly done: number;
  readonly total: number;
};

/**
 * Classifies the files one after another (each read is an awaited IPC chunk, so the page stays responsive) and
 * reports after every file. Runs again when the ledger or the partner list changes (an import just applied
 * makes its file "already imported"); a newer run or leaving the screen stops the older one.
 */
export function useInbox(
  deps: ExchangeDeps | null,
  trust: TrustStore,
  ledger: readonly LedgerEntry[],
  files: readonly BundleFile[] | null,
): InboxProgress {
  const [progress, setProgress] = useState<InboxProgress>({ entries: {}, done: 0, total: 0 });
  const lastFiles = useRef<readonly BundleFile[] | null>(null);
  useAsyncEffect(
    useCallback(
      async ({ alive }) => {
        if (!deps || !files) return;
        // A new listing starts empty; a change of ledger or partners keeps the old answers until the new ones come.
        const fresh = lastFiles.current !== files;
        lastFiles.current = files;
        setProgress((previous) => ({ entries: fresh ? {} : previous.entries, done: 0, total: files.length }));
        for (const [index, file] of files.entries()) {
          const entry = await classifyBundleFile(deps, trust, ledger, file);
          if (!alive()) return;
          setProgress((previous) => ({
            entries: { ...previous.entries, [file.fileToken]: entry },
            done: index + 1,
            total: files.length,
          }));
        }
      },
      [deps, trust, ledger, files],
    ),
  );
  return progress;
}
