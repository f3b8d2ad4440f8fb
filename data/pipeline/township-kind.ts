/**
 * A township's kind from its name — 街道 (urban street), 镇 (town), 乡 (rural township), anything
 * else (开发区, 农场…) — which the daily data and the incident points weigh by. A leaf module: it
 * imports nothing from the pipeline modules that use it.
 */

export type TownshipKind = 'street' | 'town' | 'township' | 'other';

export function townshipKind(name: string): TownshipKind {
  if (name.endsWith('街道')) return 'street';
  if (name.endsWith('镇')) return 'town';
  if (name.endsWith('乡')) return 'township';
  return 'other';
}
