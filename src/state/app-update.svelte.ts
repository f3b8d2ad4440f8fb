/**
 * The service worker, seen from the page: registered after the first colored frame (its precache
 * download never competes with the first paint), a new build announced instead of swapped in under
 * the user, and — the first time it takes control — the data the page already loaded copied into its
 * cache, so that the very next visit works with no network.
 */
export class AppUpdate {
  /** A new build is installed and waiting: "a new version is ready". */
  ready = $state(false);
  /** The browser says it has no network (the notice shows the age of the cached data). */
  online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  private update: ((reload?: boolean) => Promise<void>) | null = null;

  constructor() {
    if (typeof window === 'undefined') return;
    window.addEventListener('online', () => (this.online = true));
    window.addEventListener('offline', () => (this.online = false));
  }

  /** `dataUrls()`: the data files the page has loaded, copied into the cache when the worker first takes over. */
  async register(dataUrls: () => string[]): Promise<void> {
    if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
    const { registerSW } = await import('virtual:pwa-register');
    if (!navigator.serviceWorker.controller) {
      navigator.serviceWorker.addEventListener('controllerchange', () => void warm(dataUrls()), { once: true });
    }
    this.update = registerSW({ immediate: true, onNeedRefresh: () => (this.ready = true) });
  }

  /** Switch to the waiting build now; the page reloads with the same URL. */
  async apply(): Promise<void> {
    if (this.update && this.ready) await this.update(true);
    else location.reload();
  }
}

async function warm(urls: string[]): Promise<void> {
  // Through the now-controlling worker: network-first puts each response in the data cache.
  await Promise.allSettled(urls.map((url) => fetch(url, { cache: 'no-cache' })));
}
