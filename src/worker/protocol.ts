/**
 * # The worker boundary: one type map of every request and its response
 *
 * Modelled on MapLibre's actor: the main thread ({@link WorkerClient} in client.ts) sends
 * `{id, type, payload}`; the data worker (handler.ts, one file per request in requests/) answers each id exactly once with
 * `{id, ok: true, result}` or `{id, ok: false, error}`, and may send any number of
 * `{id, progress}` before that. `{id, cancel: true}` asks the worker to stop request `id`; it then
 * answers `{id, ok: false, error: {name: 'AbortError', message: 'aborted'}}` (the client has already
 * rejected the caller's promise by then and drops the answer).
 *
 * Only plain objects, arrays, strings, numbers, booleans, ArrayBuffers and typed arrays cross the
 * boundary, and every ArrayBuffer (own or under a typed array) goes in the transfer list
 * (`collectTransferables` in transfer-list.ts): the sender's copies are detached (`byteLength === 0`) after
 * sending. No SharedArrayBuffer (static hosts cannot send COOP/COEP headers).
 *
 * Layouts shared by several requests:
 * - `coords`: interleaved lon, lat (WGS84 degrees), length 2n.
 * - `types`: index into INCIDENT_TYPES (src/core/incidents/incident-types.ts) per point.
 * - `days`: day offset per point from `startDay` (`YYYY-MM-DD`, UTC+8 calendar days unless the
 *   request says otherwise), `0 … dayCount−1`.
 * - `counts`: `[township · typeCount + type]`; `countsByDay`: `[(day · townships + township) ·
 *   typeCount + type]`; townships in the order of the features given to `setBoundaries`.
 */
import type { Feature, GeoJsonProperties, MultiPolygon, Polygon } from 'geojson';
import type { IndexInputs } from '../core/safety-index/index-inputs.ts';
import type { IndexResult } from '../core/safety-index/index-result.ts';
import type { BoundariesPart } from '../core/boundaries/boundary-parts.ts';
import type { ImportKind } from '../core/import/detect-kind.ts';
import type { DensityStop } from '../core/incidents/density.ts';

/** Where long work is: one message per chunk. */
export interface Progress {
  /** Units done so far in this phase (bytes for `fetch`/`parse`, points for `join`, townships for `areaShares`). */
  readonly done: number;
  /** Units in this phase (0 when unknown, e.g. a download without Content-Length). */
  readonly total: number;
  readonly phase: ProgressPhase;
}

export type ProgressPhase = 'fetch' | 'parse' | 'join' | 'areaShares' | 'audit';

/** A row left out of an incidents file (1-based line or feature number) and why. */
export interface SkippedIncident {
  readonly row: number;
  readonly reason: string;
}

export type IncidentFormat = 'csv' | 'geojson' | 'bin';

/** A township boundary as sent to the worker: GeoJSON, `properties.code` identifies it. */
export type TownshipFeature = Feature<Polygon | MultiPolygon, GeoJsonProperties>;

/** A feature of a polygon layer for `areaShares`: `properties.class` (a string) names its class. */
export type ClassFeature = Feature<Polygon | MultiPolygon, GeoJsonProperties>;

/** Incidents as columns (parseIncidents' result, part of loadAndJoin's with `returnPoints`). */
export interface IncidentColumns {
  /** Number of incidents kept. */
  readonly count: number;
  readonly coords: Float64Array;
  readonly types: Uint8Array;
  /** Present when the file has times (CSV/GeoJSON with a time column) or is an incidents.bin. */
  readonly days?: Uint16Array;
  /** First day (`YYYY-MM-DD`) and number of days of `days` (present together with `days`). */
  readonly startDay?: string;
  readonly dayCount?: number;
}

/**
 * Incidents reordered by day (stable within a day, a file without times counts as day 0), with where
 * each day starts: what the map reads per date window. Not in the file's order.
 */
