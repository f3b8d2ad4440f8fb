/**
 * The boundaries a publish uses: the city's file (TopoJSON, or GeoJSON converted to TopoJSON without
 * moving a vertex — the map needs shared arcs), else the base folder's. Read by the app's own parser
 * (parseBoundaries), so a file publish accepts is a file the app draws.
 */
import type { FeatureCollection } from 'geojson';
import { topology } from 'topojson-server';
import { parseBoundaries, type Boundaries } from '../../src/core/boundaries/boundaries.ts';
import { parseBoundaryJson, readBoundaryFeatures } from '../../src/core/boundaries/read-boundaries.ts';
import { isRecord } from '../../src/core/data-error.ts';
import { stableJson } from '../pipeline/common.ts';

export interface PublishBoundaries {
  readonly name: string;
  /** townships.topo.json as written. */
  readonly topoText: string;
  readonly boundaries: Boundaries;
  readonly codes: string[];
  readonly fromExports: boolean;
}

export function readPublishBoundaries(name: string, text: string, fromExports: boolean): PublishBoundaries {
  const json = parseBoundaryJson(text, name);
  let topoText = text;
  if (!isRecord(json) || json.type !== 'Topology') {
    const features = readBoundaryFeatures(text, name); // every GeoJSON rule, with the file's own feature numbers
    const collection: FeatureCollection = { type: 'FeatureCollection', features };
    topoText = stableJson(topology({ townships: collection }));
  }
  const boundaries = parseBoundaries(topoText, name);
  return { name, topoText, boundaries, codes: boundaries.townships.features.map((f) => f.properties.code), fromExports };
}
