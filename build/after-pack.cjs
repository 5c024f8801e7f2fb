// electron-builder afterPack hook: flips the Electron fuses on the packaged binary before signing.
const path = require('node:path');
const { flipFuses } = require('@electron/fuses');
const fuses = require('./fuse-config.cjs');

module.exports = async function afterPack(context) {
  const { electronPlatformName, appOutDir, packager } = context;
  const name = packager.appInfo.productFilename;
  const executable =
    electronPlatformName === 'darwin'
      ? path.join(appOutDir, `${name}.app`)
      : electronPlatformName === 'win32'
        ? path.join(appOutDir, `${name}.exe`)
        : path.join(appOutDir, packager.executableName);
  await flipFuses(executable, {
    ...fuses,
    resetAdHocDarwinSignature: electronPlatformName === 'darwin' && context.arch === 3,
  });
};
