import { createAppInfoHandler, type AppInfoSource } from '../handlers/app-info-handler';
import { createListRemovableHandler } from '../handlers/media/list-removable-handler';
import type { VolumeProbe } from '../handlers/media/volume-probe';
import { createExchangeHandlers, type ExchangeDialogs } from '../handlers/exchange/create-exchange-handlers';
import { createPathGrants } from '../handlers/files/path-grants';
import { createDocumentHandlers, type DocumentDependencies } from '../handlers/documents/create-document-handlers';
import { createSaveStreamHandlers } from '../handlers/documents/create-save-stream-handlers';
import type { IpcHandlers } from './create-ipc-router';

export type HandlerDependencies = {
  readonly app: AppInfoSource;
  readonly volumeProbe: VolumeProbe;
  readonly dialogs: ExchangeDialogs;
  readonly documents: DocumentDependencies;
};

/** All main-process handlers, built from their dependencies. The e2e harness calls this very function. */
export function createHandlers(deps: HandlerDependencies): IpcHandlers {
  const listRemovable = createListRemovableHandler(deps.app.platform, deps.volumeProbe);
  return {
    'app.info': createAppInfoHandler(deps.app),
    'media.listRemovable': listRemovable,
    ...createExchangeHandlers({
      grants: createPathGrants(),
      dialogs: deps.dialogs,
      listVolumes: async () => {
        const result = await listRemovable();
        return result.ok ? result.value : [];
      },
    }),
    ...createDocumentHandlers(deps.documents),
    ...createSaveStreamHandlers(deps.documents),
  };
}
