import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const alias = { '@shared': resolve(__dirname, 'shared') };

// `--mode e2e` (the e2e suite's own build, scripts/e2e.mjs) writes the renderer to out/renderer-e2e, never over the
// app's out/renderer: that build creates vaults at the test KDF floor (renderer/src/vault/kdf/app-kdf.ts).
export default defineConfig(({ mode }) => ({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, mode === 'e2e' ? 'out/renderer-e2e' : 'out/renderer'),
      // Minified: the page parses a third of the code at every start (and in every e2e test).
      minify: true,
      // No inline scripts or styles: the CSP forbids them.
      assetsInlineLimit: 0,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
      },
    },
  },
}));
