import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The renderer is served from the app:// protocol in Electron and from the loopback host in
// development and tests; relative asset URLs work under both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  resolve: {
    // Zod set up for the page's CSP before any schema is made (renderer/zod-csp.ts).
    alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('./renderer/zod-csp.ts', import.meta.url)) }],
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
  },
});
