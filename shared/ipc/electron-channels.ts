// Kept apart from the contract so the preload bundles these two strings and not the schema library.

/** The single Electron channel all calls travel on; the contract channel name is part of the message. */
export const IPC_INVOKE = 'casebridge:invoke';
/** Main → renderer: the machine is suspending or the screen locked; the vault must lock now. */
export const SYSTEM_LOCK_EVENT = 'casebridge:system-lock';
