import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The name of the preview's data folder: beside the desktop app's, never the same one. */
export const PREVIEW_FOLDER_NAME = 'Casebridge-preview';

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The user's app-data folder for the preview, as Electron picks one for the desktop app: the XDG config folder on
 * Linux, Application Support on macOS, %APPDATA% on Windows. CASEBRIDGE_PREVIEW_DATA overrides it (tests, trials).
 */
export function previewDataFolder(env: Environment, platform: NodeJS.Platform, home: string): string {
  const override = env['CASEBRIDGE_PREVIEW_DATA'];
  if (override) return override;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PREVIEW_FOLDER_NAME);
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), PREVIEW_FOLDER_NAME);
  return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), PREVIEW_FOLDER_NAME);
}

/**
 * A Chromium to run the preview in: CHROMIUM_PATH, then chromium, chromium-browser or google-chrome on the PATH,
 * then Playwright's own download. Returns null when there is none.
 */
export function findChromium(
  env: Environment,
  playwrightPath: () => string | undefined,
  exists: (path: string) => boolean = existsSync,
): string | null {
  const explicit = env['CHROMIUM_PATH'];
  if (explicit) return exists(explicit) ? explicit : null;
  const folders = (env['PATH'] ?? '').split(delimiter).filter((folder) => folder !== '');
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    for (const folder of folders) {
      const candidate = join(folder, name);
      if (exists(candidate)) return candidate;
    }
  }
  const bundled = playwrightPath();
  return bundled && exists(bundled) ? bundled : null;
}
