// Builds the benchmark page (bench/page) into bench/dist: production React,
// the app's own CSS and renderer, never shipped with the app.
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  plugins: [react(), tailwindcss()],
  // As in the app's own config: the browser's structuredClone, not the polyfill.
  resolve: { alias: { '@ungap/structured-clone': fileURLToPath(new URL('../src/app/structured-clone.ts', import.meta.url)) } },
  logLevel: 'warn',
  // BENCH_NO_MINIFY=1 keeps function names readable in a CPU profile.
  build: { outDir: fileURLToPath(new URL('./dist', import.meta.url)), emptyOutDir: true, minify: !process.env.BENCH_NO_MINIFY },
});
