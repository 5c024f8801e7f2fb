// Built into an IIFE and injected before the renderer loads: the same createApi() the preload exposes,
// with its transport swapped for a Playwright binding backed by the real main-process handlers.
import { createApi } from '../../../electron/preload/create-api';
import type { IpcChannel, IpcResult } from '@shared/ipc/contract';
import { decodeBinary, encodeBinary } from './binary-codec';

type HarnessWindow = Window & {
  __casebridgeInvoke?: (channel: string, input: unknown) => Promise<unknown>;
  __casebridgeSystemLock?: () => void;
};

const harness = window as HarnessWindow;
const lockListeners = new Set<() => void>();
harness.__casebridgeSystemLock = () => lockListeners.forEach((listener) => listener());

const api = createApi(
  <C extends IpcChannel>(channel: C, input: unknown) => {
    const invoke = harness.__casebridgeInvoke;
    if (invoke === undefined) throw new Error('The e2e harness binding is missing.');
    return invoke(channel, encodeBinary(input)).then((result) => decodeBinary(result) as IpcResult<C>);
  },
  (_event, listener) => {
    lockListeners.add(listener);
    return () => {
      lockListeners.delete(listener);
    };
  },
);
Object.defineProperty(window, 'casebridge', { value: api, writable: false, configurable: false, enumerable: true });
