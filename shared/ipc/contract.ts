import { z } from 'zod';
import type { Result } from '../result';

/**
 * The IPC contract: every channel the renderer may call, its input schema and its result type.
 * Main validates input against `input`; the preload API is typed from this and `satisfies` it.
 */

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.enum(['linux', 'darwin', 'win32', 'other']),
  dataFolder: z.string(),
  shell: z.enum(['electron', 'test-harness']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const removableVolumeSchema = z.object({
  /** Where the volume is mounted (a drive root on Windows). */
  mountPoint: z.string(),
  /** Human label: the volume name, or the last segment of the mount point. */
  label: z.string(),
  /** Device the volume lives on, where known (e.g. /dev/sdb1). */
  device: z.string().nullable(),
  fileSystem: z.string().nullable(),
  totalBytes: z.number().nonnegative().nullable(),
  freeBytes: z.number().nonnegative().nullable(),
  writable: z.boolean(),
});
export type RemovableVolume = z.infer<typeof removableVolumeSchema>;

export const ipcErrorCodes = [
  'invalid-input',
  'untrusted-sender',
  'unknown-channel',
  'not-supported',
  'io-failed',
  'internal',
] as const;
export type IpcErrorCode = (typeof ipcErrorCodes)[number];

export const ipcContract = {
  'app.info': { input: z.undefined(), result: appInfoSchema },
  'media.listRemovable': { input: z.undefined(), result: z.array(removableVolumeSchema) },
} as const;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
export type IpcInput<C extends IpcChannel> = z.input<IpcContract[C]['input']>;
export type IpcValue<C extends IpcChannel> = z.infer<IpcContract[C]['result']>;
export type IpcResult<C extends IpcChannel> = Result<IpcValue<C>, IpcErrorCode>;

export const ipcChannels = Object.keys(ipcContract) as IpcChannel[];

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && Object.hasOwn(ipcContract, value);
}


type Split<S extends string> = S extends `${infer Area}.${infer Call}` ? [Area, Call] : never;
type AreaOf<C extends IpcChannel> = Split<C>[0];
type CallOf<C extends IpcChannel> = Split<C>[1];

type CallApi = {
  [A in AreaOf<IpcChannel>]: {
    [C in IpcChannel as AreaOf<C> extends A ? CallOf<C> : never]: IpcInput<C> extends undefined
      ? () => Promise<IpcResult<C>>
      : (input: IpcInput<C>) => Promise<IpcResult<C>>;
  };
};

/** `window.casebridge.<area>.<call>(input)` as derived from the contract, plus shell events. */
export type CasebridgeApi = CallApi & {
  system: {
    /** Calls `listener` when the OS suspends or locks the screen; returns the unsubscribe function. */
    onLock: (listener: () => void) => () => void;
  };
};
