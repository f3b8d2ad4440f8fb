import { computeIndex as computeSafetyIndex } from '../../core/safety-index/compute-index.ts';
import { validateIndexConfig } from '../../core/safety-index/config.ts';
import type { RequestContext } from '../context.ts';
import type { Requests } from '../protocol.ts';

/** The daily safety index over every day: one step, no progress (~25 ms for ~1,400 townships). */
export async function computeIndex(payload: Requests['computeIndex']['req'], ctx: RequestContext): Promise<Requests['computeIndex']['res']> {
  const config = validateIndexConfig(payload.config, typeof payload.file === 'string' && payload.file !== '' ? payload.file : 'index-config.json');
  const inputs = payload.inputs;
  if (typeof inputs !== 'object' || inputs === null || !Array.isArray(inputs.codes) || !(inputs.population instanceof Float64Array)) {
    throw new Error('computeIndex: "inputs" must hold "codes", "startDay", "dayCount" and a Float64Array "population"');
  }
  await ctx.checkpoint();
  return computeSafetyIndex(config, inputs);
}
