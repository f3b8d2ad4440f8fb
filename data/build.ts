/**
 * npm run data -- [region] [--out DIR] [--seed S] [--lenient]
 *
 * Builds a region's township boundaries, seeded daily data and incidents, and its daily index:
 * "3311" (Lishui, default, written to public/data and committed), a province such as "33", or "all"
 * (national, lenient, written under build/regions/ and not committed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildRegion } from './pipeline/build-region.ts';
import { DATA_SEED, DEFAULT_REGION } from './pipeline/common.ts';
import { SourceDataError } from './pipeline/sources.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    seed: { type: 'string', default: DATA_SEED },
    lenient: { type: 'boolean', default: false },
  },
});
const region = positionals[0] ?? DEFAULT_REGION;
const out = values.out ?? (region === DEFAULT_REGION ? 'public/data' : join('build/regions', region));

try {
  const started = performance.now();
  const { files } = buildRegion({ region, seed: values.seed, lenient: values.lenient || region === 'all', log: (m) => console.log(m) });
  mkdirSync(out, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text);
  console.log(`wrote ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  if (error instanceof SourceDataError) {
    console.error(`npm run data: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
