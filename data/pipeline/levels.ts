/**
 * A stand-in daily index: one seeded value per township per date, with the spread DESIGN.md asks for
 * (mostly green and blue, some yellow, few orange, rare red). The real index engine replaces this
 * file's output with the same format (see docs/formats.md, "levels.json").
 */
import { createRandom, normal } from '../../src/core/random.ts';
import type { LevelsFile } from '../../src/core/levels-file.ts';

export function generateLevels(codes: string[], dates: string[], seed: string): LevelsFile {
  const index = dates.map((date) =>
    codes.map((code) => {
      const random = createRandom(`${seed}:index:${date}:${code}`);
      // Lognormal risk around 10 points (index ≈ 90) puts ~50% green, ~38% blue, ~9% yellow,
      // ~2% orange and ~1% red.
      const risk = Math.exp(Math.log(10) + 0.6 * normal(random));
      return Math.round(Math.max(0, 100 - risk) * 10) / 10;
    }),
  );
  return { version: 1, dates, codes, index };
}
