// Builds the Electron side with Vite: main (ESM) and preload (CommonJS: sandboxed preloads
// cannot be modules) into dist/main, bundling our code and its libraries; only electron and
// electron-store stay outside, as the app's production dependencies.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { root } from './ensure.mjs';

const outDir = join(root, 'dist', 'main');
const common = (entry, fileName, format) => ({
  configFile: false,
  root,
  logLevel: 'warn',
  build: {
    ssr: entry,
    outDir,
    emptyOutDir: false,
    target: 'node22',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      external: ['electron', 'electron-store', /^node:/],
      output: { format, entryFileNames: fileName },
    },
  },
  ssr: { noExternal: true, external: ['electron', 'electron-store'] },
});

mkdirSync(outDir, { recursive: true });
await build(common('main/electron/main.ts', 'main.js', 'es'));
await build(common('main/electron/preload.ts', 'preload.cjs', 'cjs'));
// The window and tray icons (every .png and .ico in build/, so a new one cannot be forgotten):
// macOS's tray takes the template pair (the @2x one for Retina), Windows's the .ico.
for (const icon of readdirSync(join(root, 'build')).filter((name) => /\.(png|ico)$/.test(name)))
  copyFileSync(join(root, 'build', icon), join(outDir, icon));
