/**
 * Boundaries cut into parts of a bounded size, and put back together. A worker that parsed a city's
 * 100,000 townships hands them to the page one part per message: receiving one structured clone of
 * the whole object graph stalls the page for about a second, a part at a time never for long.
 */
import type { Feature, MultiLineString, Position } from 'geojson';
import type { Boundaries } from './boundaries.ts';

/** One part: a slice of every long list; the first part also carries the small whole pieces. */
export interface BoundariesPart {
  readonly townships: Boundaries['townships']['features'];
  readonly townshipLabels: Boundaries['townshipLabels']['features'];
  readonly townshipBorderLines: Position[][];
  readonly countyBorderLines: Position[][];
  readonly rest?: Pick<Boundaries, 'counties' | 'outline' | 'countyLabels' | 'bbox'>;
}

/** The number of parts for `itemsPerPart` townships (or border lines) per part, at least one. */
export function partCount(b: Boundaries, itemsPerPart: number): number {
  const longest = Math.max(b.townships.features.length, lines(b.townshipBorders).length, lines(b.countyBorders).length);
  return Math.max(1, Math.ceil(longest / itemsPerPart));
}

/** Part `k` of {@link partCount}'s; the first carries what is not cut. */
export function boundariesPart(b: Boundaries, k: number, itemsPerPart: number): BoundariesPart {
  const from = k * itemsPerPart;
  const to = from + itemsPerPart;
  return {
    townships: b.townships.features.slice(from, to),
    townshipLabels: b.townshipLabels.features.slice(from, to),
    townshipBorderLines: lines(b.townshipBorders).slice(from, to),
    countyBorderLines: lines(b.countyBorders).slice(from, to),
    ...(k === 0 ? { rest: { counties: b.counties, outline: b.outline, countyLabels: b.countyLabels, bbox: b.bbox } } : {}),
  };
}

/**
 * The boundaries put together again as their parts arrive, in order: each part costs its own size,
 * so the last one does not stall the page copying all the others.
 */
export class BoundariesAssembly {
  private rest: BoundariesPart['rest'] | null = null;
  private readonly townships: Boundaries['townships']['features'] = [];
  private readonly labels: Boundaries['townshipLabels']['features'] = [];
  private readonly townshipLines: Position[][] = [];
  private readonly countyLines: Position[][] = [];
  // Keyed to the features' own property objects, as the parser makes it.
  private readonly byCode: Boundaries['byCode'] = new Map();

  add(part: BoundariesPart): void {
    if (part.rest) this.rest = part.rest;
    for (const f of part.townships) {
      this.townships.push(f);
      this.byCode.set(f.properties.code, f.properties);
    }
    for (const l of part.townshipLabels) this.labels.push(l);
    for (const l of part.townshipBorderLines) this.townshipLines.push(l);
    for (const l of part.countyBorderLines) this.countyLines.push(l);
  }

  result(): Boundaries {
    if (!this.rest) throw new Error('joinBoundaries: the first part is missing');
    return {
      ...this.rest,
      townships: { type: 'FeatureCollection', features: this.townships },
      byCode: this.byCode,
      townshipLabels: { type: 'FeatureCollection', features: this.labels },
      townshipBorders: borders(this.townshipLines),
      countyBorders: borders(this.countyLines),
    };
  }
}

/** The boundaries again from all their parts, in order. */
export function joinBoundaries(parts: readonly BoundariesPart[]): Boundaries {
  const assembly = new BoundariesAssembly();
  for (const part of parts) assembly.add(part);
  return assembly.result();
}

function lines(border: Feature<MultiLineString>): Position[][] {
  return border.geometry.coordinates;
}

function borders(coordinates: Position[][]): Feature<MultiLineString> {
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates } };
}
