import type { InboxEntry, InboxState } from '@shared/exchange/inbox-entry';
import type { ArchivedBundle, BundleFile, CasebridgeApi, IpcErrorCode } from '@shared/ipc/contract';
import { err, type Result } from '@shared/result';

/**
 * Processed bundles: imported byte for byte, or sent by this office. Only these may leave the inbox for the archive
 * folder; an altered copy is evidence, and a new, expired, unknown or unreadable file still needs a person.
 */
export const ARCHIVABLE_STATES: readonly InboxState[] = ['already-imported', 'ours', 'refused'];

export function isArchivable(entry: InboxEntry | undefined): boolean {
  return entry !== undefined && ARCHIVABLE_STATES.includes(entry.state);
}

export type ArchiveRefusal = 'not-processed';

/**
 * Moves one listed file into `casebridge-archive/` on its drive. The main process cannot know a file's state (that
 * needs the vault), so the state is checked here, before the call: anything not processed is refused unsent.
 */
export async function archiveInboxFile(
  exchange: Pick<CasebridgeApi['exchange'], 'archiveBundle'>,
  file: BundleFile,
  entry: InboxEntry | undefined,
): Promise<Result<ArchivedBundle, IpcErrorCode | ArchiveRefusal>> {
  if (!isArchivable(entry))
    return err<ArchiveRefusal>(
      'not-processed',
      `${file.name} is ${entry?.state ?? 'not classified yet'}: only processed bundles are archived.`,
    );
  return exchange.archiveBundle({ fileToken: file.fileToken });
}