export interface DayOrderedPoints extends IncidentColumns {
  readonly days: Uint16Array;
  /** Points of day d are `dayStart[d] … dayStart[d + 1] − 1`. */
  readonly dayStart: Uint32Array;
}

/** What parsing a file left out. */
export interface ParseReport {
  /** Data rows / features read (kept + skipped); for incidents.bin, the incident count. */
  readonly rowCount: number;
  /** The first skipped rows with reasons (at most `maxSkippedListed`, default 1000). */
  readonly skipped: SkippedIncident[];
  /** All skipped rows, listed or not. */
  readonly skippedCount: number;
  /** Skipped rows per kind of reason. */
  readonly skippedByReason: Record<string, number>;
  /** The format the file was read as. */
  readonly format: IncidentFormat;
}

export interface ParseOptions {
  /** Force a format; default: "FCSI" magic → bin, first non-blank `{`/`[` → geojson, else csv. */
  readonly format?: IncidentFormat;
  /** Time zone of times without an offset and of the calendar days, minutes east of UTC (default 480). */
  readonly utcOffsetMinutes?: number;
  /** How many skipped rows to list individually (default 1000). */
  readonly maxSkippedListed?: number;
}

/** Counts per township and type (and per day). */
export interface JoinCounts {
  /** Points joined. */
  readonly count: number;
  /** Points outside every township. */
  readonly outside: number;
  /** Townships (features of the current boundaries). */
  readonly townships: number;
  readonly typeCount: number;
  /** 0 without `days`. */
  readonly dayCount: number;
  readonly counts: Uint32Array;
  readonly countsByDay?: Uint32Array;
  /** Township index per point, −1 outside (only when asked for with `returnTownship`). */
  readonly township?: Int32Array;
}

/**
 * What an import found in a file, for the dialog that asks before replacing. Every string is data or
 * a message about data: the UI shows them as text only.
 */
export interface ImportInspection {
  readonly file: string;
  readonly bytes: number;
  /** Null: the content is none of the kinds the app imports (`problems` says what it looks like). */
  readonly kind: ImportKind | null;
  /** Features (boundaries, teams, zones), kept rows (incidents, indicators), townships (levels) or domains (index config). */
  readonly count: number;
  /** Rows or features read, kept or skipped. */
  readonly rowCount: number;
  readonly skippedCount: number;
  /** Column names (CSV) or property names of the first feature. */
  readonly fields: string[];
  readonly extent: [number, number, number, number] | null;
  readonly dateRange: [string, string] | null;
  /** The first problems found (bilingual messages naming the file, the row or feature, the field and the fix). */
  readonly problems: string[];
  /** False when importing it must not replace anything (a fatal problem, every row skipped, nothing that fits). */
  readonly usable: boolean;
  /** Codes in the file that no township on screen has; townships on screen the file has no values for. */
  readonly unknownCodes: string[];
  readonly missingCodes: string[];
  /** The decoded text, for the kinds the main thread applies itself (levels, index config, teams, zones). */
  readonly text?: string;
  /**
   * New boundaries, parsed and kept in the worker (usable boundaries only): the page takes them in
   * this many parts with `importedBoundaries`, and `setBoundaries({imported})` indexes them there.
   */
  readonly boundaryParts?: number;
}

/** A sample of incidents the audit lists: outside every township, on a border, duplicated. */
export interface PointAudit {
  readonly outside: { readonly lon: number; readonly lat: number }[];
  readonly outsideCount: number;
  /** On an edge: `township` is the index the border rule placed it in (−1: outside), `rule` which rule. */
  readonly onBorder: { readonly lon: number; readonly lat: number; readonly township: number; readonly rule: 'east' | 'north' }[];
  readonly onBorderCount: number;
  /** Incidents with the same place, type and day as an earlier one. */
  readonly duplicates: { readonly lon: number; readonly lat: number; readonly copies: number }[];
  readonly duplicateCount: number;
}

