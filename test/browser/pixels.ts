/** Screenshots read back in the page (no extra npm package): which level colors are on screen, what changed. */
import type { Page } from 'playwright-core';

export type Rgb = [number, number, number];

export const hexRgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;

/**
 * Decodes a PNG in the page (no extra npm package) and counts, per target color, the pixels that lie
 * on the segment background → color at 60–105 % (the fill is drawn semi-opaque over the background;
 * hovering makes it opaque), within a small distance. Also counts background-colored pixels.
 */
export async function countColors(page: Page, png: Buffer, targets: Rgb[], background: Rgb): Promise<{ total: number; background: number; perTarget: number[] }> {
  return page.evaluate(
    async ({ b64, targets, background }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const perTarget = targets.map(() => 0);
      let bg = 0;
      for (let i = 0; i < data.length; i += 4) {
        const r = data[i], g = data[i + 1], b = data[i + 2];
        if (Math.abs(r - background[0]) + Math.abs(g - background[1]) + Math.abs(b - background[2]) <= 6) {
          bg++;
          continue;
        }
        targets.forEach((c, k) => {
          const dr = c[0] - background[0], dg = c[1] - background[1], db = c[2] - background[2];
          const pr = r - background[0], pg = g - background[1], pb = b - background[2];
          const t = (pr * dr + pg * dg + pb * db) / (dr * dr + dg * dg + db * db);
          if (t < 0.6 || t > 1.05) return;
          const er = pr - t * dr, eg = pg - t * dg, eb = pb - t * db;
          if (er * er + eg * eg + eb * eb <= 12 * 12) perTarget[k]++;
        });
      }
      return { total: data.length / 4, background: bg, perTarget };
    },
    { b64: png.toString('base64'), targets, background },
  );
}

/**
 * Pixels whose color moved by more than a rendering wobble between two same-size screenshots,
 * decoded in the page: a changed PNG byte is not a visible change, a changed color is.
 */
export function changedPixels(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ({ a, b }) => {
      const pixels = async (b64: string): Promise<Uint8ClampedArray> => {
        const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
        const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [p, q] = await Promise.all([pixels(a), pixels(b)]);
      let changed = 0;
      for (let i = 0; i < p.length; i += 4) {
        if (Math.abs(p[i] - q[i]) + Math.abs(p[i + 1] - q[i + 1]) + Math.abs(p[i + 2] - q[i + 2]) > 40) changed++;
      }
      return changed;
    },
    { a: a.toString('base64'), b: b.toString('base64') },
  );
}

/**
 * The map canvas once MapLibre has drawn everything pending: its own pixels only, without the
 * panels, dialogs and banners laid over it (their coming and going is not a change of the map).
 */
export async function mapPixels(page: Page): Promise<Buffer> {
  await mapIdle(page);
  return page.locator('canvas.maplibregl-canvas').screenshot({ style: CANVAS_ONLY });
}

const CANVAS_ONLY = 'body * { visibility: hidden !important; } canvas.maplibregl-canvas { visibility: visible !important; }';

/** Resolves once MapLibre has drawn everything pending (a repaint, then its next 'idle'). */
export function mapIdle(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const { map } = (window as unknown as { __fiveColor: { map: { once(e: string, f: () => void): void; triggerRepaint(): void } } }).__fiveColor;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}
