import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The citizen portal and kiosk: built into portal/dist, served by the API at / (see api/app.ts). */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2020' },
  // `npm start` on :3000 answers /api; `npx vite portal` then proxies to it.
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
