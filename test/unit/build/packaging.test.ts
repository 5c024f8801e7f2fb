import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const fuses = require('../../../build/fuse-config.cjs') as Record<string, unknown>;
const config = require('../../../build/electron-builder.config.cjs') as Record<string, unknown>;
const pkg = require('../../../package.json') as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const root = new URL('../../..', import.meta.url).pathname;

/** The packages the shipped code imports: renderer, shared, main and preload (Vite bundles them into out/). */
function runtimeImports(): Set<string> {
  const found = new Set<string>();
  for (const folder of ['renderer/src', 'shared', 'electron/main', 'electron/preload']) {
    for (const file of readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })) {
      if (!/\.tsx?$/.test(file)) continue;
      const source = readFileSync(join(root, folder, file), 'utf8');
      const specs = source.matchAll(
        /^\s*(?:import|export)\s(?!type\s)(?:[^'";]*?from\s+)?'([^'.][^']*)'|import\('([^'.][^']*)'\)/gm,
      );
      for (const [, fromImport, dynamicImport] of specs) {
        const spec = fromImport ?? dynamicImport ?? '';
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec);
        if (name.startsWith('node:') || builtinModules.includes(name) || spec.startsWith('@shared/')) continue;
        found.add(name);
      }
    }
  }
  return found;
}

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
    expect(config['files']).toEqual([
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      'package.json',
      '!node_modules/**/*',
    ]);
    expect(config['afterPack']).toBe('./build/after-pack.cjs');
    expect(config['asar']).toBe(true);
    expect(config['linux']).toMatchObject({ target: ['AppImage', 'deb'] });
    expect(config['win']).toMatchObject({ target: ['nsis'] });
    expect(config['mac']).toMatchObject({ target: ['dmg'] });
  });

  it('lists every library the shipped code imports under dependencies, so `npm audit --omit=dev` checks it (R11)', () => {
    const imported = [...runtimeImports()].filter((name) => name !== 'electron').sort();
    expect(imported.length).toBeGreaterThan(5);
    expect(imported.filter((name) => pkg.dependencies?.[name] === undefined)).toEqual([]);
  });

  it('keeps tooling out of dependencies, and Electron in devDependencies as electron-builder requires', () => {
    const imported = runtimeImports();
    expect(Object.keys(pkg.dependencies ?? {}).filter((name) => !imported.has(name))).toEqual([]);
    expect(pkg.devDependencies?.['electron']).toBeDefined();
  });
});
