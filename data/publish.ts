/**
 * npm run publish -- <exports folder> [--out public/data] [--check] [--as-of 2026-11-25T06:00:00+08:00]
 *
 * Turns a city's exports (indicators, population, incidents or counts, optional boundaries, teams,
 * hazard zones and configs; data/FORMATS.md "Publishing a city's exports") into a data folder the
 * app reads, atomically: on any problem nothing in --out changes and every problem is listed with
 * its file, line, field, value and fix; the exit code is 1. --check validates without writing.
 * The logic is data/publish/; this file is only the command line.
 */
import { parseArgs } from 'node:util';
import { publish } from './publish/run-publish.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: 'public/data' },
    check: { type: 'boolean', default: false },
    'as-of': { type: 'string' },
  },
});
if (positionals.length !== 1) {
  console.error('usage: npm run publish -- <exports folder> [--out public/data] [--check] [--as-of ISO-time]');
  process.exit(2);
}
const result = publish({ exportsDir: positionals[0]!, out: values.out!, check: values.check!, asOf: values['as-of'] });
for (const line of result.lines) (result.ok ? console.log : console.error)(line);
process.exit(result.ok ? 0 : 1);
