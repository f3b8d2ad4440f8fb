import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOMAINS, TERMS } from '../../src/core/safety-index/domains.ts';
import { parseIndexConfig, validateIndexConfig } from '../../src/core/safety-index/config.ts';
import { DataError } from '../../src/core/data-error.ts';
import { DEFAULT_BANDS } from '../../src/core/levels.ts';

/** The config as plain JSON, mutated freely by the cases below. */
type ConfigJson = Record<string, any>;

const FILE = 'index-config.json';
const defaultText = readFileSync('public/data/index-config.json', 'utf8');
const fresh = (): ConfigJson => JSON.parse(defaultText) as ConfigJson;

function problem(mutate: (c: ConfigJson) => void): string {
  const json = fresh();
  mutate(json);
  try {
    validateIndexConfig(json, FILE);
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).file).toBe(FILE);
    return (err as Error).message;
  }
  throw new Error('expected the config to be rejected');
}

describe('the default index-config.json', () => {
  it('is valid, has the six domains with weights summing to 1 and a reference for every input', () => {
    const config = parseIndexConfig(defaultText, FILE);
    expect(Object.keys(config.domains)).toEqual([...DOMAINS]);
    expect(DOMAINS.reduce((s, d) => s + config.domains[d].weight, 0)).toBeCloseTo(1, 9);
    for (const t of TERMS) expect(config.domains[t.domain].terms[t.id]!.reference, t.id).toBeGreaterThan(0);
    expect(config.bands).toEqual(DEFAULT_BANDS);
    expect(config.overrides.map((r) => r.id)).toEqual(['fatal_incident', 'red_geological_warning', 'geological_events_in_rainstorm', 'dispute_surge']);
    expect(config.levelColors).toHaveLength(5);
  });
});

