import { ipcErrorSchema, type CasebridgeApi, type IpcErr } from '@shared/ipc/contract';
import type { Ok } from '@shared/result';
import { shellMessageText, type Translate } from './shell-message-text';

export type Wording = {
  readonly t: Translate;
  /** The interface language at the moment the failure is worded. */
  readonly language: () => string;
};

/**
 * A failure from main, parsed (it crossed a process boundary) and worded in the interface language. An error that
 * does not parse — an unknown code, a message this build does not know — becomes a generic internal failure with
 * worded text, so no raw code or English sentence from main reaches the screen.
 */
export function wordShellFailure(untrusted: unknown, wording: Wording): IpcErr {
  const parsed = ipcErrorSchema.safeParse(untrusted);
  if (parsed.success) {
    const message = shellMessageText(wording.t, wording.language(), parsed.data.shellMessage);
    return { ok: false, error: { ...parsed.data, message } };
  }
  return {
    ok: false,
    error: {
      code: 'internal',
      message: wording.t('shellMessages.unknown', {}),
      shellMessage: { code: 'internal', params: { channel: '' } },
    },
  };
}

/** The same call, with a failure worded on its way back. */
function worded<I extends unknown[], T>(call: (...input: I) => Promise<Ok<T> | IpcErr>, wording: Wording) {
  return async (...input: I): Promise<Ok<T> | IpcErr> => {
    const result = await call(...input);
    return result.ok ? result : wordShellFailure(result.error, wording);
  };
}

/**
 * The shell API as the screens use it: every call's failure in the reader's words. One entry per call, so a new
 * channel is a compile error until it is worded here too.
 */
export function wordedShell(api: CasebridgeApi, wording: Wording): CasebridgeApi {
  const w = <I extends unknown[], T>(call: (...input: I) => Promise<Ok<T> | IpcErr>) => worded(call, wording);
  return Object.freeze({
    app: { info: w(api.app.info) },
    media: { listRemovable: w(api.media.listRemovable) },
    exchange: {
      chooseFolder: w(api.exchange.chooseFolder),
      useVolume: w(api.exchange.useVolume),
      listBundles: w(api.exchange.listBundles),
      chooseBundleFile: w(api.exchange.chooseBundleFile),
      beginExport: w(api.exchange.beginExport),
      writeChunk: w(api.exchange.writeChunk),
      finishExport: w(api.exchange.finishExport),
      cancelExport: w(api.exchange.cancelExport),
      openBundle: w(api.exchange.openBundle),
      readChunk: w(api.exchange.readChunk),
      closeBundle: w(api.exchange.closeBundle),
      archiveBundle: w(api.exchange.archiveBundle),
    },
    document: {
      savePdf: w(api.document.savePdf),
      saveFile: w(api.document.saveFile),
      beginSave: w(api.document.beginSave),
      writeChunk: w(api.document.writeChunk),
      finishSave: w(api.document.finishSave),
      cancelSave: w(api.document.cancelSave),
    },
    system: { onLock: api.system.onLock },
  } satisfies CasebridgeApi);
}