/** Every request type: its payload (`req`) and its result (`res`). */
export interface Requests {
  /**
   * Build (or load) the point-in-polygon index used by joinPoints / loadAndJoin / areaShares. Either GeoJSON township features (in the order the counts
   * use) or an index serialized earlier (`returnIndex`, e.g. cached in IndexedDB).
   */
  setBoundaries: {
    req:
      | { readonly features: TownshipFeature[]; readonly file?: string; readonly returnIndex?: boolean }
      | { readonly index: ArrayBuffer; readonly file?: string }
      /** The boundaries of the last inspected import of this file, already here. */
      | { readonly imported: string; readonly file?: string };
    res: {
      readonly townships: number;
      readonly codes: string[];
      /** Extent of the boundaries: [minLon, minLat, maxLon, maxLat]. */
      readonly bbox: [number, number, number, number];
      readonly buildMs: number;
      /** The serialized index (serializeJoinIndex), when asked for with `returnIndex`. */
      readonly index?: ArrayBuffer;
    };
  };

  /** Parse an incidents file (CSV, GeoJSON or incidents.bin) into columns. */
  parseIncidents: {
    req: ParseOptions & { readonly file: string; readonly bytes: ArrayBuffer };
    res: IncidentColumns & ParseReport;
  };

  /**
   * The incident density of the points (lon, lat interleaved) binned into width × height cells over
   * `bbox` (rows in Web Mercator y), blurred by `radius` cells and colored by `stops`: RGBA, row 0 north.
   */
  densityImage: {
    req: {
      readonly positions: Float32Array;
      readonly count: number;
      readonly bbox: readonly [number, number, number, number];
      readonly width: number;
      readonly height: number;
      readonly radius: number;
      readonly stops: readonly DensityStop[];
    };
    res: { readonly pixels: Uint8ClampedArray };
  };

  /** Count points per township × type (× day) with the current boundaries. */
  joinPoints: {
    req: {
      readonly coords: Float64Array | Float32Array;
      readonly types?: Uint8Array;
      /** Number of types (default INCIDENT_TYPES.length with `types`, else 1); larger types are not counted. */
      readonly typeCount?: number;
      readonly days?: Uint16Array | Int32Array;
      /** Number of days (default max(days) + 1); points with a day outside 0 … dayCount−1 are not in countsByDay. */
      readonly dayCount?: number;
      /** Send back the township index of every point (default false). */
      readonly returnTownship?: boolean;
    };
    res: JoinCounts;
  };

  /**
   * Fetch (or take) an incidents file, parse it and join it in one go, so only the counts cross
   * back. `url` must be absolute: resolve it on the main thread (`new URL(path, document.baseURI)`),
   * a worker resolves relative URLs against its own script.
   */
  loadAndJoin: {
    req: ParseOptions & {
      readonly file: string;
      readonly url?: string;
      readonly bytes?: ArrayBuffer;
      readonly returnTownship?: boolean;
      /** Also send back the parsed columns (coords, types, days), reordered by day ({@link DayOrderedPoints}). */
      readonly returnPoints?: boolean;
      /** Also list incidents outside every township, on a border and duplicated ({@link PointAudit}). */
      readonly audit?: boolean;
    };
    res: JoinCounts &
      ParseReport & {
        /** First day and number of days of countsByDay (with times only). */
        readonly startDay?: string;
        readonly points?: DayOrderedPoints;
        readonly audit?: PointAudit;
      };
  };

  /**
   * Tell what a file is from its content and read it with that kind's strict parser, without
   * changing anything: the import dialog shows the result and asks before replacing. `knownCodes`:
   * the townships on screen, to say what fits and what does not.
   */
  inspectImport: {
    req: { readonly file: string; readonly bytes: ArrayBuffer; readonly knownCodes: string[] };
    res: ImportInspection;
  };

  /** One part of the boundaries the last inspectImport read (see core/boundaries/boundary-parts.ts). */
  importedBoundaries: {
    req: { readonly file: string; readonly part: number };
    res: BoundariesPart;
  };

