/**
 * What the import browser tests share: waiting for the map and the incidents, dropping a file on the
 * map as a drag from the desktop does, and replacing or closing in the dialog.
 */
import type { Page } from 'playwright-core';
import { TIMEOUT } from './harness.ts';

interface ImportWindow {
  __fiveColor: {
    app: { imports: { applied: { file: string; at: number } | null } };
  };
}

export async function ready(page: Page): Promise<void> {
  await page.waitForSelector('[data-map-ready="true"]', { timeout: TIMEOUT });
  await page.waitForSelector('[data-testid="incidents-control"][data-status="ready"]', { timeout: TIMEOUT });
}

/** A drop on the map, with a DataTransfer built in the page; resolves when the dialog shows what the file is. */
export async function drop(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name));
      const target = document.querySelector('.maplibregl-canvas') ?? document.body;
      target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, text },
  );
  await page.waitForSelector('[data-testid="import-dialog"][data-phase="inspected"]', { timeout: 60_000 });
}

/** Clicks Replace and waits until the import of `file` is applied (also a second import of one name). */
export async function confirm(page: Page, file: string): Promise<void> {
  const before = await page.evaluate(() => (window as unknown as ImportWindow).__fiveColor.app.imports.applied?.at ?? 0);
  await page.click('[data-testid="import-confirm"]');
  await page.waitForFunction(
    ({ file, before }) => {
      const applied = (window as unknown as ImportWindow).__fiveColor.app.imports.applied;
      return applied?.file === file && applied.at !== before;
    },
    { file, before },
    { timeout: 120_000 },
  );
  await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached' });
}

/**
 * Drops a file that cannot be used: the dialog says so without a Replace button, then is closed.
 * Returns the problems the dialog listed.
 */
export async function refused(page: Page, name: string, text: string): Promise<string> {
  await drop(page, name, text);
  if ((await page.getAttribute('[data-testid="import-dialog"]', 'data-usable')) !== 'false') throw new Error(`${name} was accepted`);
  const problems = (await page.textContent('[data-testid="import-problems"]')) ?? '';
  if (await page.$('[data-testid="import-confirm"]')) throw new Error(`${name}: a Replace button for a file that cannot be used`);
  await page.click('[data-testid="import-cancel"]');
  await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached' });
  return problems;
}
