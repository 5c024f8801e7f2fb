import { createRequire } from 'node:module';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const fuses = require('../../../build/fuse-config.cjs') as Record<string, unknown>;
const config = require('../../../build/electron-builder.config.cjs') as Record<string, unknown>;
const pkg = require('../../../package.json') as { dependencies?: Record<string, string> };

describe('packaging', () => {
  it('sets every fuse security.md requires', () => {
    expect(fuses).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('takes away file:// its extra privileges (R10: the app is served from app://)', () => {
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('decides every fuse this @electron/fuses knows, so none stays at its default unnoticed', () => {
    const known = Object.values(FuseV1Options).filter((value) => typeof value === 'number');
    expect(known.filter((fuse) => typeof fuses[fuse] !== 'boolean')).toEqual([]);
  });

  it('ships only the built app, with the fuses hook, for Linux, Windows and macOS', () => {
    expect(config['files']).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']);
    expect(config['afterPack']).toBe('./build/after-pack.cjs');
    expect(config['asar']).toBe(true);
    expect(config['linux']).toMatchObject({ target: ['AppImage', 'deb'] });
    expect(config['win']).toMatchObject({ target: ['nsis'] });
    expect(config['mac']).toMatchObject({ target: ['dmg'] });
  });

  it('has no runtime dependencies to copy into app.asar (Vite bundles them)', () => {
    expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
  });
});
