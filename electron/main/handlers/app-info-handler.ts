import type { AppInfo } from '@shared/ipc/contract';
import { ok } from '@shared/result';

export type AppInfoSource = {
  readonly name: string;
  readonly version: string;
  readonly platform: NodeJS.Platform;
  readonly dataFolder: string;
  readonly shell: AppInfo['shell'];
};

export function toAppPlatform(platform: NodeJS.Platform): AppInfo['platform'] {
  return platform === 'linux' || platform === 'darwin' || platform === 'win32' ? platform : 'other';
}

export function createAppInfoHandler(source: AppInfoSource) {
  const info: AppInfo = {
    name: source.name,
    version: source.version,
    platform: toAppPlatform(source.platform),
    dataFolder: source.dataFolder,
    shell: source.shell,
  };
  return async () => ok(info);
}
