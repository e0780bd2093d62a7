/// <reference types="vitest/config" />
import { defineConfig, defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';

// The libs are consumed as TypeScript source through the `@ticketflow/source`
// export condition, so the Designer always runs the same code as the server.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['@ticketflow/source', ...defaultClientConditions] },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: true } },
  },
  build: { outDir: 'dist', emptyOutDir: true },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    unstubGlobals: true,
  },
});
