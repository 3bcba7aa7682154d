/**
 * Builds the desk's web app into dist/web, which the desk's server serves at `/`
 * (src/http/web-app.ts). No inline script or style, so the server's Content-Security-Policy can
 * forbid both.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // The defender's calculator runs the law engine in the page; its one Node import, for SHA-256.
  resolve: {
    alias: { 'node:crypto': fileURLToPath(new URL('src/browser/node-crypto.ts', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Read by scripts/check-web-budget.ts to find the first page's JavaScript.
    manifest: true,
    // The polyfill is an inline script; every browser the desk supports preloads modules itself.
    modulePreload: { polyfill: false },
    // Fonts and icons as files, never as data: URLs a strict CSP would have to allow.
    assetsInlineLimit: 0,
    // ECharts (about 520 KB, 170 KB gzip) is one chunk, loaded only with a report's chart.
    chunkSizeWarningLimit: 600,
    // The build is small and quick; rolldown's note on plugin timings is only noise in the tests.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
