/**
 * The fixed vocabulary of the safety index: its six domains and the inputs ("terms") each one reads.
 * The config (index-config.json) gives the numbers — weights, reference values, windows — but not
 * the structure: which input belongs to which domain is fixed here, so every config is explainable
 * the same way. See DESIGN.md §3 and data/FORMATS.md ("index-config.json").
 */
import { DAILY_SERIES } from '../daily-series.ts';
import { INCIDENT_TYPES } from '../incidents/incident-types.ts';

export const DOMAINS = ['social_security', 'production_safety', 'fire_traffic', 'geological', 'disputes', 'resilience'] as const;
export type DomainId = (typeof DOMAINS)[number];
export const DOMAIN_COUNT = DOMAINS.length;

export const DOMAIN_LABELS: Readonly<Record<DomainId, { zh: string; en: string }>> = {
  social_security: { zh: '社会治安', en: 'Social security' },
  production_safety: { zh: '安全生产', en: 'Production safety' },
  fire_traffic: { zh: '消防交通', en: 'Fire & traffic' },
  geological: { zh: '地质灾害', en: 'Geological hazard' },
  disputes: { zh: '矛盾纠纷', en: 'Conflicts & disputes' },
  resilience: { zh: '应急能力', en: 'Resilience' },
};

/**
 * Where a term's daily value comes from:
 * - `incidents`: the join's counts of one incident type (`type`, index into INCIDENT_TYPES);
 * - `series`: a daily.json series of the same id;
 * - `uncovered`: 1 − the share of the township covered by emergency teams (a static value).
 */
export type TermSource = 'incidents' | 'series' | 'uncovered';

export interface TermSpec {
  readonly id: string;
  readonly domain: DomainId;
  readonly source: TermSource;
  /** Incident type index for `incidents` terms. */
  readonly type?: number;
  /** The value is multiplied by the township's geological exposure (rainfall). */
  readonly exposure?: boolean;
  readonly zh: string;
  readonly unit: string;
}

const type = (id: (typeof INCIDENT_TYPES)[number]): number => INCIDENT_TYPES.indexOf(id);

/** Every term, in the order of the engine's per-term array (`termValue`). */
export const TERMS: readonly TermSpec[] = [
  { id: 'public_security', domain: 'social_security', source: 'incidents', type: type('public_security'), zh: '治安案件', unit: 'incidents' },
  { id: 'criminal_case', domain: 'social_security', source: 'incidents', type: type('criminal_case'), zh: '刑事案件', unit: 'incidents' },
  { id: 'production_accident', domain: 'production_safety', source: 'incidents', type: type('production_accident'), zh: '生产事故', unit: 'incidents' },
  { id: 'major_hazards_open', domain: 'production_safety', source: 'series', zh: '未整改重大隐患', unit: 'hazards' },
  { id: 'fire', domain: 'fire_traffic', source: 'incidents', type: type('fire'), zh: '火灾', unit: 'incidents' },
  { id: 'road_accident', domain: 'fire_traffic', source: 'incidents', type: type('road_accident'), zh: '交通事故', unit: 'incidents' },
  { id: 'rainfall', domain: 'geological', source: 'series', exposure: true, zh: '降雨 × 易发区占比', unit: 'mm' },
  { id: 'geological_event', domain: 'geological', source: 'incidents', type: type('geological_event'), zh: '地质灾害险情', unit: 'events' },
  { id: 'disputes_new', domain: 'disputes', source: 'series', zh: '新增纠纷', unit: 'disputes' },
  { id: 'disputes_open', domain: 'disputes', source: 'series', zh: '未化解纠纷', unit: 'disputes' },
  { id: 'uncovered', domain: 'resilience', source: 'uncovered', zh: '救援队伍未覆盖面积占比', unit: 'share' },
];
export const TERM_COUNT = TERMS.length;

export function termsOf(domain: DomainId): TermSpec[] {
  return TERMS.filter((t) => t.domain === domain);
}

/** What an override rule may test: any incident type or daily series, summed over its window. */
export const RULE_INPUTS: readonly string[] = [...INCIDENT_TYPES, ...DAILY_SERIES];
