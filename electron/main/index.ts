import { join } from 'node:path';
import { app, BrowserWindow, Menu, dialog, ipcMain, protocol, session, powerMonitor } from 'electron';
import { IPC_INVOKE, SYSTEM_LOCK_EVENT } from '@shared/ipc/electron-channels';
import { applicationMenuTemplate } from './application-menu';
import { createHandlers } from './ipc/create-handlers';
import { nodeVolumeProbe } from './handlers/media/volume-probe';
import { APP_ENTRY_URL, APP_SCHEME } from './security/app-origin';
import { decideStartup, devToolsAllowed } from './security/debug-policy';
import type { RequestPolicyOptions } from './security/request-policy';
import { secureWebPreferences } from './security/secure-web-preferences';
import { createAppProtocolHandler } from './wiring/app-protocol-handler';
import { registerIpc } from './wiring/register-ipc';
import { applySessionPolicies, type SessionPolicyTarget } from './wiring/session-policies';
import { claimSingleInstance } from './wiring/single-instance';
import { watchSystemLock } from './wiring/system-lock';

// Thin wiring only: Electron's objects are handed to the wiring functions in ./wiring, which the e2e harness and
// the preview call with Playwright's; every decision is a pure function in ./security or ./ipc with its own test.

// An installed app started with a debugging switch quits before it opens anything to inspect (below).
const startup = decideStartup({
  isPackaged: app.isPackaged,
  args: process.argv.slice(1),
  hasSwitch: (name) => app.commandLine.hasSwitch(name),
});
const devTools = devToolsAllowed(app.isPackaged);

const rendererRoot = join(__dirname, '../renderer');
// Development and the Electron e2e suite use a throw-away profile; a packaged app always uses the OS default.
const profileSwitch = app.isPackaged ? '' : app.commandLine.getSwitchValue('casebridge-profile');
if (profileSwitch !== '') app.setPath('userData', profileSwitch);
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const policy: RequestPolicyOptions = { devServerOrigin: devServerUrl, allowDevTools: devTools };

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

if (startup.action === 'quit') {
  console.error(startup.reason);
  app.exit(1);
} else if (
  claimSingleInstance({
    requestLock: () => app.requestSingleInstanceLock(),
    onSecondInstance: (listener) => app.on('second-instance', listener),
    windows: () => BrowserWindow.getAllWindows(),
    quit: () => app.quit(),
  })
) {
  app.whenReady().then(start, (error: unknown) => {
    console.error('Casebridge failed to start:', error);
    app.exit(1);
  });
  app.on('window-all-closed', () => app.quit());
}

async function start(): Promise<void> {
  applySessionPolicies(electronSession(), policy);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));

  registerIpc(
    {
      handle: (listener) =>
        ipcMain.handle(IPC_INVOKE, (event, channel: unknown, input: unknown) =>
          listener(event.senderFrame?.url, channel, input),
        ),
    },
    {
      ...policy,
      handlers: createHandlers({
        app: {
          name: app.getName(),
          version: app.getVersion(),
          platform: process.platform,
          dataFolder: app.getPath('userData'),
          shell: 'electron',
        },
        volumeProbe: nodeVolumeProbe,
        dialogs: {
          chooseFolder: () =>
            pickPath({ title: 'Choose where to save the bundle', properties: ['openDirectory', 'createDirectory'] }),
          chooseBundleFile: () =>
            pickPath({
              title: 'Choose a Casebridge bundle',
              properties: ['openFile'],
              filters: [
                { name: 'Casebridge bundle', extensions: ['cbundle'] },
                { name: 'Casebridge backup', extensions: ['cbbackup'] },
              ],
            }),
        },
        documents: {
          chooseSavePath: async ({ defaultName, filterName, extension }) => {
            const [window] = BrowserWindow.getAllWindows();
            const options = { defaultPath: defaultName, filters: [{ name: filterName, extensions: [extension] }] };
            const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
            return result.canceled || !result.filePath ? null : result.filePath;
          },
          printToPdf: async () => {
            const [window] = BrowserWindow.getAllWindows();
            if (!window) throw new Error('No window to print.');
            return window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
          },
        },
      }),
      logError: (channel, error) => console.error(`IPC ${channel} failed:`, error),
    },
  );

  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(process.platform, app.getName())));
  createWindow();
}

/** The session policies' hooks on Electron's default session and on every web contents it creates. */
function electronSession(): SessionPolicyTarget {
  const ses = session.defaultSession;
  const onEveryContents = (wire: (contents: Electron.WebContents) => void) =>
    app.on('web-contents-created', (_event, contents) => wire(contents));
  return {
    decidePermissions: (grant) => {
      ses.setPermissionRequestHandler((_contents, permission, callback) => callback(grant(permission)));
      ses.setPermissionCheckHandler((_contents, permission) => grant(permission));
    },
    decideRequests: (allow) =>
      ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allow(details.url) })),
    decideNavigation: (allow) =>
      onEveryContents((contents) => {
        const refuse = (event: Electron.Event, url: string) => {
          if (!allow(url)) event.preventDefault();
        };
        contents.on('will-navigate', refuse);
        contents.on('will-redirect', refuse);
        contents.on('will-attach-webview', (event) => event.preventDefault());
      }),
    decideWindowOpen: (decide) => onEveryContents((contents) => contents.setWindowOpenHandler(decide)),
  };
}

async function pickPath(options: Electron.OpenDialogOptions): Promise<string | null> {
  const [window] = BrowserWindow.getAllWindows();
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Casebridge',
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs'), { devTools }),
  });
  window.once('ready-to-show', () => window.show());
  // The renderer listens for this to lock the vault when the machine sleeps or the screen locks.
  const stopWatching = watchSystemLock(
    process.platform,
    {
      onSuspend: (listener) => {
        powerMonitor.on('suspend', listener);
        return () => powerMonitor.off('suspend', listener);
      },
      onLockScreen: (listener) => {
        powerMonitor.on('lock-screen', listener);
        return () => powerMonitor.off('lock-screen', listener);
      },
      // The threshold only separates 'active' from 'idle'; the watcher looks for 'locked' alone.
      idleState: () => powerMonitor.getSystemIdleState(60),
      every: (intervalMs, tick) => {
        const timer = setInterval(tick, intervalMs);
        return () => clearInterval(timer);
      },
    },
    () => window.webContents.send(SYSTEM_LOCK_EVENT),
  );
  window.on('closed', stopWatching);
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
}
