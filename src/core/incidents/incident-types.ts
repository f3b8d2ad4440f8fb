/**
 * The fixed list of incident types the join counts, in a fixed order: the position in
 * {@link INCIDENT_TYPES} is the type index used in `types` arrays and in the `counts`
 * layout `[township × type]` of `joinPoints`.
 */
export const INCIDENT_TYPES = [
  'public_security',
  'criminal_case',
  'production_accident',
  'fire',
  'road_accident',
  'geological_event',
  'dispute',
] as const;

export type IncidentType = (typeof INCIDENT_TYPES)[number];

/** Number of incident types (the `typeCount` of the counts layout). */
export const INCIDENT_TYPE_COUNT = INCIDENT_TYPES.length;

/** Chinese display labels, also accepted by the parsers as type values. */
export const INCIDENT_TYPE_LABELS_ZH: Readonly<Record<IncidentType, string>> = {
  public_security: '治安案件',
  criminal_case: '刑事案件',
  production_accident: '生产事故',
  fire: '火灾',
  road_accident: '交通事故',
  geological_event: '地质灾害',
  dispute: '矛盾纠纷',
};

/** The types as messages list them: `public_security (治安案件), criminal_case (刑事案件), …`. */
export const INCIDENT_TYPE_LIST = INCIDENT_TYPES.map((t) => `${t} (${INCIDENT_TYPE_LABELS_ZH[t]})`).join(', ');

const LOOKUP: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  INCIDENT_TYPES.forEach((id, i) => {
    m.set(id, i);
    m.set(INCIDENT_TYPE_LABELS_ZH[id], i);
  });
  return m;
})();

/**
 * Index of an incident type value in {@link INCIDENT_TYPES}, or −1 when unknown.
 * Accepts the id (case-insensitive; spaces and hyphens read as underscores, surrounding
 * whitespace ignored) or the Chinese label.
 */
export function incidentTypeIndex(value: string): number {
  const direct = LOOKUP.get(value);
  if (direct !== undefined) return direct;
  const norm = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
  const found = LOOKUP.get(norm);
  return found === undefined ? -1 : found;
}

/** True when `value` is one of the canonical ids (exact, as written in counts files). */
export function isIncidentType(value: string): value is IncidentType {
  return (INCIDENT_TYPES as readonly string[]).includes(value);
}
