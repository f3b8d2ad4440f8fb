/**
 * The bulletin's map: the whole city on white at print resolution, the five colors opaque, county
 * lines and labels dark, a scale bar; no incidents (the page is about levels). The page prints the
 * title, legend and attribution around it, so no frame is drawn into the image.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FiveColorApp } from '../state/app.svelte.ts';
import { renderMapImage } from '../map/export-image.ts';
import { drawScale } from './map-frame.ts';

/** CSS size of the map on the page (about 118 × 92 mm at 96 px per inch), drawn at 3×. */
const CSS_WIDTH = 446;
const CSS_HEIGHT = 348;
const RATIO = 3;

export async function renderBulletinMap(app: FiveColorApp, map: MapLibreMap): Promise<string> {
  const bbox = app.data.boundaries!.bbox;
  const image = await renderMapImage(map, {
    width: CSS_WIDTH * RATIO,
    height: CSS_HEIGHT * RATIO,
    pixelRatio: RATIO,
    levels: app.levelByCode,
    bounds: [bbox[0], bbox[1], bbox[2], bbox[3]],
    padding: { top: 8, bottom: 30, left: 8, right: 8 },
    theme: 'paper',
  });
  drawScale(image.canvas.getContext('2d')!, 'paper', RATIO, image.metresPerPixel);
  return image.canvas.toDataURL('image/png');
}
