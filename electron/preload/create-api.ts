import type { CasebridgeApi, IpcChannel, IpcResult } from '@shared/ipc/contract';

export type TypedInvoke = <C extends IpcChannel>(channel: C, input: unknown) => Promise<IpcResult<C>>;
export type Subscribe = (event: 'system-lock', listener: () => void) => () => void;

/**
 * The renderer's whole view of the shell: `window.casebridge.<area>.<call>`.
 * No electron import, so the e2e harness exposes this very object over a Playwright binding.
 */
export function createApi(invoke: TypedInvoke, subscribe: Subscribe) {
  return Object.freeze({
    app: {
      info: () => invoke('app.info', undefined),
    },
    media: {
      listRemovable: () => invoke('media.listRemovable', undefined),
    },
    exchange: {
      chooseFolder: () => invoke('exchange.chooseFolder', undefined),
      useVolume: (input) => invoke('exchange.useVolume', input),
      listBundles: (input) => invoke('exchange.listBundles', input),
      chooseBundleFile: () => invoke('exchange.chooseBundleFile', undefined),
      beginExport: (input) => invoke('exchange.beginExport', input),
      writeChunk: (input) => invoke('exchange.writeChunk', input),
      finishExport: (input) => invoke('exchange.finishExport', input),
      cancelExport: (input) => invoke('exchange.cancelExport', input),
      openBundle: (input) => invoke('exchange.openBundle', input),
      readChunk: (input) => invoke('exchange.readChunk', input),
      closeBundle: (input) => invoke('exchange.closeBundle', input),
      archiveBundle: (input) => invoke('exchange.archiveBundle', input),
    },
    document: {
      savePdf: (input) => invoke('document.savePdf', input),
      saveFile: (input) => invoke('document.saveFile', input),
      beginSave: (input) => invoke('document.beginSave', input),
      writeChunk: (input) => invoke('document.writeChunk', input),
      finishSave: (input) => invoke('document.finishSave', input),
      cancelSave: (input) => invoke('document.cancelSave', input),
    },
    system: {
      onLock: (listener: () => void) => subscribe('system-lock', () => listener()),
    },
  } satisfies CasebridgeApi);
}
