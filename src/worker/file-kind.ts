import { isIncidentsBin } from '../core/incidents/incidents-bin.ts';
import type { IncidentFormat } from './protocol.ts';

/** "FCSI" magic → bin; anything else is text whose kind {@link TextKindSniffer} decides. */
export function binaryKind(data: Uint8Array): 'bin' | undefined {
  return isIncidentsBin(data) ? 'bin' : undefined;
}

export function isIncidentFormat(format: unknown): format is IncidentFormat {
  return format === 'bin' || format === 'csv' || format === 'geojson';
}

/**
 * Decides whether streamed text is GeoJSON (first non-blank character `{` or `[`) or CSV, holding
 * back leading blanks until it can tell.
 */
export class TextKindSniffer {
  private head = '';
  kind: 'csv' | 'geojson' | undefined;

  constructor(kind?: 'csv' | 'geojson') {
    this.kind = kind;
  }

  /** The text to pass on: '' while undecided, then everything held back plus `text`. */
  take(text: string): string {
    if (this.kind !== undefined) return text;
    this.head += text;
    const first = /\S/.exec(this.head);
    if (first === null) return '';
    this.kind = first[0] === '{' || first[0] === '[' ? 'geojson' : 'csv';
    const all = this.head;
    this.head = '';
    return all;
  }
}
