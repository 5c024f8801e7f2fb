import type { z } from 'zod';
import {
  ipcContract,
  isIpcChannel,
  type IpcChannel,
  type IpcContract,
  type IpcErrorCode,
  type IpcResult,
} from '@shared/ipc/contract';
import { err, type Err } from '@shared/result';

/** One plain async function per channel; it receives input already parsed by the contract's schema. */
export type IpcHandlers = {
  [C in IpcChannel]: (input: z.output<IpcContract[C]['input']>) => Promise<IpcResult<C>>;
};

export type IpcRouter = {
  /** Everything arrives as `unknown`: the sender's URL, the channel name and the input. */
  dispatch(senderUrl: unknown, channel: unknown, input: unknown): Promise<IpcResult<IpcChannel> | Err<IpcErrorCode>>;
};

export type IpcRouterOptions = {
  readonly handlers: IpcHandlers;
  readonly isTrustedSender: (senderUrl: string | undefined) => boolean;
  readonly logError?: (channel: string, error: unknown) => void;
};

export function createIpcRouter({ handlers, isTrustedSender, logError }: IpcRouterOptions): IpcRouter {
  async function dispatch(senderUrl: unknown, channel: unknown, input: unknown) {
    if (!isTrustedSender(typeof senderUrl === 'string' ? senderUrl : undefined)) {
      return err('untrusted-sender', 'This request did not come from the Casebridge window and was refused.');
    }
    if (!isIpcChannel(channel)) {
      return err('unknown-channel', `There is no Casebridge operation called ${describe(channel)}.`);
    }
    const parsed = ipcContract[channel].input.safeParse(input);
    if (!parsed.success) {
      return err(
        'invalid-input',
        `The request to ${channel} was malformed: ${parsed.error.issues[0]?.message ?? 'invalid'}.`,
      );
    }
    try {
      const handler = handlers[channel] as (value: unknown) => Promise<IpcResult<IpcChannel>>;
      return await handler(parsed.data);
    } catch (error) {
      logError?.(channel, error);
      return err(
        'internal',
        `Casebridge could not complete ${channel}. Try again; if it keeps failing, restart the app.`,
      );
    }
  }
  return { dispatch };
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : `(${typeof value})`;
}
