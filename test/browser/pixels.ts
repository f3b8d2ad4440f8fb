/**
 * Counts, in a screenshot decoded in the page (no extra npm package), the pixels of each target
 * color blended over the background at 60–105 % (the fills are semi-opaque), within a small distance.
 */
import type { Page } from 'playwright-core';

export type Rgb = [number, number, number];

export const hexRgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;

export async function countColors(page: Page, png: Buffer, targets: Rgb[], background: Rgb): Promise<number[]> {
  return page.evaluate(
    async ({ b64, targets, background }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const perTarget = targets.map(() => 0);
      for (let i = 0; i < data.length; i += 4) {
        const pr = data[i] - background[0], pg = data[i + 1] - background[1], pb = data[i + 2] - background[2];
        targets.forEach((c, k) => {
          const dr = c[0] - background[0], dg = c[1] - background[1], db = c[2] - background[2];
          const t = (pr * dr + pg * dg + pb * db) / (dr * dr + dg * dg + db * db);
          if (t < 0.6 || t > 1.05) return;
          const er = pr - t * dr, eg = pg - t * dg, eb = pb - t * db;
          if (er * er + eg * eg + eb * eb <= 12 * 12) perTarget[k]++;
        });
      }
      return perTarget;
    },
    { b64: png.toString('base64'), targets, background },
  );
}
