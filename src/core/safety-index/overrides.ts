/**
 * Step 4 of the index (see compute-index.ts): override rules that cap a township's level whatever
 * its index, for events too serious to be averaged away (e.g. a fatal accident, a rainstorm over a
 * landslide zone). Rules read raw counts / mm over their own window, not the index's decayed terms.
 */
import type { IndexConfig } from './config.ts';
import type { SourceColumn } from './input-sources.ts';

/**
 * Sets bit `rule` in `matched[d · T + t]` where that rule matches. An absent input never matches;
 * `rainfall` is the raw rainfall series (null = absent, so rainstorm-day rules never match).
 */
export function matchOverrides(
  config: IndexConfig,
  columnFor: (id: string) => SourceColumn,
  rainfall: ArrayLike<number> | null,
  exposure: Float32Array,
  T: number,
  D: number,
  matched: Uint32Array,
): void {
  const R = config.overrides.length;
  for (let r = 0; r < R; r++) {
    const rule = config.overrides[r]!;
    const found = columnFor(rule.input);
    if (found === null || (rule.rainstormDay && rainfall === null)) continue;
    const x = found.column;
    const bit = (1 << r) >>> 0;
    const L = rule.windowDays;
    for (let d = 0, i = 0; d < D; d++) {
      const jMax = d < L - 1 ? d : L - 1;
      for (let t = 0; t < T; t++, i++) {
        if (rule.minExposure !== null && exposure[t]! < rule.minExposure) continue;
        if (rule.rainstormDay && !(rainfall![i]! >= config.rainstormMm)) continue;
        let sum = 0;
        for (let j = 0, o = i; j <= jMax; j++, o -= T) {
          const v = x[o]!;
          if (v === v) sum += v;
        }
        if (sum >= rule.atLeast) matched[i] = (matched[i]! | bit) >>> 0;
      }
    }
  }
}

/** Per rule, the level it caps at (config order, as the `matched` bits). */
export function ruleCaps(config: IndexConfig): Uint8Array {
  return Uint8Array.from(config.overrides, (rule) => rule.maxLevel);
}

/**
 * The rule that caps a township-day at `level` given its matched `bits`, −1 = none: the most severe
 * cap wins, on a tie the first rule listed.
 */
export function cappingRule(bits: number, level: number, caps: Uint8Array): number {
  let rule = -1;
  for (let r = 0; r < caps.length; r++) {
    if ((bits & (1 << r)) !== 0 && caps[r]! < level) {
      level = caps[r]!;
      rule = r;
    }
  }
  return rule;
}

/**
 * Per level, the highest index it can publish — just under the next band's edge at `indexDecimals`
 * (e.g. 69.9 for orange) — so a capped township's number and color agree.
 */
export function capCeilings(config: IndexConfig): number[] {
  const scaleDecimals = 10 ** config.indexDecimals;
  return [0, ...config.bands.map((b) => (Math.round(b * scaleDecimals) - 1) / scaleDecimals)];
}
