import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hatchCoverage, hatchTile } from '../../src/core/colors/hatch.ts';
import { closestPair, hueOf, perceivedLab, type Vision } from '../../src/core/colors/vision.ts';
import { LEVELS } from '../../src/core/levels.ts';

const DEFICIENCIES: Vision[] = ['protan', 'deutan', 'tritan'];
const configured = (JSON.parse(readFileSync(new URL('../../public/data/index-config.json', import.meta.url), 'utf8')) as { levelColors: string[] }).levelColors;

describe('color vision simulation', () => {
  it('reproduces the published figures for the old palette (deutan red/green ΔE 11, the reason for tuning)', () => {
    const old = ['#e5383b', '#f77f00', '#fcbf49', '#3a86ff', '#3fb950'];
    const deutan = closestPair(old, 'deutan');
    expect([deutan.a, deutan.b]).toEqual([0, 4]);
    expect(deutan.deltaE).toBeCloseTo(11.2, 1);
    expect(closestPair(old, 'protan').deltaE).toBeCloseTo(15.0, 1);
  });

  it('keeps white white and maps pure red to a yellow-brown for a protanope', () => {
    for (const v of DEFICIENCIES) expect(perceivedLab('#ffffff', v)[0]).toBeCloseTo(100, 0);
    const [, a, b] = perceivedLab('#ff0000', 'protan');
    expect(b).toBeGreaterThan(Math.abs(a));
  });
});

describe.each([
  ['the built-in level colors (src/core/levels.ts)', LEVELS.map((l) => l.color)],
  ['the configured level colors (index-config.json)', configured],
])('%s', (_name, colors) => {
  it.each(DEFICIENCIES.concat('normal'))('stay at least ΔE76 20 apart under %s vision', (vision) => {
    const pair = closestPair(colors, vision);
    expect(pair.deltaE, `${LEVELS[pair.a].key} vs ${LEVELS[pair.b].key}`).toBeGreaterThanOrEqual(20);
  });

  it('keep their official hues: red, orange, yellow, blue, green', () => {
    const hues = colors.map(hueOf);
    expect(hues[0] < 15 || hues[0] > 345).toBe(true);
    expect(hues[1]).toBeGreaterThan(20);
    expect(hues[1]).toBeLessThan(40);
    expect(hues[2]).toBeGreaterThan(38);
    expect(hues[2]).toBeLessThan(60);
    expect(hues[3]).toBeGreaterThan(200);
    expect(hues[3]).toBeLessThan(230);
    expect(hues[4]).toBeGreaterThan(100);
    expect(hues[4]).toBeLessThan(150);
  });
});

describe('hatch patterns', () => {
  it('are denser the more dangerous the level, and all distinct', () => {
    const coverage = ([1, 2, 3, 4, 5] as const).map(hatchCoverage);
    for (let i = 1; i < 5; i++) expect(coverage[i]).toBeLessThan(coverage[i - 1]);
    expect(coverage[4]).toBe(0);
    const tiles = new Set(([1, 2, 3, 4, 5] as const).map((l) => Array.from(hatchTile(l)).join()));
    expect(tiles.size).toBe(5);
  });
});
