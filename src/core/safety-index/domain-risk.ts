/**
 * Steps 2–3 of the index (see compute-index.ts): each domain's load from its terms, its risk on the
 * domain's curve, and the weighted total the index subtracts from 100. Done domain by domain over
 * all township-days so the inner loops stay flat and branch-free.
 */
import type { IndexConfig } from './config.ts';
import { flattenCurve, type FlatCurve } from './curve.ts';
import { DOMAIN_COUNT, DOMAINS, TERM_COUNT, TERMS } from './domains.ts';

const M = TERM_COUNT;
const K = DOMAIN_COUNT;

/**
 * Fills `risk[(d · T + t) · K + domain]` and returns Σ_domains weight · risk per township-day.
 * `scratch`: N doubles, overwritten.
 */
export function computeDomainRisks(config: IndexConfig, termValue: Float32Array, absentTerms: Uint16Array, risk: Float32Array, scratch: Float64Array): Float64Array {
  const N = absentTerms.length;
  const total = new Float64Array(N);
  const load = scratch;
  for (let k = 0; k < K; k++) {
    const id = DOMAINS[k]!;
    const domain = config.domains[id];
    let mask = 0;
    load.fill(0);
    for (let m = 0; m < M; m++) {
      const spec = TERMS[m]!;
      if (spec.domain !== id) continue;
      mask |= 1 << m;
      addLoad(termValue, m, 1 / domain.terms[spec.id]!.reference, load);
    }
    domainRisk(load, absentTerms, mask, flattenCurve(domain.curve), domain.weight, risk, k, total);
  }
  return total;
}

/** load[i] += value[i · M + m] / reference, for every township-day i. */
function addLoad(values: Float32Array, m: number, reciprocal: number, load: Float64Array): void {
  const N = load.length;
  for (let i = 0, o = m; i < N; i++, o += M) load[i]! += values[o]! * reciprocal;
}

/** risk[i · K + k] = curve(load[i]) (0 when every term of the domain is absent); total[i] += weight · risk. */
function domainRisk(load: Float64Array, absent: Uint16Array, mask: number, curve: FlatCurve, weight: number, risk: Float32Array, k: number, total: Float64Array): void {
  const N = load.length;
  const xs = curve.x;
  const ys = curve.y;
  const n = xs.length;
  const x0 = xs[0]!;
  const y0 = ys[0]!;
  for (let i = 0; i < N; i++) {
    let r = 0;
    if ((absent[i]! & mask) !== mask) {
      const v = load[i]!;
      if (!(v > x0)) r = y0;
      else {
        r = ys[n - 1]!;
        for (let j = 1; j < n; j++) {
          const x1 = xs[j]!;
          if (v <= x1) {
            const xa = xs[j - 1]!;
            const ya = ys[j - 1]!;
            r = ya + ((ys[j]! - ya) * (v - xa)) / (x1 - xa);
            break;
          }
        }
      }
    }
    risk[i * K + k] = r;
    total[i]! += weight * r;
  }
}
