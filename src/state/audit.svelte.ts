/**
 * What joined and what did not, after any load, as one list the audit panel shows: townships with no
 * index on the selected day (drawn grey), codes in a file that match no township, incidents outside
 * every township, incidents exactly on a border (and the rule that placed them), duplicated
 * incidents, and the index-config check. Each entry says where it is on the map: a township code to
 * select, or a point to fly to (`target`, which src/map/AuditTarget.svelte shows).
 */
import type { Level } from '../core/levels.ts';
import type { DataState } from './data.svelte.ts';
import type { IncidentsState } from './incidents.svelte.ts';
import type { SafetyIndexState } from './safety-index.svelte.ts';
import type { ViewState } from './view.svelte.ts';

/** The parts of the app the audit reads (the app itself imports this file). */
export interface AuditSource {
  readonly data: DataState;
  readonly view: ViewState;
  readonly incidents: IncidentsState;
  readonly safetyIndex: SafetyIndexState;
  readonly levelByCode: ReadonlyMap<string, Level | null>;
}

export type AuditEntryKind = 'noData' | 'unknownCode' | 'outside' | 'onBorder' | 'duplicate' | 'check';

export interface AuditEntry {
  readonly kind: AuditEntryKind;
  /** Stable within one list (for keyed rendering and tests). */
  readonly id: string;
  /** A township to select, when the entry has one. */
  readonly code?: string;
  /** A place to fly to, when the entry is a point. */
  readonly point?: [number, number];
  /** Data shown as text: the township's name, a code, a file, a rule. */
  readonly label: string;
  readonly detail?: string;
}

export interface AuditSection {
  readonly kind: AuditEntryKind;
  /** How many there are in all (the entries are the first of them). */
  readonly total: number;
  readonly entries: AuditEntry[];
  /** For the check: a sentence instead of entries. */
  readonly note?: string;
}

/** Entries listed per section; the count says how many more. */
const LISTED = 50;

export class AuditState {
  /** Codes that matched no township, per file (from imports that dropped them). */
  private unknown = $state.raw<ReadonlyMap<string, readonly string[]>>(new Map());
  /** A point the user asked to see (flown to and marked on the map). */
  target = $state.raw<{ lon: number; lat: number; at: number } | null>(null);

  private readonly app: AuditSource;

  constructor(app: AuditSource) {
    this.app = app;
  }

  setUnknownCodes(file: string, codes: readonly string[]): void {
    const next = new Map(this.unknown);
    if (codes.length === 0) next.delete(file);
    else next.set(file, codes);
    this.unknown = next;
  }

  sections = $derived.by((): AuditSection[] => {
    const { app } = this;
    const names = app.data.boundaries?.byCode;
    const nameOf = (code: string): string => names?.get(code)?.name ?? code;
    const out: AuditSection[] = [];

    const noData = [...app.levelByCode].filter(([, level]) => level === null).map(([code]) => code);
    out.push({ kind: 'noData', total: noData.length, entries: noData.slice(0, LISTED).map((code) => ({ kind: 'noData', id: `noData:${code}`, code, label: nameOf(code), detail: code })) });

    const unknown = [...this.unknown].flatMap(([file, codes]) => codes.map((code) => ({ file, code })));
    out.push({
      kind: 'unknownCode',
      total: unknown.length,
      entries: unknown.slice(0, LISTED).map(({ file, code }) => ({ kind: 'unknownCode', id: `unknown:${file}:${code}`, label: code, detail: file })),
    });

    const audit = app.incidents.joined?.audit;
    const codes = app.incidents.codes;
    const at = (lon: number, lat: number): string => `${lon.toFixed(5)}, ${lat.toFixed(5)}`;
    if (audit) {
      out.push({
        kind: 'outside',
        total: audit.outsideCount,
        entries: audit.outside.slice(0, LISTED).map((p, i) => ({ kind: 'outside', id: `outside:${i}`, point: [p.lon, p.lat], label: at(p.lon, p.lat) })),
      });
      out.push({
        kind: 'onBorder',
        total: audit.onBorderCount,
        entries: audit.onBorder.slice(0, LISTED).map((p, i) => {
          const code = p.township >= 0 ? codes[p.township] : undefined;
          return { kind: 'onBorder', id: `border:${i}`, point: [p.lon, p.lat], ...(code ? { code } : {}), label: at(p.lon, p.lat), detail: `${code ? nameOf(code) : '—'}|${p.rule}` };
        }),
      });
      out.push({
        kind: 'duplicate',
        total: audit.duplicateCount,
        entries: audit.duplicates.slice(0, LISTED).map((p, i) => ({ kind: 'duplicate', id: `dup:${i}`, point: [p.lon, p.lat], label: at(p.lon, p.lat), detail: String(p.copies) })),
      });
    }

    const check = app.safetyIndex.check;
    if (check && 'skipped' in check) out.push({ kind: 'check', total: 0, entries: [], note: check.skipped });
    else if (check) {
      const first = check.first;
      out.push({
        kind: 'check',
        total: check.differing,
        entries: first ? [{ kind: 'check', id: 'check:first', code: first.code, label: nameOf(first.code), detail: `${first.date}|${first.published ?? '—'}|${first.engine === null ? '—' : first.engine.toFixed(1)}` }] : [],
        note: `${check.differing}/${check.compared}`,
      });
    }
    return out;
  });

  /** Shows an entry on the map: selects its township and/or flies to its point. */
  show(entry: AuditEntry): void {
    if (entry.code && this.app.data.boundaries?.byCode.has(entry.code)) {
      if (entry.point) this.app.view.selected = entry.code;
      else this.app.view.pick(entry.code);
    }
    if (entry.point) this.target = { lon: entry.point[0], lat: entry.point[1], at: Date.now() };
  }
}
