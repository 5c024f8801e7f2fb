// Built into one script and injected into every frame before the renderer loads (e2e harness and preview): the
// same createApi() the preload exposes, with Electron's ipcRenderer swapped for a Playwright binding that reaches
// the real main-process handlers. Arguments and results are structured-cloned here, so a value Electron would
// refuse (a function, a symbol) fails with the same DataCloneError, and the clone codec carries the rest exactly.
import { createApi } from '../preload/create-api';
import type { IpcChannel, IpcResult } from '@shared/ipc/contract';
import { decodeClone, encodeClone } from './clone-codec';
import { BRIDGE_BINDING, SYSTEM_LOCK_HOOK } from './bridge-names';

type BridgeWindow = Window & {
  [BRIDGE_BINDING]?: (channel: string, input: unknown) => Promise<unknown>;
  [SYSTEM_LOCK_HOOK]?: () => void;
};

const bridged = window as BridgeWindow;
const lockListeners = new Set<() => void>();
bridged[SYSTEM_LOCK_HOOK] = () => lockListeners.forEach((listener) => listener());

const api = createApi(
  async <C extends IpcChannel>(channel: C, input: unknown) => {
    const invoke = bridged[BRIDGE_BINDING];
    if (invoke === undefined) throw new Error('The Casebridge bridge binding is missing.');
    const result = await invoke(channel, encodeClone(structuredClone(input)));
    return decodeClone(result) as IpcResult<C>;
  },
  (_event, listener) => {
    lockListeners.add(listener);
    return () => {
      lockListeners.delete(listener);
    };
  },
);
Object.defineProperty(window, 'casebridge', { value: api, writable: false, configurable: false, enumerable: true });
