export type ElectronLocation = { path: string; missing?: undefined } | { missing: string; path?: undefined };
export function executableIn(distFolder: string, platform?: NodeJS.Platform): string;
export function locateElectron(options?: {
  root: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}): ElectronLocation;
export function missingElectronMessage(reason: string): string;
