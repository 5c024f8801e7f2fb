import { useCallback, useRef, useState } from 'react';
import { toHex } from '@shared/bytes/bytes';
import { classifyInboxEntry, type InboxContext, type InboxEntry } from '@shared/exchange/inbox-entry';
import type { LedgerEntry } from '@shared/exchange/ledger-entry';
import type { BundleFile } from '@shared/ipc/contract';
import { trustView, type TrustStore } from '@shared/offices/trust-store';
import { openBundleFile } from '../bundle-io/ipc-byte-source';
import { retiredSigningKeys } from '../offices/own-office-rotation';
import { useAsyncEffect } from '../hooks/useAsyncEffect';
import type { ExchangeDeps } from './exchange-deps';

/**
 * Opens one file on the drive (forward-only stream) and classifies it; nothing is stored. `depth` 'header' stops
 * after the signed header (the badge's count); the inbox reads the whole file.
 */
export async function classifyBundleFile(
  deps: ExchangeDeps,
  trust: TrustStore,
  ledger: readonly LedgerEntry[],
  file: BundleFile,
  depth: InboxContext['depth'] = 'full',
): Promise<InboxEntry> {
  const opened = await openBundleFile(deps.shell.exchange, file.fileToken);
  if (!opened.ok) return { fileName: file.name, size: file.bytes, state: 'unreadable', code: 'BUNDLE_IO_FAILED' };
  try {
    return await classifyInboxEntry(deps.kit, opened.value.source, file.name, {
      ownSigningKey: toHex(deps.own.signer.publicKey),
      retiredSigningKeys: await retiredSigningKeys(deps.db, deps.kit),
      trust: trustView(trust),
      ledger,
      now: deps.now(),
      depth,
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

/** A file is the same file while its token (its path), size and modification time are. */
const sameFileKey = (file: BundleFile) => `${file.fileToken}|${file.bytes}|${file.modifiedAt}`;

/**
 * Classifies the files one after another (each read is an awaited IPC chunk, so the page stays responsive) and
 * reports after every file. Runs again when the ledger or the partner list changes (an import just applied
 * makes its file "already imported"); a newer run or leaving the screen stops the older one. A new listing of
 * the same drive (after archiving) keeps the answers for files that did not change and reads only the others.
 */
export function useInbox(
  deps: ExchangeDeps | null,
  trust: TrustStore,
  ledger: readonly LedgerEntry[],
  files: readonly BundleFile[] | null,
): InboxProgress {
  const [progress, setProgress] = useState<InboxProgress>({ entries: {}, done: 0, total: 0 });
  const lastFiles = useRef<readonly BundleFile[] | null>(null);
  // Answers of the last run, by file, with what they were computed against.
  const answered = useRef<{ basis: readonly unknown[]; byFile: Map<string, InboxEntry> }>({
    basis: [],
    byFile: new Map(),
  });
  useAsyncEffect(
    useCallback(
      async ({ alive }) => {
        if (!deps || !files) return;
        const basis = [deps, trust, ledger];
        const sameBasis = basis.every((part, index) => answered.current.basis[index] === part);
        if (!sameBasis) answered.current = { basis, byFile: new Map() };
        const known = answered.current.byFile;
        // A new listing starts from what is still known; a change of ledger or partners keeps the old answers on
        // screen until the new ones come.
        const fresh = lastFiles.current !== files;
        lastFiles.current = files;
        const reused = Object.fromEntries(
          files.flatMap((file) => {
            const entry = known.get(sameFileKey(file));
            return entry ? [[file.fileToken, entry] as const] : [];
          }),
        );
        setProgress((previous) => ({
          entries: fresh ? reused : { ...previous.entries, ...reused },
          done: 0,
          total: files.length,
        }));
        for (const [index, file] of files.entries()) {
          const key = sameFileKey(file);
          const entry = known.get(key) ?? (await classifyBundleFile(deps, trust, ledger, file));
          if (!alive()) return;
          known.set(key, entry);
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
