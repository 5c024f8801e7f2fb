import type { WebPreferences } from 'electron';

/**
 * The only web preferences a Casebridge window is ever created with. DevTools stay off unless the caller says
 * otherwise, which index.ts does only for a development build (devToolsAllowed).
 */
export function secureWebPreferences(preloadPath: string, { devTools = false }: { readonly devTools?: boolean } = {}) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    devTools,
  } as const satisfies WebPreferences;
}
