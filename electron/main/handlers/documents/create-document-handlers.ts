import { basename, dirname } from 'node:path';
import { ok } from '@shared/result';
import type { IpcHandlers } from '../../ipc/create-ipc-router';
import { describeFsError, toErr } from '../files/file-errors';
import { writeFileAtomically } from '../files/write-file-atomically';

export type SaveDialogOptions = {
  readonly defaultName: string;
  readonly filterName: string;
  readonly extension: string;
};

export type DocumentDependencies = {
  /** Native "Save as…" dialog; null when the user cancels. */
  readonly chooseSavePath: (options: SaveDialogOptions) => Promise<string | null>;
  /** Renders the calling window to PDF (Electron's printToPDF; Chromium's page.pdf in the e2e harness). */
  readonly printToPdf: () => Promise<Uint8Array>;
};

const extensionNames: Readonly<Record<string, string>> = {
  pdf: 'PDF document',
  csv: 'CSV table',
  json: 'JSON file',
  txt: 'Text file',
  ics: 'Calendar file',
};

async function* once(bytes: Uint8Array) {
  yield bytes;
}

/** Printable documents (notices, letters, slips, reports) and exported tables, saved where the user chooses. */
export function createDocumentHandlers(
  deps: DocumentDependencies,
): Pick<IpcHandlers, 'document.savePdf' | 'document.saveFile'> {
  async function save(suggestedName: string, bytes: Uint8Array | (() => Promise<Uint8Array>)) {
    const extension = suggestedName.slice(suggestedName.lastIndexOf('.') + 1).toLowerCase();
    const path = await deps.chooseSavePath({
      defaultName: suggestedName,
      extension,
      filterName: extensionNames[extension] ?? extension,
    });
    if (path === null) return ok(null);
    try {
      const data = typeof bytes === 'function' ? await bytes() : bytes;
      await writeFileAtomically({
        targetPath: path,
        chunks: once(data),
        expectedBytes: data.byteLength,
        replaceExisting: true,
      });
      return ok({ path, name: basename(path), bytes: data.byteLength });
    } catch (error) {
      return toErr(describeFsError(error, { kind: 'folder', path: dirname(path) }));
    }
  }
  return {
    'document.savePdf': ({ suggestedName }) => save(suggestedName, deps.printToPdf),
    'document.saveFile': ({ suggestedName, bytes }) => save(suggestedName, bytes),
  };
}
