import optimizeLocales from '@react-aria/optimize-locales-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: a plain static bundle served by the app:// protocol (Electron) or by
// Playwright's request routing (preview). Relative paths so either origin works.
export default defineConfig({
  root: 'renderer',
  base: './',
  // React Aria ships strings for 34 locales; the app speaks English and German only.
  plugins: [react(), optimizeLocales.vite({ locales: ['en-US', 'de-DE'] })],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    // One bundle on purpose: a desktop app loads it from disk; `npm run bench` watches its size.
    chunkSizeWarningLimit: 800,
  },
});
