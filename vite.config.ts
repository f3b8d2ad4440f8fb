import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  // Relative URLs: the built folder works from any path on any static server.
  base: './',
  plugins: [svelte()],
  // maplibre-gl starts its worker from import.meta.url; pre-bundling would break that path.
  optimizeDeps: { exclude: ['maplibre-gl'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: 'es' },
});
