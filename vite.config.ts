import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { trimmedMaplibreCss } from './scripts/maplibre-css.ts';

export default defineConfig({
  // Relative URLs: the built folder works from any path on any static server.
  base: './',
  plugins: [
    svelte(),
    trimmedMaplibreCss(),
    // Offline after one visit: the app shell is precached; data files go network-first with a short
    // timeout and fall back to the copy from the last visit. Data is not precached: a city replacing
    // a file in place (new boundaries, today's levels) must never be shown an old copy while online.
    VitePWA({
      registerType: 'prompt',
      injectRegister: null,
      includeAssets: ['icons/*.png'],
      manifest: {
        name: '平安五色图 · Five-Color Safety Map',
        short_name: '平安五色图',
        description: '乡镇（街道）每日平安指数五色图 · daily safety index of every township',
        lang: 'zh-CN',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#0b1220',
        theme_color: '#0b1220',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any maskable' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,mjs,css,html,png,svg,webmanifest}'],
        globIgnores: ['data/**', 'config.json'],
        // deck.gl's chunk is large but loads only with incidents; precaching it keeps them offline too.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        // The first install takes the open page at once, so the page can copy its data into the cache
        // (state/app-update.svelte.ts) and a reload with no network still shows it. Later builds wait
        // for the user (or the wall's nightly reload): nothing changes under someone reading the map.
        clientsClaim: true,
        navigateFallback: 'index.html',
        runtimeCaching: [
          {
            urlPattern: ({ sameOrigin, request }) => sameOrigin && request.method === 'GET' && request.mode !== 'navigate',
            handler: 'NetworkFirst',
            options: {
              cacheName: 'five-color-data',
              networkTimeoutSeconds: 4,
              expiration: { maxEntries: 64 },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ],
  // maplibre-gl starts its worker from import.meta.url; pre-bundling would break that path.
  optimizeDeps: { exclude: ['maplibre-gl'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: 'es' },
});
