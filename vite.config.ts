import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { slimDependencies } from './scripts/slim-dependencies.ts';

// In development the app server (npm start) owns the gateway proxy; Vite forwards to it.
const appServer = process.env.APP_SERVER_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [slimDependencies(), react(), tailwindcss()],
  server: {
    proxy: {
      '/v1': { target: appServer, changeOrigin: true },
      '/health': { target: appServer, changeOrigin: true },
      '/app-config.json': { target: appServer, changeOrigin: true },
    },
  },
  build: { outDir: 'dist', sourcemap: true },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/test-setup.ts'],
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
