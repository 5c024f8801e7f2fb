import { randomBytes } from 'node:crypto';
import { basename, dirname } from 'node:path';
import { shellErr } from '@shared/ipc/describe-shell-message';
import { ok } from '@shared/result';
import type { IpcHandlers } from '../../ipc/create-ipc-router';
import { createChunkChannel } from '../files/chunk-channel';
import { describeFsError, toErr } from '../files/file-errors';
import { preflightWrite, writeFileAtomically, type AtomicWriteResult } from '../files/write-file-atomically';
import type { DocumentDependencies } from './create-document-handlers';

type SaveSession = {
  readonly path: string;
  readonly channel: ReturnType<typeof createChunkChannel>;
  readonly controller: AbortController;
  readonly done: Promise<AtomicWriteResult>;
  written: number;
  expectedHashHex: string | undefined;
};

type SaveStreamChannel = 'document.beginSave' | 'document.writeChunk' | 'document.finishSave' | 'document.cancelSave';

/**
 * "Save as…" in chunks, for files too large to hand over at once (evidence decrypted on its way out). The user picks
 * the path in the native dialog; the bytes go through the same atomic writer as bundles (temporary name, fsync,
 * rename, read-back), and the hash the renderer computed is checked before the rename: a cancelled or failed save
 * leaves no file and no temporary file behind.
 */
export function createSaveStreamHandlers(
  deps: Pick<DocumentDependencies, 'chooseSavePath'>,
): Pick<IpcHandlers, SaveStreamChannel> {
  const sessions = new Map<string, SaveSession>();
  const unknownSession = () => shellErr({ code: 'save-closed', params: {} });

  return {
    'document.beginSave': async ({ suggestedName, bytes }) => {
      const dot = suggestedName.lastIndexOf('.');
      const extension = dot > 0 ? suggestedName.slice(dot + 1).toLowerCase() : '';
      const path = await deps.chooseSavePath({
        defaultName: suggestedName,
        extension: extension === '' ? '*' : extension,
        filterName: extension === '' ? 'File' : `${extension.toUpperCase()} file`,
      });
      if (path === null) return ok(null);
      // The user already agreed to replace an existing file in the dialog; free space is checked now.
      try {
        await preflightWrite({ targetPath: path, expectedBytes: bytes, replaceExisting: true });
      } catch (error) {
        return toErr(describeFsError(error, { kind: 'folder', path: dirname(path) }));
      }
      const channel = createChunkChannel();
      const controller = new AbortController();
      const session: SaveSession = {
        path,
        channel,
        controller,
        written: 0,
        expectedHashHex: undefined,
        done: writeFileAtomically({
          targetPath: path,
          chunks: channel.iterable,
          expectedBytes: bytes,
          expectedHashHex: () => session.expectedHashHex,
          replaceExisting: true,
          signal: controller.signal,
          onProgress: (n) => {
            session.written = n;
          },
        }),
      };
      session.done.catch(() => undefined);
      const saveId = randomBytes(16).toString('hex');
      sessions.set(saveId, session);
      return ok({ saveId, name: basename(path) });
    },

    'document.writeChunk': async ({ saveId, chunk }) => {
      const session = sessions.get(saveId);
      if (session === undefined) return unknownSession();
      const failed = session.done.then(
        () => null,
        (e: unknown) => e,
      );
      const outcome = await Promise.race([session.channel.push(chunk).then(() => null), failed]);
      if (outcome !== null) {
        sessions.delete(saveId);
        return toErr(describeFsError(outcome, { kind: 'folder', path: dirname(session.path) }));
      }
      return ok({ writtenBytes: session.written + chunk.byteLength });
    },

    'document.finishSave': async ({ saveId, hashHex }) => {
      const session = sessions.get(saveId);
      if (session === undefined) return unknownSession();
      sessions.delete(saveId);
      session.expectedHashHex = hashHex;
      session.channel.end();
      try {
        const written = await session.done;
        return ok({ path: written.path, name: basename(written.path), bytes: written.bytes });
      } catch (error) {
        return toErr(describeFsError(error, { kind: 'folder', path: dirname(session.path) }));
      }
    },

    'document.cancelSave': async ({ saveId }) => {
      const session = sessions.get(saveId);
      if (session !== undefined) {
        sessions.delete(saveId);
        session.controller.abort();
        session.channel.end();
        await session.done.catch(() => undefined);
      }
      return ok(null);
    },
  };
}
