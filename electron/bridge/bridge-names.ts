/** The page binding that carries calls to the main-process handlers (e2e harness and preview). */
export const BRIDGE_BINDING = '__casebridgeInvoke';
/** What the shell calls in the page when the machine sleeps or the screen locks (Electron sends an IPC event). */
export const SYSTEM_LOCK_HOOK = '__casebridgeSystemLock';
