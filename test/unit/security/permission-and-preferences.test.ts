import { describe, expect, it } from 'vitest';
import { isPermissionGranted } from '../../../electron/main/security/permission-policy';
import { secureWebPreferences } from '../../../electron/main/security/secure-web-preferences';
import { applicationMenuTemplate } from '../../../electron/main/application-menu';

describe('permission policy', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'hid',
    'serial',
    'usb',
    'openExternal',
    'fullscreen',
  ])('denies %s', (permission) => {
    expect(isPermissionGranted(permission)).toBe(false);
  });
});

describe('web preferences', () => {
  it('isolate, sandbox and never integrate Node', () => {
    expect(secureWebPreferences('/x/preload.cjs')).toEqual({
      preload: '/x/preload.cjs',
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
      devTools: false,
    });
  });

  it('turn DevTools on only when asked (development builds, R10)', () => {
    expect(secureWebPreferences('/x/preload.cjs', { devTools: true }).devTools).toBe(true);
    expect(secureWebPreferences('/x/preload.cjs', { devTools: false }).devTools).toBe(false);
  });
});

describe('application menu', () => {
  const roles = (platform: NodeJS.Platform) =>
    JSON.stringify(applicationMenuTemplate(platform, 'Casebridge')).match(/"role":"[a-zA-Z]+"/g) ?? [];

  it.each(['linux', 'win32', 'darwin'] as const)('has Edit, View, Window and Help roles on %s', (platform) => {
    const labels = applicationMenuTemplate(platform, 'Casebridge').map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(['&Edit', '&View', '&Window', '&Help']));
    expect(roles(platform)).toEqual(
      expect.arrayContaining([
        '"role":"copy"',
        '"role":"paste"',
        '"role":"undo"',
        '"role":"selectAll"',
        '"role":"windowMenu"',
      ]),
    );
  });

  it('puts the app menu first on macOS only', () => {
    expect(applicationMenuTemplate('darwin', 'Casebridge')[0]?.label).toBe('Casebridge');
    expect(applicationMenuTemplate('linux', 'Casebridge')[0]?.label).toBe('&File');
  });
});
