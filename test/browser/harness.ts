/**
 * What the browser test files share: reading the build (with a clear message when it is missing)
 * and one Chromium plus one static server per file, started before its tests and closed after.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

export const DIST = 'dist';
/** SwiftShader renders WebGL in software here: page loads take seconds, the engine tens of them. */
export const TIMEOUT = 240_000;

export function distFile(path: string): Buffer {
  const file = `${DIST}/${path}`;
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`vite build\` before the browser tests`);
  return readFileSync(file);
}

export function distText(path: string): string {
  return distFile(path).toString('utf8');
}

/** Registers the hooks; read `.browser` and `.server` inside tests. */
export function useBrowser(basePath: string): { browser: Browser; server: StaticServer } {
  const handles = {} as { browser: Browser; server: StaticServer };
  beforeAll(async () => {
    handles.server = await serveStatic(DIST, basePath);
    handles.browser = await launchChromium();
  }, TIMEOUT);
  afterAll(async () => {
    await handles.browser?.close();
    await handles.server?.close();
  });
  return handles;
}
