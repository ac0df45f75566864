import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoSrc = fileURLToPath(new URL('../src', import.meta.url));
const repoModules = fileURLToPath(new URL('../node_modules', import.meta.url));
const contract = fileURLToPath(new URL('../src/contract/index.ts', import.meta.url));

export default defineConfig({
  root: webRoot,
  // Brotli and gzip copies of the built files, served as they are (see registerWebApp in src/server/app.ts).
  plugins: [react(), precompress()],
  // The HTTP contract the server's routes declare: the app takes its types and shared rules from it.
  resolve: { alias: { '@contract': contract } },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
    // The app imports the shared i18n catalogue and text helpers from ../src.
    fs: { allow: [webRoot, repoSrc, repoModules] },
  },
});
