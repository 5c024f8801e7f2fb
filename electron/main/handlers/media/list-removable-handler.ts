import { ok, err } from '@shared/result';
import { listLinuxVolumes } from './list-linux-volumes';
import { listMacosVolumes } from './list-macos-volumes';
import { listWindowsVolumes } from './list-windows-volumes';
import type { VolumeProbe } from './volume-probe';

export function createListRemovableHandler(platform: NodeJS.Platform, probe: VolumeProbe) {
  return async () => {
    switch (platform) {
      case 'linux':
        return ok(await listLinuxVolumes(probe));
      case 'darwin':
        return ok(await listMacosVolumes(probe));
      case 'win32':
        return ok(await listWindowsVolumes(probe));
      default:
        return err(
          'not-supported',
          `Removable drives cannot be detected on ${platform}. Choose a folder on the drive instead.`,
        );
    }
  };
}
