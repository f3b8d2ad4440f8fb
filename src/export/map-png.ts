/**
 * The map image from the app's state: the size presets, the frame's text in the screen's language
 * (title, region, date, "as of", legend with counts, attribution) and the incidents when shown.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { bandLabel, LEVELS, NO_DATA_COLOR } from '../core/levels.ts';
import { exportFileName } from '../core/export/file-name.ts';
import { formatDate, formatDateTime, formatNumber } from '../i18n/format.ts';
import type { FiveColorApp } from '../state/app.svelte.ts';
import { addIncidentLayers } from '../map/export-deck.ts';
import { renderMapImage, visibleBounds, type ImageTheme } from '../map/export-image.ts';
import { drawFrame, FRAME_PADDING, type FrameText } from './map-frame.ts';

export const IMAGE_PRESETS = ['screen', 'x2', 'x4', 'a4', 'a3'] as const;
export type ImagePreset = (typeof IMAGE_PRESETS)[number];

/** 300 dpi over 96 CSS pixels per inch: print sizes keep the screen's line and label sizes. */
const PRINT_RATIO = 300 / 96;
/** A4 and A3 landscape at 300 dpi. */
const PAPER: Record<'a4' | 'a3', [number, number]> = { a4: [3508, 2480], a3: [4961, 3508] };

export function presetSize(preset: ImagePreset, screen: { width: number; height: number }, devicePixelRatio = 1): { width: number; height: number; pixelRatio: number } {
  if (preset === 'a4' || preset === 'a3') return { width: PAPER[preset][0], height: PAPER[preset][1], pixelRatio: PRINT_RATIO };
  const pixelRatio = preset === 'x2' ? 2 : preset === 'x4' ? 4 : devicePixelRatio;
  return { width: Math.round(screen.width * pixelRatio), height: Math.round(screen.height * pixelRatio), pixelRatio };
}

export function frameText(app: FiveColorApp): FrameText {
  const { t, locale } = app.locale;
  const region = app.data.manifest?.region.name ?? '';
  const date = app.view.date;
  const asOf = app.data.manifest?.asOf;
  const legend = LEVELS.map((info, i) => ({
    color: info.color,
    label: locale === 'zh' ? info.zh : info.en,
    band: bandLabel(info.level, app.data.bands),
    count: formatNumber(locale, app.counts.byLevel[i]),
  }));
  if (app.counts.noData > 0) legend.push({ color: NO_DATA_COLOR, label: '–', band: '', count: formatNumber(locale, app.counts.noData) });
  return {
    title: t['image.title'](region),
    subtitle: [region, date ? formatDate(locale, date) : ''].filter(Boolean).join(' · '),
    asOf: asOf ? t['image.asOf'](formatDateTime(locale, Date.parse(asOf))) : t['image.noAsOf'],
    legendTitle: t['image.legend'],
    legend,
    attribution: t['image.attribution'],
  };
}

function uiScale(): number {
  return parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--ui-scale')) || 1;
}

/** The current view with its frame, as a PNG canvas of the preset's size. */
export async function renderViewImage(app: FiveColorApp, map: MapLibreMap, preset: ImagePreset, theme: ImageTheme = 'screen'): Promise<HTMLCanvasElement> {
  const canvas = map.getCanvas();
  const size = presetSize(preset, { width: canvas.clientWidth, height: canvas.clientHeight }, window.devicePixelRatio || 1);
  const points = app.incidents.points;
  const image = await renderMapImage(map, {
    ...size,
    levels: app.levelByCode,
    bounds: visibleBounds(map),
    padding: { ...FRAME_PADDING },
    theme,
    decorate: points && points.length > 0 ? (target, ratio) => addIncidentLayers(target, points, uiScale(), ratio) : undefined,
  });
  drawFrame(image.canvas.getContext('2d')!, frameText(app), theme, size.pixelRatio, image.metresPerPixel);
  return image.canvas;
}

export function imageFileName(app: FiveColorApp, preset: ImagePreset): string {
  const region = app.data.manifest?.region ?? { code: '', name: '' };
  return exportFileName(region, [app.view.date ?? 'map', preset], 'png');
}
