import { randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';
import { MAX_BUNDLE_FILE_BYTES, type IpcChannel, type RemovableVolume } from '@shared/ipc/contract';
import { shellErr } from '@shared/ipc/describe-shell-message';
import type { ShellPlace } from '@shared/ipc/shell-message';
import { ok } from '@shared/result';
import type { IpcHandlers } from '../../ipc/create-ipc-router';
import { archiveBundleFile } from '../files/archive-bundle-file';
import { listBundleFiles, readFileBounded } from '../files/bundle-files';
import { createChunkChannel } from '../files/chunk-channel';
import { describeFsError, FileOperationError, toErr } from '../files/file-errors';
import type { PathGrants } from '../files/path-grants';
import { regularFileInfo } from '../files/regular-file';
import { preflightWrite, writeFileAtomically, type AtomicWriteResult } from '../files/write-file-atomically';

/** Native dialogs, injected: Electron's in the app, a scripted stand-in in the e2e harness. */
export type ExchangeDialogs = {
  chooseFolder(): Promise<string | null>;
  chooseBundleFile(): Promise<string | null>;
};

export type ExchangeDependencies = {
  readonly grants: PathGrants;
  readonly dialogs: ExchangeDialogs;
  readonly listVolumes: () => Promise<RemovableVolume[]>;
  readonly maxBundleBytes?: number;
};

type ExchangeChannel = Extract<IpcChannel, `exchange.${string}`>;
type ExchangeHandlers = Pick<IpcHandlers, ExchangeChannel>;

type ExportSession = {
  readonly channel: ReturnType<typeof createChunkChannel>;
  readonly controller: AbortController;
  readonly done: Promise<AtomicWriteResult>;
  written: number;
};

const newId = () => randomBytes(16).toString('hex');

/** Export to and import from removable media, in chunks, through granted folders and files only. */
export function createExchangeHandlers(deps: ExchangeDependencies): ExchangeHandlers {
  const maxBytes = deps.maxBundleBytes ?? MAX_BUNDLE_FILE_BYTES;
  const exports = new Map<string, ExportSession>();
  const reads = new Map<string, AsyncGenerator<Uint8Array>>();
  // File tokens handed out by a folder listing, with that folder: only these may be archived, never a file picked
  // in the dialog (it may live anywhere) and never a path the renderer names.
  const listed = new Map<string, { readonly folder: string; readonly name: string }>();

  const notGranted = () => shellErr({ code: 'not-granted', params: {} });
  const unknownSession = () => shellErr({ code: 'transfer-closed', params: {} });
  const fail = (error: unknown, where: ShellPlace) => toErr(describeFsError(error, where));
  const driveAt = (path: string): ShellPlace => ({ kind: 'drive-at', path });

  async function describeFile(path: string) {
    const info = await regularFileInfo(path);
    return {
      fileToken: deps.grants.grant(path, 'file'),
      name: basename(path),
      bytes: info.size,
      modifiedAt: info.mtime.toISOString(),
    };
  }

  return {
    'exchange.chooseFolder': async () => {
      const path = await deps.dialogs.chooseFolder();
      return ok(path === null ? null : { folderToken: deps.grants.grant(path, 'folder'), path });
    },

    'exchange.useVolume': async ({ mountPoint }) => {
      const volume = (await deps.listVolumes()).find((v) => v.mountPoint === mountPoint);
      if (volume === undefined) return shellErr({ code: 'drive-not-mounted', params: { path: mountPoint } });
      return ok({ folderToken: deps.grants.grant(volume.mountPoint, 'folder'), path: volume.mountPoint });
    },

    'exchange.listBundles': async ({ folderToken }) => {
      const folder = deps.grants.resolve(folderToken, 'folder');
      if (folder === null) return notGranted();
      try {
        const files = await listBundleFiles(folder);
        return ok(
          files.map((f) => {
            const fileToken = deps.grants.grant(f.path, 'file');
            listed.set(fileToken, { folder, name: f.name });
            return { fileToken, name: f.name, bytes: f.bytes, modifiedAt: f.modifiedAt };
          }),
        );
      } catch (error) {
        return fail(error, driveAt(folder));
      }
    },

    'exchange.chooseBundleFile': async () => {
      const path = await deps.dialogs.chooseBundleFile();
      if (path === null) return ok(null);
      try {
        return ok(await describeFile(path));
      } catch (error) {
        return fail(error, { kind: 'path', path });
      }
    },

    'exchange.beginExport': async ({ folderToken, fileName, bytes, hashHex }) => {
      const folder = deps.grants.resolve(folderToken, 'folder');
      if (folder === null) return notGranted();
      // An existing file or a full drive is reported now, before the renderer builds and sends anything.
      try {
        await preflightWrite({ targetPath: join(folder, fileName), expectedBytes: bytes });
      } catch (error) {
        return fail(error, driveAt(folder));
      }
      const channel = createChunkChannel();
      const controller = new AbortController();
      const session: ExportSession = {
        channel,
        controller,
        written: 0,
        done: writeFileAtomically({
          targetPath: join(folder, fileName),
          chunks: channel.iterable,
          expectedBytes: bytes,
          expectedHashHex: hashHex,
          signal: controller.signal,
          onProgress: (n) => {
            session.written = n;
          },
        }),
      };
      // Keep a failure observable by the next call instead of an unhandled rejection.
      session.done.catch(() => undefined);
      const exportId = newId();
      exports.set(exportId, session);
      return ok({ exportId });
    },

    'exchange.writeChunk': async ({ exportId, chunk }) => {
      const session = exports.get(exportId);
      if (session === undefined) return unknownSession();
      const failed = session.done.then(
        () => null,
        (e: unknown) => e,
      );
      const outcome = await Promise.race([session.channel.push(chunk).then(() => null), failed]);
      if (outcome !== null) {
        exports.delete(exportId);
        return fail(outcome, { kind: 'drive' });
      }
      return ok({ writtenBytes: session.written + chunk.byteLength });
    },

    'exchange.finishExport': async ({ exportId }) => {
      const session = exports.get(exportId);
      if (session === undefined) return unknownSession();
      exports.delete(exportId);
      session.channel.end();
      try {
        return ok(await session.done);
      } catch (error) {
        return fail(error, { kind: 'drive' });
      }
    },

    'exchange.cancelExport': async ({ exportId }) => {
      const session = exports.get(exportId);
      if (session !== undefined) {
        exports.delete(exportId);
        session.controller.abort();
        session.channel.end();
        await session.done.catch(() => undefined);
      }
      return ok(null);
    },

    'exchange.openBundle': async ({ fileToken }) => {
      const path = deps.grants.resolve(fileToken, 'file');
      if (path === null) return notGranted();
      try {
        const info = await regularFileInfo(path);
        if (info.size > maxBytes)
          throw new FileOperationError({ code: 'larger-than-any-bundle', params: { maxBytes } });
        const readId = newId();
        reads.set(readId, readFileBounded(path, maxBytes));
        return ok({ readId, bytes: info.size });
      } catch (error) {
        return fail(error, { kind: 'file', path });
      }
    },

    'exchange.readChunk': async ({ readId }) => {
      const reader = reads.get(readId);
      if (reader === undefined) return unknownSession();
      try {
        const next = await reader.next();
        if (next.done) {
          reads.delete(readId);
          return ok({ chunk: null });
        }
        return ok({ chunk: next.value });
      } catch (error) {
        reads.delete(readId);
        return fail(error, { kind: 'bundle-file' });
      }
    },

    'exchange.closeBundle': async ({ readId }) => {
      await reads.get(readId)?.return(undefined);
      reads.delete(readId);
      return ok(null);
    },

    // Main cannot know a file's inbox state (that needs the vault); the renderer offers this for processed bundles
    // only. Here: a file from one of our listings, moved within its own folder, never overwriting anything.
    'exchange.archiveBundle': async ({ fileToken }) => {
      const path = deps.grants.resolve(fileToken, 'file');
      const entry = listed.get(fileToken);
      if (path === null || entry === undefined || join(entry.folder, entry.name) !== path)
        return shellErr({ code: 'archive-not-listed', params: {} });
      try {
        const archived = await archiveBundleFile(entry.folder, entry.name);
        listed.delete(fileToken);
        return ok({ name: archived.name, relativePath: archived.relativePath });
      } catch (error) {
        return fail(error, driveAt(entry.folder));
      }
    },
  };
}
