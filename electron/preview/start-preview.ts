import { homedir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright';
import { connectPlaywrightShell, type PlaywrightShell } from '../bridge/playwright-shell';
import { createHandlers } from '../main/ipc/create-handlers';
import { nodeVolumeProbe } from '../main/handlers/media/volume-probe';
import { askForPath } from './preview-dialogs';
import { takePreviewLock } from './preview-lock';

/** The origin the preview loads the app from; it stands for app://casebridge in the shell's wiring. */
export const PREVIEW_ORIGIN = 'https://casebridge.preview';

export type PreviewOptions = {
  readonly chromiumPath: string;
  /** The preview's own app-data folder (see previewDataFolder): its lock file, browser profile and data. */
  readonly dataFolder: string;
  /** The built app: out/renderer and the page bridge. */
  readonly rendererRoot: string;
  readonly pageBridgePath: string;
  readonly version: string;
  readonly headless?: boolean;
  readonly log?: (line: string) => void;
};

export type RunningPreview = {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly shell: PlaywrightShell;
  /** Resolves when the window is closed (by the person or by close()), after the lock is released. */
  readonly closed: Promise<void>;
  close(): Promise<void>;
};

/**
 * Opens Casebridge in the system's Chromium, inside the desktop shell's own wiring: the same protocol handler, CSP,
 * session policies, IPC registration and handlers. Playwright drives Chromium over its debugging pipe, never a TCP
 * port. One preview per data folder (a lock file).
 */
export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const log = options.log ?? (() => undefined);
  const lock = await takePreviewLock(options.dataFolder);
  try {
    const runsAsRoot = process.getuid?.() === 0;
    if (runsAsRoot) {
      log(
        "Chromium's sandbox cannot run for the root user, so it is off for this preview. Run as a normal user to keep it on.",
      );
    }
    const context = await chromium.launchPersistentContext(join(options.dataFolder, 'browser-profile'), {
      executablePath: options.chromiumPath,
      headless: options.headless ?? false,
      chromiumSandbox: !runsAsRoot,
      viewport: null,
      // The launcher closes the window itself on Ctrl-C, so the profile is shut down cleanly and the lock released.
      handleSIGINT: false,
      handleSIGTERM: false,
      args: [
        '--app=about:blank',
        '--window-size=1280,820',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
        '--no-default-browser-check',
      ],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const handlers = createHandlers({
      app: {
        name: 'Casebridge',
        version: options.version,
        platform: process.platform,
        dataFolder: options.dataFolder,
        shell: 'preview',
      },
      volumeProbe: nodeVolumeProbe,
      dialogs: {
        chooseFolder: () =>
          askForPath(context, {
            title: 'Choose where to save the bundle',
            hint: 'Full path of a folder, for example on a USB stick:',
            kind: 'folder',
            defaultPath: homedir(),
          }),
        chooseBundleFile: () =>
          askForPath(context, {
            title: 'Choose a Casebridge bundle',
            hint: 'Full path of a .cbundle file:',
            kind: 'file',
            defaultPath: homedir(),
          }),
      },
      documents: {
        chooseSavePath: ({ defaultName }) =>
          askForPath(context, {
            title: 'Save as',
            hint: 'Full path of the file to write:',
            kind: 'save',
            defaultPath: join(homedir(), defaultName),
          }),
        printToPdf: async () => {
          if (!(options.headless ?? false)) {
            throw new Error('The preview cannot print to PDF: use the desktop app, or Print (Ctrl+P) → Save as PDF.');
          }
          return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true }));
        },
      },
    });
    const shell = await connectPlaywrightShell(context, {
      rendererRoot: options.rendererRoot,
      pageOrigin: PREVIEW_ORIGIN,
      handlers,
      pageBridgePath: options.pageBridgePath,
      logError: (channel, error) => log(`${channel} failed: ${String(error)}`),
    });
    const closed = new Promise<void>((resolve) => {
      context.on('close', () => void lock.release().then(resolve, resolve));
      // Closing the app's window ends the preview, as closing the desktop app's window quits it.
      page.on('close', () => void context.close().catch(() => undefined));
    });
    await shell.load(page);
    return {
      context,
      page,
      shell,
      closed,
      async close() {
        await context.close().catch(() => undefined);
        await closed;
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
