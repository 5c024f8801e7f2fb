import { isTrustedSender, type RequestPolicyOptions } from '../security/request-policy';
import { createIpcRouter, type IpcHandlers } from '../ipc/create-ipc-router';

/**
 * Where a shell receives calls from the page. The listener gets the URL of the frame that made the call (Electron:
 * event.senderFrame.url; the harness: the calling frame of the Playwright binding), then the channel and the input,
 * all unchecked.
 */
export type IpcTarget = {
  handle(listener: (senderFrameUrl: string | undefined, channel: unknown, input: unknown) => Promise<unknown>): void;
};

export type IpcRegistration = RequestPolicyOptions & {
  readonly handlers: IpcHandlers;
  readonly logError?: (channel: string, error: unknown) => void;
};

/** Registers the IPC router: a call is answered only when its frame shows the app's own origin. */
export function registerIpc(target: IpcTarget, { handlers, logError, ...policy }: IpcRegistration): void {
  const router = createIpcRouter({
    handlers,
    isTrustedSender: (url) => isTrustedSender(url, policy),
    ...(logError ? { logError } : {}),
  });
  target.handle((senderFrameUrl, channel, input) => router.dispatch(senderFrameUrl, channel, input));
}
