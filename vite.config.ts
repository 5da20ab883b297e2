import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: a plain static bundle served by the app:// protocol (Electron) or by
// Playwright's request routing (preview). Relative paths so either origin works.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
  },
});
