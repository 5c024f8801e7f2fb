import { createAppInfoHandler, type AppInfoSource } from '../handlers/app-info-handler';
import { createListRemovableHandler } from '../handlers/media/list-removable-handler';
import type { VolumeProbe } from '../handlers/media/volume-probe';
import type { IpcHandlers } from './create-ipc-router';

export type HandlerDependencies = {
  readonly app: AppInfoSource;
  readonly volumeProbe: VolumeProbe;
};

/** All main-process handlers, built from their dependencies. The e2e harness calls this very function. */
export function createHandlers(deps: HandlerDependencies): IpcHandlers {
  return {
    'app.info': createAppInfoHandler(deps.app),
    'media.listRemovable': createListRemovableHandler(deps.app.platform, deps.volumeProbe),
  };
}
