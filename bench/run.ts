/**
 * Runs every benchmark: each `bench/*.bench.ts`, in name order, as its own Node process (so the
 * JIT state and heap of one benchmark cannot skew the next), printing its output as it goes.
 *
 *   npm run bench              # all of them
 *   npm run bench -- join      # only files whose name contains "join"
 *
 * A bench file is a plain script that measures and prints its own results (tables to stdout). It
 * runs with --expose-gc, so it may call `globalThis.gc?.()` between measurements.
 * Exit code: non-zero when any bench file fails.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

if (files.length === 0) {
  console.error(`no bench/*.bench.ts file${filters.length > 0 ? ` matching ${filters.join(', ')}` : ''}`);
  process.exit(1);
}
let failed = 0;
for (const f of files) {
  console.log(`\n=== bench/${f} ===\n`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join('bench', f)], { cwd: root, stdio: 'inherit' });
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    failed++;
    console.log(`\n=== bench/${f} FAILED (exit ${r.status ?? r.signal}) after ${secs} s ===`);
  } else console.log(`\n=== bench/${f} done in ${secs} s ===`);
}
process.exit(failed > 0 ? 1 : 0);
