import { createHandlers } from '../../../electron/main/ipc/create-handlers';
import type { VolumeProbe } from '../../../electron/main/handlers/media/volume-probe';

/** A probe that finds no drive: the handlers run for real, on a machine with nothing plugged in. */
export const emptyProbe: VolumeProbe = {
  readText: async () => null,
  realpath: async () => null,
  listDir: async () => [],
  isSymlink: async () => false,
  space: async () => null,
  canWrite: async () => false,
  run: async () => null,
};

/** The real main-process handlers of an Electron shell at version 1.2.3, with dialogs the user cancels. */
export function testHandlers() {
  return createHandlers({
    app: { name: 'Casebridge', version: '1.2.3', platform: 'linux', dataFolder: '/data', shell: 'electron' },
    volumeProbe: emptyProbe,
    dialogs: { chooseFolder: async () => null, chooseBundleFile: async () => null },
    documents: { chooseSavePath: async () => null, printToPdf: async () => new Uint8Array() },
  });
}
