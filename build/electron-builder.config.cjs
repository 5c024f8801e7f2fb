// electron-builder configuration. `npm run dist` builds installers for the current OS.
// Offline (no Electron download possible): set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45;
// it is passed as `electronDist`, and the `dir` target (npm run dist -- --dir) needs nothing else.
const electronDist = process.env.ELECTRON_OVERRIDE_DIST_PATH || undefined;

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.casebridge.desktop',
  productName: 'Casebridge',
  copyright: 'Casebridge contributors',
  directories: { output: 'dist', buildResources: 'build' },
  // Only the built app ships. Runtime libraries are `dependencies` (so `npm audit --omit=dev` checks them), but
  // Vite has already bundled them into out/: electron-builder would otherwise copy every production dependency's
  // node_modules folder into app.asar as well (130 MB), so node_modules is excluded.
  files: ['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json', '!node_modules/**/*'],
  asar: true,
  electronDist,
  afterPack: './build/after-pack.cjs',
  linux: { target: ['AppImage', 'deb'], category: 'Office', maintainer: 'Casebridge' },
  deb: { priority: 'optional' },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.productivity', hardenedRuntime: true },
};
