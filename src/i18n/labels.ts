/**
 * The labels core keeps as zh/en pairs (levels, domains), and those the dictionaries hold per id
 * (incident types, index terms), picked for the screen's language in one place.
 */
import { levelInfo, type Level } from '../core/levels.ts';
import type { IncidentType } from '../core/incidents/incident-types.ts';
import { DOMAIN_LABELS, type DomainId } from '../core/safety-index/domains.ts';
import { MESSAGES, type Locale, type MessageKey } from './messages.ts';

export function levelName(level: Level, locale: Locale): string {
  return levelInfo(level)[locale];
}

export function domainName(id: DomainId, locale: Locale): string {
  return DOMAIN_LABELS[id][locale];
}

export function incidentTypeName(type: IncidentType, locale: Locale): string {
  return MESSAGES[locale][`incident.${type}`];
}

/** An index term's name (`term.<id>` in the dictionaries); an unknown id shows as itself. */
export function termName(id: string, locale: Locale): string {
  const key = `term.${id}` as MessageKey;
  const text = MESSAGES[locale][key];
  return typeof text === 'string' ? text : id;
}
