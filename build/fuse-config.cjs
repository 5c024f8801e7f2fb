// The Electron fuses security.md requires, as data (checked by a unit test, applied by after-pack.cjs).
const { FuseVersion, FuseV1Options } = require('@electron/fuses');

module.exports = {
  version: FuseVersion.V1,
  // The app must refuse to act as a plain Node.js runtime, to take NODE_OPTIONS or --inspect.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // Tampering with app.asar makes the app refuse to start; code only ever loads from it.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // One V8 snapshot for every process, the one that ships signed inside the app.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The app is served from app://, never file://; file:// pages get no extra rights (fetch, service workers…).
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Electron 45's ninth fuse (WasmTrapHandlers) has no name in @electron/fuses 1.8; it stays at its default, on:
  // fast guard-page bounds checks for libsodium's WebAssembly. It is also why strictlyRequireAllFuses cannot be set.
};
