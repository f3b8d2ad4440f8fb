/**
 * Where a term's or an override rule's input lives: an incident type (interleaved in the join's
 * counts) or a daily series. Both the engine and the explanation read through here, so the raw value
 * shown beside a term is the one the term was computed from.
 */
import { INCIDENT_TYPES } from '../incidents/incident-types.ts';
import { TERMS } from './domains.ts';
import type { IndexInputs } from './index-inputs.ts';
import type { IndexResult } from './index-result.ts';

export interface Source {
  readonly values: ArrayLike<number>;
  readonly stride: number;
  readonly offset: number;
  /** Some value is NaN (not reported); incident counts never are. */
  readonly gaps: boolean;
}

/** A source and its values as one column `[d · T + t]`; null = the input is absent. */
export type SourceColumn = { readonly source: Source; readonly column: Float64Array } | null;

export function sourceOf(id: string, inputs: IndexInputs): Source | null {
  const type = (INCIDENT_TYPES as readonly string[]).indexOf(id);
  if (type >= 0) {
    const inc = inputs.incidents;
    if (!inc || type >= inc.typeCount) return null;
    return { values: inc.counts, stride: inc.typeCount, offset: type, gaps: !(inc.counts instanceof Uint32Array) && hasNaN(inc.counts) };
  }
  const series = inputs.series?.[id];
  return series ? { values: series, stride: 1, offset: 0, gaps: hasNaN(series) } : null;
}

/**
 * Columns by input id, each de-interleaved once: terms and override rules often read the same
 * input, and a column is N = days × townships values.
 */
export function sourceColumns(inputs: IndexInputs, N: number): (id: string) => SourceColumn {
  const columns = new Map<string, SourceColumn>();
  return (id) => {
    if (!columns.has(id)) {
      const source = sourceOf(id, inputs);
      columns.set(id, source === null ? null : { source, column: columnOf(source, N) });
    }
    return columns.get(id)!;
  };
}

function hasNaN(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) return true;
  return false;
}

/** A source as one Float64Array `[d · T + t]` (series as they are; incident counts de-interleaved). */
function columnOf(source: Source, N: number): Float64Array {
  if (source.stride === 1 && source.offset === 0 && source.values instanceof Float64Array) return source.values;
  const out = new Float64Array(N);
  const { values, stride, offset } = source;
  for (let i = 0, j = offset; i < N; i++, j += stride) out[i] = values[j]!;
  return out;
}

/** The raw input of term `m` (TERMS order) for township t on day d: count, mm, backlog or uncovered share; NaN = not reported. */
export function termRawValue(result: IndexResult, m: number, t: number, d: number): number {
  const spec = TERMS[m]!;
  if (spec.source === 'uncovered') return 1 - result.coverage[t]!;
  const source = sourceOf(spec.id, result.inputs);
  return source === null ? Number.NaN : Number(source.values[(d * result.townships + t) * source.stride + source.offset]);
}
