// Builds the benchmark page (bench/page) into bench/dist: production React,
// the app's own CSS and renderer, never shipped with the app.
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { slimDependencies } from '../scripts/slim-dependencies.ts';

export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  // As in the app's own config: the same modules left out.
  plugins: [slimDependencies(), react(), tailwindcss()],
  logLevel: 'warn',
  // BENCH_NO_MINIFY=1 keeps function names readable in a CPU profile.
  build: { outDir: fileURLToPath(new URL('./dist', import.meta.url)), emptyOutDir: true, minify: !process.env.BENCH_NO_MINIFY },
});
