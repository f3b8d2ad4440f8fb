/** The app state as a Svelte context: provided once by App.svelte, read by any component. */
import { getContext, setContext } from 'svelte';
import type { FiveColorApp } from './app.svelte.ts';

const KEY = Symbol('five-color-app');

export function provideApp(app: FiveColorApp): FiveColorApp {
  return setContext(KEY, app);
}

export function useApp(): FiveColorApp {
  const app = getContext<FiveColorApp | undefined>(KEY);
  if (!app) throw new Error('useApp() outside the app: App.svelte provides the state (provideApp)');
  return app;
}
