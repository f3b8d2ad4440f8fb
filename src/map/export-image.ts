/**
 * The map as an image, rendered off screen so the visible map never flickers or resizes: a second
 * MapLibre map in a hidden container of the target size (CSS pixels × pixel ratio), with the live
 * map's style as it is now (sources with their data, layers, visibility and paint), the levels as
 * feature-state, drawn with `preserveDrawingBuffer` so its canvas can be read once it is idle.
 * Other layers (deck.gl) are added by the caller's `decorate` onto the same off-screen map, and
 * every canvas in the hidden container is composed in order — whatever draws the incidents, an
 * overlay canvas or a MapLibre layer, ends up in the picture.
 */
import { LngLatBounds, Map as MapLibreMap, type LngLatBoundsLike, type PaddingOptions, type StyleSpecification } from 'maplibre-gl';
import type { Level } from '../core/levels.ts';
import { IDEOGRAPH_FONT_FAMILY } from './style.ts';
import { TOWNSHIPS } from './township-layers.ts';
import { paperStyle } from './paper-style.ts';

export type ImageTheme = 'screen' | 'paper';

export interface MapImageRequest {
  /** Output size in device pixels (the PNG's size). */
  readonly width: number;
  readonly height: number;
  /** Device pixels per CSS pixel: lines and labels keep their on-screen size at this scale. */
  readonly pixelRatio: number;
  readonly levels: ReadonlyMap<string, Level | null>;
  /** The area to show, fitted inside `padding` (CSS pixels, room for the frame). */
  readonly bounds: LngLatBoundsLike;
  readonly padding: PaddingOptions;
  readonly theme: ImageTheme;
  /** Adds layers the style does not hold (deck.gl) to the off-screen map; returns their removal. */
  readonly decorate?: (map: MapLibreMap, pixelRatio: number) => Promise<(() => void) | void>;
}

export interface MapImage {
  /** The composed map, exactly width × height. */
  readonly canvas: HTMLCanvasElement;
  /** Metres per output pixel across the middle of the image (for the scale bar). */
  readonly metresPerPixel: number;
}

/** The part of the live map not covered by panels (its padding), as bounds. */
export function visibleBounds(map: MapLibreMap): LngLatBounds {
  const { top = 0, bottom = 0, left = 0, right = 0 } = map.getPadding();
  const canvas = map.getCanvas();
  const w = canvas.clientWidth;
  const h = canvas.clientHeight;
  const sw = map.unproject([left, h - bottom]);
  const ne = map.unproject([w - right, top]);
  return new LngLatBounds(sw, ne);
}

const once = (map: MapLibreMap, event: 'load' | 'idle'): Promise<void> => new Promise((resolve) => map.once(event, () => resolve()));

export async function renderMapImage(source: MapLibreMap, request: MapImageRequest): Promise<MapImage> {
  const { width, height, pixelRatio } = request;
  const cssWidth = Math.round(width / pixelRatio);
  const cssHeight = Math.round(height / pixelRatio);
  const container = document.createElement('div');
  // Laid out (MapLibre measures it) but off screen and out of the way of the pointer and readers.
  Object.assign(container.style, { position: 'fixed', left: '-20000px', top: '0', width: `${cssWidth}px`, height: `${cssHeight}px`, pointerEvents: 'none' });
  container.setAttribute('aria-hidden', 'true');
  document.body.append(container);
  const style = exportStyle(source, request.theme);
  const map = new MapLibreMap({
    container,
    style,
    bounds: request.bounds,
    fitBoundsOptions: { padding: request.padding },
    pixelRatio,
    // A3 at 300 dpi is 4961 px wide; MapLibre's default cap (4096) would quietly lower the ratio.
    maxCanvasSize: [8192, 8192],
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    localIdeographFontFamily: IDEOGRAPH_FONT_FAMILY,
  });
  let undecorate: (() => void) | void = undefined;
  try {
    await once(map, 'load');
    for (const [code, level] of request.levels) map.setFeatureState({ source: TOWNSHIPS, id: code }, { level: level ?? 0 });
    undecorate = await request.decorate?.(map, pixelRatio);
    const idle = once(map, 'idle');
    map.triggerRepaint();
    await idle;
    // deck.gl draws on the frame after MapLibre's render event; give it two more frames.
    await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    for (const layer of container.querySelectorAll('canvas')) ctx.drawImage(layer, 0, 0, width, height);

    const y = cssHeight / 2;
    const a = map.unproject([cssWidth * 0.25, y]);
    const b = map.unproject([cssWidth * 0.75, y]);
    return { canvas, metresPerPixel: a.distanceTo(b) / ((cssWidth / 2) * (width / cssWidth)) };
  } finally {
    undecorate?.();
    map.remove();
    container.remove();
  }
}

/**
 * The live style, for print: opaque fills so the image's colors are the legend's, no hover. An image
 * source fed decoded pixels (the incident density) has no URL in the style, so its pixels go along
 * as a data URL.
 */
function exportStyle(live: MapLibreMap, theme: ImageTheme): StyleSpecification {
  const out = structuredClone(live.getStyle());
  for (const [id, spec] of Object.entries(out.sources)) {
    if (spec.type !== 'image' || spec.url) continue;
    const pixels = (live.getSource(id) as { image?: ImageData } | undefined)?.image;
    const url = pixels instanceof ImageData ? dataUrlOf(pixels) : null;
    if (url) spec.url = url;
    else {
      delete out.sources[id];
      out.layers = out.layers.filter((l) => !('source' in l) || l.source !== id);
    }
  }
  for (const layer of out.layers) {
    if (layer.type === 'fill' && 'source' in layer && layer.source === TOWNSHIPS) layer.paint = { ...layer.paint, 'fill-opacity': 1 };
    if (layer.id === 'township-hover') layer.layout = { ...layer.layout, visibility: 'none' };
  }
  return theme === 'paper' ? paperStyle(out) : out;
}

function dataUrlOf(pixels: ImageData): string | null {
  const canvas = document.createElement('canvas');
  canvas.width = pixels.width;
  canvas.height = pixels.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.putImageData(pixels, 0, 0);
  return canvas.toDataURL('image/png');
}
