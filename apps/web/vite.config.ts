import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const backend = process.env.WUYE_API ?? 'http://127.0.0.1:3000';

/**
 * One Vite app, three HTML entries: the console at `/`, the staff H5 at `/m/staff/` and the
 * resident H5 at `/m/resident/`. Static PWA files (manifests, icons, sw.js) live in
 * `public/m/<app>/` and are copied to the same paths in `dist/`.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/health': { target: backend, changeOrigin: false },
      // the sandbox payment provider's pay page (served by the server, outside the SPA)
      '/sandbox': { target: backend, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: {
        console: resolve(root, 'index.html'),
        staff: resolve(root, 'm/staff/index.html'),
        resident: resolve(root, 'm/resident/index.html'),
      },
      output: {
        // React in one long-lived chunk; antd and the rest are split automatically by what each
        // entry and each lazy console page uses (one big antd chunk made the H5 apps load the
        // console's tables and pickers: ≈450 kB gzip instead of ≈330 kB).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 3 },
          ],
        },
      },
    },
  },
});