  /**
   * For each township, the share of its area inside each class of each polygon layer (see
   * src/core/area-shares/area-shares.ts). Townships: the current boundaries unless given.
   */
  areaShares: {
    req: {
      readonly layers: {
        /** The layer's file name, used in error messages. */
        readonly name: string;
        readonly features: ClassFeature[];
        /** The classes, most severe first (earlier classes win where classes overlap); default: the distinct classes, sorted. */
        readonly classes?: string[];
      }[];
      readonly townships?: TownshipFeature[];
    };
    res: {
      readonly townships: number;
      /** Per layer, in request order: `shares[township · classes.length + class]` ∈ [0, 1]. */
      readonly layers: { readonly name: string; readonly classes: string[]; readonly shares: Float64Array }[];
    };
  };

  /**
   * The part of `area` (the city's outline) outside every polygon of `minus` (the teams' reach): the
   * uncovered gaps drawn on the map; null when nothing is left. Turf's exact difference takes
   * ~0.3 s for Lishui and ~0.6 s for Zhejiang, too long for the main thread.
   */
  difference: {
    req: { readonly area: Feature<Polygon | MultiPolygon>; readonly minus: Feature<Polygon | MultiPolygon>[]; readonly name?: string };
    res: { readonly gap: Feature<Polygon | MultiPolygon> | null };
  };

  /**
   * The daily safety index over every day (src/core/safety-index/compute-index.ts): validates `config` (the
   * parsed JSON of index-config.json; a problem is a DataError naming `file`, default
   * "index-config.json", and the key) and runs computeIndex on `inputs` (e.g. from
   * assembleIndexInputs: daily.json + joined counts). The input arrays are transferred to the worker
   * and come back in the result's `inputs`, so the caller can read the raw values behind each term
   * (townshipDay, domainChanges work on the result as is). One step, no progress: all 90 days of
   * ~1,400 townships take ~25 ms.
   */
  computeIndex: {
    req: { readonly config: unknown; readonly file?: string; readonly inputs: IndexInputs };
    res: IndexResult;
  };
}

export type RequestType = keyof Requests;
export type RequestPayload<K extends RequestType> = Requests[K]['req'];
export type RequestResult<K extends RequestType> = Requests[K]['res'];

// --- envelopes -------------------------------------------------------------------------------

/** Main thread → worker: start a request. */
export type RequestMessage<K extends RequestType = RequestType> = {
  [T in K]: { readonly id: number; readonly type: T; readonly payload: Requests[T]['req'] };
}[K];

/** Main thread → worker: stop request `id` (ignored when it has already finished). */
export interface CancelMessage {
  readonly id: number;
  readonly cancel: true;
}

export type ToWorkerMessage = RequestMessage | CancelMessage;

/** An error as it crosses the boundary. */
export interface SerializedError {
  readonly message: string;
  /** 'AbortError' for a cancelled request; 'DataError' for a bad input file; else the Error's name. */
  readonly name?: string;
  /** The file the problem is in, when known (the message names it too). */
  readonly file?: string;
}

export interface SuccessMessage<K extends RequestType = RequestType> {
  readonly id: number;
  readonly ok: true;
  readonly result: Requests[K]['res'];
}

export interface FailureMessage {
  readonly id: number;
  readonly ok: false;
  readonly error: SerializedError;
}

export interface ProgressMessage {
  readonly id: number;
  readonly progress: Progress;
}

export type FromWorkerMessage = SuccessMessage | FailureMessage | ProgressMessage;

/** The part of Worker / MessagePort / DedicatedWorkerGlobalScope both sides use. */
export interface MessagePortLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener?(type: 'message', listener: (event: MessageEvent) => void): void;
  /** MessagePort: start delivering messages (Worker and worker scope have no start). */
  start?(): void;
}

export function isCancelMessage(m: ToWorkerMessage): m is CancelMessage {
  return (m as CancelMessage).cancel === true;
}

export function isProgressMessage(m: FromWorkerMessage): m is ProgressMessage {
  return (m as ProgressMessage).progress !== undefined;
}
