import { contextBridge, ipcRenderer } from 'electron';
import { IPC_INVOKE, SYSTEM_LOCK_EVENT } from '@shared/ipc/electron-channels';
import { createApi, type Subscribe, type TypedInvoke } from './create-api';

// Only this frozen, namespaced API crosses the bridge; ipcRenderer itself never does.
const invoke: TypedInvoke = (channel, input) => ipcRenderer.invoke(IPC_INVOKE, channel, input);
const subscribe: Subscribe = (_event, listener) => {
  // The IPC event object is dropped so the renderer never gets a handle on ipcRenderer.
  const wrapped = () => listener();
  ipcRenderer.on(SYSTEM_LOCK_EVENT, wrapped);
  return () => {
    ipcRenderer.off(SYSTEM_LOCK_EVENT, wrapped);
  };
};
contextBridge.exposeInMainWorld('casebridge', createApi(invoke, subscribe));
