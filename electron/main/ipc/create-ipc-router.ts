import type { z } from 'zod';
import { ipcContract, isIpcChannel, type IpcChannel, type IpcContract, type IpcResult } from '@shared/ipc/contract';
import { shellErr } from '@shared/ipc/describe-shell-message';

/** One plain async function per channel; it receives input already parsed by the contract's schema. */
export type IpcHandlers = {
  [C in IpcChannel]: (input: z.output<IpcContract[C]['input']>) => Promise<IpcResult<C>>;
};

export type IpcRouter = {
  /** Everything arrives as `unknown`: the sender's URL, the channel name and the input. */
  dispatch(senderUrl: unknown, channel: unknown, input: unknown): Promise<IpcResult<IpcChannel>>;
};

export type IpcRouterOptions = {
  readonly handlers: IpcHandlers;
  readonly isTrustedSender: (senderUrl: string | undefined) => boolean;
  readonly logError?: (channel: string, error: unknown) => void;
};

export function createIpcRouter({ handlers, isTrustedSender, logError }: IpcRouterOptions): IpcRouter {
  async function dispatch(senderUrl: unknown, channel: unknown, input: unknown) {
    if (!isTrustedSender(typeof senderUrl === 'string' ? senderUrl : undefined)) {
      return shellErr({ code: 'untrusted-sender', params: {} });
    }
    if (!isIpcChannel(channel)) {
      return shellErr({ code: 'unknown-channel', params: { channel: describe(channel) } });
    }
    const parsed = ipcContract[channel].input.safeParse(input);
    if (!parsed.success) {
      const detail = (parsed.error.issues[0]?.message ?? 'invalid').slice(0, 400);
      return shellErr({ code: 'invalid-input', params: { channel, detail } });
    }
    try {
      const handler = handlers[channel] as (value: unknown) => Promise<IpcResult<IpcChannel>>;
      return await handler(parsed.data);
    } catch (error) {
      logError?.(channel, error);
      return shellErr({ code: 'internal', params: { channel } });
    }
  }
  return { dispatch };
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : `(${typeof value})`;
}
