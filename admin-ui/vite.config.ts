import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The back office: built into admin-ui/dist, served by the API at /admin (see api/app.ts). */
export default defineConfig({
  root,
  base: '/admin/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 3000, sourcemap: false },
  // `npm start` on :3000 answers /api; `npx vite admin-ui` then proxies to it.
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
