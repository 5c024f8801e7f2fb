import type { CasebridgeApi } from '@shared/ipc/contract';

declare global {
  interface Window {
    /** Exposed by the preload (or the e2e harness); absent when the page is opened in a plain browser. */
    readonly casebridge?: CasebridgeApi;
  }
}

export function getShell(): CasebridgeApi | null {
  return window.casebridge ?? null;
}
