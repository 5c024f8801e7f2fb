import { shellErr } from '@shared/ipc/describe-shell-message';
import { ok } from '@shared/result';
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
        return shellErr({ code: 'drives-not-detected', params: { platform } });
    }
  };
}
