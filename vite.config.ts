import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served from the app:// protocol in Electron and from the loopback host in
// development and tests; relative asset URLs work under both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
  },
});
