import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium, previewDataFolder } from '../../../electron/preview/preview-paths';

describe('where the preview keeps its data', () => {
  it('uses the user app-data folder of each platform, never the desktop app folder', () => {
    expect(previewDataFolder({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Casebridge-preview');
    expect(previewDataFolder({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ana')).toBe('/xdg/Casebridge-preview');
    expect(previewDataFolder({}, 'darwin', '/Users/ana')).toBe(
      join('/Users/ana', 'Library', 'Application Support', 'Casebridge-preview'),
    );
    expect(previewDataFolder({ APPDATA: 'C:/Users/ana/AppData/Roaming' }, 'win32', 'C:/Users/ana')).toBe(
      join('C:/Users/ana/AppData/Roaming', 'Casebridge-preview'),
    );
  });

  it('takes CASEBRIDGE_PREVIEW_DATA first', () => {
    expect(previewDataFolder({ CASEBRIDGE_PREVIEW_DATA: '/tmp/trial' }, 'linux', '/home/ana')).toBe('/tmp/trial');
  });
});

describe('which Chromium the preview runs in', () => {
  const present =
    (...paths: string[]) =>
    (path: string) =>
      paths.includes(path);

  it('takes CHROMIUM_PATH when set, and only if it exists', () => {
    expect(findChromium({ CHROMIUM_PATH: '/opt/c/chrome' }, () => undefined, present('/opt/c/chrome'))).toBe(
      '/opt/c/chrome',
    );
    expect(findChromium({ CHROMIUM_PATH: '/opt/c/chrome', PATH: '/usr/bin' }, () => undefined, present())).toBeNull();
  });

  it('then looks on the PATH for chromium, chromium-browser and google-chrome, in that order', () => {
    const env = { PATH: ['/usr/local/bin', '/usr/bin'].join(process.platform === 'win32' ? ';' : ':') };
    expect(findChromium(env, () => undefined, present('/usr/bin/google-chrome', '/usr/bin/chromium'))).toBe(
      join('/usr/bin', 'chromium'),
    );
    expect(findChromium(env, () => undefined, present('/usr/local/bin/chromium-browser'))).toBe(
      join('/usr/local/bin', 'chromium-browser'),
    );
  });

  it("falls back to Playwright's own Chromium, and to null when there is none", () => {
    expect(findChromium({ PATH: '/usr/bin' }, () => '/pw/chrome', present('/pw/chrome'))).toBe('/pw/chrome');
    expect(findChromium({ PATH: '/usr/bin' }, () => '/pw/chrome', present())).toBeNull();
    expect(findChromium({}, () => undefined, present())).toBeNull();
  });
});