describe('validateIndexConfig names the key that is wrong', () => {
  it.each<[string, (c: ConfigJson) => void, RegExp]>([
    ['weights not summing to 1', (c) => (c.domains.social_security.weight = 0.3), /^index-config\.json: "domains\.\*\.weight" must sum to 1; they sum to 1\.05 \(social_security 0\.3, .*\) — change the weights so they add up to 1 · “domains\.\*\.weight”之和必须为 1，当前为 1\.05（social_security 0\.3、/],
    ['a negative weight', (c) => (c.domains.disputes.weight = -0.1), /"domains\.disputes\.weight" must be within 0 … 1, got -0\.1/],
    ['overlapping bands', (c) => (c.bands = [60, 70, 70, 90]), /"bands\[2\]" \(70\) must be greater than bands\[1\] \(70\): bands may not overlap or be unsorted/],
    ['unsorted bands', (c) => (c.bands = [60, 80, 70, 90]), /"bands\[2\]" \(70\) must be greater than bands\[1\] \(80\)/],
    ['three bands', (c) => (c.bands = [60, 70, 80]), /"bands" must be 4 numbers/],
    ['a band outside 0–100', (c) => (c.bands = [60, 70, 80, 190]), /"bands\[3\]" must be within 0 … 100, got 190/],
    ['an unknown domain', (c) => (c.domains.crime = { weight: 0 }), /"domains\.crime" is not a domain \(expected social_security, production_safety/],
    ['a missing domain', (c) => delete c.domains.resilience, /"domains\.resilience" is missing/],
    ['a missing reference', (c) => delete c.domains.fire_traffic.terms.fire.reference, /"domains\.fire_traffic\.terms\.fire\.reference" is missing/],
    ['a missing input', (c) => delete c.domains.geological.terms.rainfall, /"domains\.geological\.terms\.rainfall" is missing \(each input needs a "reference"\)/],
    ['a zero reference', (c) => (c.domains.disputes.terms.disputes_new.reference = 0), /"domains\.disputes\.terms\.disputes_new\.reference" must be greater than 0, got 0 · “domains\.disputes\.terms\.disputes_new\.reference”应大于 0，实际为 0$/],
    ['an input in the wrong domain', (c) => (c.domains.disputes.terms.fire = { reference: 1 }), /"domains\.disputes\.terms\.fire" belongs to domain fire_traffic, not disputes/],
    ['an unknown input', (c) => (c.domains.disputes.terms.noise = { reference: 1 }), /"domains\.disputes\.terms\.noise" is not an input of disputes \(expected disputes_new, disputes_open\)/],
    ['a bad window kind', (c) => (c.domains.disputes.terms.disputes_new.window = 'weekly'), /"domains\.disputes\.terms\.disputes_new\.window" must be "decayed" or "today"/],
    ['a static share with a window', (c) => (c.domains.resilience.terms.uncovered.window = 'decayed'), /"domains\.resilience\.terms\.uncovered" is a static share/],
    ['a decay above 1', (c) => (c.window.decay = 1.5), /"window\.decay" must be within 0 … 1, got 1\.5/],
    ['a missing window', (c) => delete c.window, /"window" is missing/],
    ['a curve whose risk falls', (c) => (c.curve = [[0, 0], [1, 50], [2, 40]]), /"curve\[2\]" risk 40 must not be below the previous point's 50/],
    ['a curve with loads out of order', (c) => (c.domains.geological.curve = [[0, 0], [2, 10], [1, 20]]), /"domains\.geological\.curve\[2\]" load 1 must be greater than the previous point's 2/],
    ['a risk above 100', (c) => (c.curve = [[0, 0], [1, 150]]), /"curve\[1\]\[1\]" must be within 0 … 100, got 150/],
    ['an unknown rule input', (c) => (c.overrides[0].input = 'deaths'), /"overrides\[0\]\.input" "deaths" is not an input \(expected one of public_security/],
    ['a rule capping at green', (c) => (c.overrides[1].maxLevel = 5), /"overrides\[1\]\.maxLevel" must be within 1 … 4, got 5/],
    ['a duplicate rule id', (c) => (c.overrides[1].id = c.overrides[0].id), /"overrides\[1\]\.id" "fatal_incident" is used by another rule/],
    ['a fractional window', (c) => (c.overrides[0].windowDays = 1.5), /"overrides\[0\]\.windowDays" must be an integer, got 1\.5/],
    ['a bad level color', (c) => (c.levelColors[2] = 'yellow'), /"levelColors\[2\]" must be a #rgb or #rrggbb color, got "yellow"/],
    ['another version', (c) => (c.version = 2), /"version" must be 1, got 2/],
  ])('%s', (_, mutate, message) => {
    expect(problem(mutate)).toMatch(message);
  });

  it('rejects text that is not JSON, naming the file', () => {
    expect(() => parseIndexConfig('{"version": 1,', FILE)).toThrow(/^index-config\.json: not valid JSON/);
    expect(() => parseIndexConfig('', FILE)).toThrow('index-config.json: the file is empty');
    expect(() => parseIndexConfig('[]', FILE)).toThrow('index-config.json: is [], not an index config: expected a JSON object like {"version": 1, "bands": [60, 70, 80, 90], …} · 为 []，不是指数配置');
  });

  it('fills documented defaults: indexDecimals 1, no level colors, per10k false and window "today" when left out', () => {
    const json = fresh();
    delete json.indexDecimals;
    delete json.levelColors;
    delete json.domains.production_safety.terms.major_hazards_open.per10k;
    delete json.domains.production_safety.terms.major_hazards_open.window;
    const config = validateIndexConfig(json, FILE);
    expect(config.indexDecimals).toBe(1);
    expect(config.levelColors).toBeNull();
    expect(config.domains.production_safety.terms.major_hazards_open).toEqual({ reference: 2.5, per10k: false, window: 'today' });
    // A domain without its own curve uses the top-level one.
    expect(config.domains.social_security.curve).toEqual(config.curve);
    expect(config.domains.resilience.curve).toEqual([[0, 0], [1, 100]]);
  });
});
