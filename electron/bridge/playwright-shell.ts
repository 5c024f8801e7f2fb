import type { BrowserContext, Frame, Page, Request as PlaywrightRequest, Route } from 'playwright';
import { APP_ORIGIN } from '../main/security/app-origin';
import type { IpcHandlers } from '../main/ipc/create-ipc-router';
import { createAppProtocolHandler } from '../main/wiring/app-protocol-handler';
import { registerIpc } from '../main/wiring/register-ipc';
import { applySessionPolicies } from '../main/wiring/session-policies';
import { decodeClone, encodeClone } from './clone-codec';
import { BRIDGE_BINDING, SYSTEM_LOCK_HOOK } from './bridge-names';

/** Permissions Playwright can grant in Chromium; each gets the app's own decision. */
const chromiumPermissions = [
  'geolocation',
  'notifications',
  'midi',
  'camera',
  'microphone',
  'clipboard-read',
  'clipboard-write',
  'background-sync',
  'payment-handler',
  'storage-access',
] as const;

export type PlaywrightShellOptions = {
  /** The built renderer folder, served as app://casebridge is in the desktop shell. */
  readonly rendererRoot: string;
  /** The https origin Chromium loads the page from; it stands for app://casebridge everywhere in the wiring. */
  readonly pageOrigin: string;
  readonly handlers: IpcHandlers;
  /** The built page bridge (see build-page-bridge.ts). */
  readonly pageBridgePath: string;
  readonly logError?: (channel: string, error: unknown) => void;
};

export type PlaywrightShell = {
  /** Loads the app in the page, as the desktop shell's loadURL does (not a navigation the page asked for). */
  load(page: Page, path?: string): Promise<void>;
  /** Reloads the page as the shell would (the app's own navigation policy still refuses page-initiated ones). */
  reload(page: Page): Promise<void>;
  /** Tells the page the machine is going to sleep or its screen locked, as Electron's powerMonitor does. */
  systemLock(page: Page): Promise<void>;
  /** Requests the app's policy refused, in order (URLs as the page asked for them). */
  readonly refusedRequests: readonly string[];
  /** Navigations the app's policy refused. */
  readonly refusedNavigations: readonly string[];
  /** Windows the page tried to open (their URLs), closed at once because the policy denies them. */
  readonly refusedWindows: readonly string[];
};

/**
 * Runs the desktop shell's wiring in a Playwright browser context: every request goes through the app's request
 * policy and then the same app:// protocol handler; page-initiated navigations through the navigation policy;
 * permissions and new windows through theirs; and calls from the page through the same IPC registration, with the
 * URL of the calling frame. The e2e harness and the preview both use it, so they cannot drift from the app.
 */
export async function connectPlaywrightShell(
  context: BrowserContext,
  options: PlaywrightShellOptions,
): Promise<PlaywrightShell> {
  const serve = createAppProtocolHandler(options.rendererRoot);
  const toApp = (url: string) => asAppUrl(url, options.pageOrigin);
  const refusedRequests: string[] = [];
  const refusedNavigations: string[] = [];
  const refusedWindows: string[] = [];
  const shellLoads = new Set<Page>();
  const decide = {
    permission: (_permission: string): boolean => false,
    request: (_url: string): boolean => false,
    navigation: (_url: string): boolean => false,
    windowOpen: (): { action: 'deny' } => ({ action: 'deny' }),
  };
  applySessionPolicies(
    {
      decidePermissions: (grant) => (decide.permission = grant),
      decideRequests: (allow) => (decide.request = allow),
      decideNavigation: (allow) => (decide.navigation = allow),
      decideWindowOpen: (choose) => (decide.windowOpen = choose),
    },
    {},
  );

  await context.route('**/*', async (route: Route) => {
    const request = route.request();
    const url = request.url();
    if (request.isNavigationRequest()) {
      const frame = frameOf(request);
      if (frame === null) {
        // A new window's first navigation comes before its frame exists. Refused, it shows an error page, and
        // the window is closed as soon as it is reported (below).
        if (decide.windowOpen().action === 'deny') {
          refusedWindows.push(url);
          return route.abort('blockedbyclient');
        }
      } else if (frame === frame.page().mainFrame() && !shellLoads.delete(frame.page())) {
        if (!decide.navigation(toApp(url))) {
          refusedNavigations.push(url);
          // 204 No Content cancels a navigation and leaves the current page as it is, as preventDefault does.
          return route.fulfill({ status: 204 });
        }
      }
    }
    if (!decide.request(toApp(url))) {
      refusedRequests.push(url);
      return route.abort('blockedbyclient');
    }
    const response = await serve(new Request(toApp(url)));
    return route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(await response.arrayBuffer()),
    });
  });

  registerIpc(
    {
      handle: (listener) =>
        void context.exposeBinding(BRIDGE_BINDING, async ({ frame }, channel: unknown, input: unknown) => {
          // As Electron does, the result is structured-cloned on its way back: what it would refuse fails here too.
          const result = await listener(toApp(frame.url()), channel, decodeClone(input));
          return encodeClone(structuredClone(result));
        }),
    },
    { handlers: options.handlers, ...(options.logError ? { logError: options.logError } : {}) },
  );
  await context.addInitScript({ path: options.pageBridgePath });

  context.on('page', (page) => {
    void page.opener().then((opener) => {
      if (opener !== null && decide.windowOpen().action === 'deny') return page.close();
    });
  });
  await decidePermissions(context, options.pageOrigin, decide.permission);

  return {
    async load(page, path = '/index.html') {
      shellLoads.add(page);
      await page.goto(`${options.pageOrigin}${path}`);
    },
    async reload(page) {
      shellLoads.add(page);
      await page.reload();
    },
    async systemLock(page) {
      await page.evaluate((hook) => (window as unknown as Record<string, () => void>)[hook]?.(), SYSTEM_LOCK_HOOK);
    },
    refusedRequests,
    refusedNavigations,
    refusedWindows,
  };
}

function frameOf(request: PlaywrightRequest): Frame | null {
  try {
    return request.frame();
  } catch {
    return null;
  }
}

/** The page's own origin stands for app://casebridge; any other URL is passed on unchanged, and so refused. */
export function asAppUrl(rawUrl: string, pageOrigin: string): string {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return rawUrl;
  }
  return url.origin === pageOrigin ? `${APP_ORIGIN}${url.pathname}${url.search}${url.hash}` : rawUrl;
}

/**
 * Grants what the policy grants, for the page's origin. Chromium under Playwright shows no permission prompt: a
 * permission not granted here is refused, as the desktop shell's permission handler refuses it.
 */
async function decidePermissions(
  context: BrowserContext,
  origin: string,
  grant: (permission: string) => boolean,
): Promise<void> {
  const granted = chromiumPermissions.filter((name) => grant(name));
  if (granted.length > 0) await context.grantPermissions(granted, { origin });
}
