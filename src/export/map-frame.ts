/**
 * The frame drawn onto an exported map with the 2D canvas API: a title band (title, region and
 * date, the data's "as of" time), the legend with each level's township count, a scale bar and the
 * attribution strip with the approximate-shapes note. Sizes are in CSS pixels × `unit` (device
 * pixels per CSS pixel), so a 4× image carries the same frame as the screen, four times as sharp.
 * All text is drawn as text (fillText), never parsed: names from the data cannot become markup.
 */
import { IDEOGRAPH_FONT_FAMILY } from '../map/style.ts';

export interface LegendRow {
  readonly color: string;
  readonly label: string;
  readonly band: string;
  readonly count: string;
}

export interface FrameText {
  readonly title: string;
  readonly subtitle: string;
  readonly asOf: string;
  readonly legendTitle: string;
  readonly legend: readonly LegendRow[];
  readonly attribution: string;
}

export type FrameTheme = 'screen' | 'paper';

/** Room the frame takes at each edge (CSS pixels): the map is fitted inside it. */
export const FRAME_PADDING = { top: 70, bottom: 36, left: 200, right: 32 } as const;

const COLORS = {
  screen: { panel: 'rgba(11,18,32,0.86)', ink: '#f5f7ff', muted: 'rgba(245,247,255,0.72)', rule: 'rgba(255,255,255,0.18)' },
  paper: { panel: 'rgba(255,255,255,0.92)', ink: '#111827', muted: '#4b5563', rule: 'rgba(17,24,39,0.2)' },
} as const;

const font = (px: number, weight = 400): string => `${weight} ${px}px ${IDEOGRAPH_FONT_FAMILY}`;

export function drawFrame(ctx: CanvasRenderingContext2D, text: FrameText, theme: FrameTheme, unit: number, metresPerPixel: number): void {
  const { width, height } = ctx.canvas;
  const c = COLORS[theme];
  const u = (n: number): number => n * unit;
  ctx.save();
  ctx.textBaseline = 'alphabetic';

  // Title band.
  ctx.fillStyle = c.panel;
  ctx.fillRect(0, 0, width, u(58));
  ctx.fillStyle = c.ink;
  ctx.font = font(u(22), 700);
  ctx.textAlign = 'left';
  ctx.fillText(text.title, u(16), u(28), width * 0.62);
  ctx.font = font(u(13));
  ctx.fillStyle = c.muted;
  ctx.fillText(text.subtitle, u(16), u(48), width * 0.62);
  ctx.textAlign = 'right';
  ctx.fillText(text.asOf, width - u(16), u(48), width * 0.34);

  // Attribution strip.
  const stripTop = height - u(22);
  ctx.fillStyle = c.panel;
  ctx.fillRect(0, stripTop, width, u(22));
  ctx.fillStyle = c.muted;
  ctx.font = font(u(10.5));
  ctx.textAlign = 'left';
  ctx.fillText(text.attribution, u(10), height - u(7.5), width - u(20));

  drawLegend(ctx, text, c, u, stripTop);
  drawScaleBar(ctx, c, u, stripTop, metresPerPixel);
  ctx.restore();
}

function drawLegend(ctx: CanvasRenderingContext2D, text: FrameText, c: (typeof COLORS)[FrameTheme], u: (n: number) => number, bottom: number): void {
  const rowH = u(22);
  const w = u(176);
  const h = u(34) + rowH * text.legend.length + u(6);
  const x = u(10);
  const y = bottom - u(10) - h;
  ctx.fillStyle = c.panel;
  ctx.strokeStyle = c.rule;
  ctx.lineWidth = u(1);
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, u(6));
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = c.ink;
  ctx.font = font(u(12.5), 700);
  ctx.textAlign = 'left';
  ctx.fillText(text.legendTitle, x + u(10), y + u(21), w - u(20));
  text.legend.forEach((row, i) => {
    const ry = y + u(32) + i * rowH;
    ctx.fillStyle = row.color;
    ctx.fillRect(x + u(10), ry + u(3), u(22), u(15));
    ctx.fillStyle = c.ink;
    ctx.font = font(u(12.5));
    ctx.textAlign = 'left';
    ctx.fillText(row.label, x + u(40), ry + u(15), u(58));
    ctx.fillStyle = c.muted;
    ctx.font = font(u(11));
    ctx.fillText(row.band, x + u(98), ry + u(15), u(46));
    ctx.fillStyle = c.ink;
    ctx.font = font(u(12.5), 700);
    ctx.textAlign = 'right';
    ctx.fillText(row.count, x + w - u(10), ry + u(15));
  });
}

/** Only the scale bar, bottom right (the bulletin prints its own title and legend around the map). */
export function drawScale(ctx: CanvasRenderingContext2D, theme: FrameTheme, unit: number, metresPerPixel: number): void {
  ctx.save();
  drawScaleBar(ctx, COLORS[theme], (n) => n * unit, ctx.canvas.height, metresPerPixel);
  ctx.restore();
}

/** A round length (1, 2 or 5 × 10ⁿ m) about a sixth of the image wide. */
export function scaleLength(metresPerPixel: number, widthPx: number): number {
  const target = (widthPx / 6) * metresPerPixel;
  const p = 10 ** Math.floor(Math.log10(target));
  return [5, 2, 1].map((m) => m * p).find((m) => m <= target) ?? p;
}

function drawScaleBar(ctx: CanvasRenderingContext2D, c: (typeof COLORS)[FrameTheme], u: (n: number) => number, bottom: number, metresPerPixel: number): void {
  if (!(metresPerPixel > 0) || !Number.isFinite(metresPerPixel)) return;
  const { width } = ctx.canvas;
  const metres = scaleLength(metresPerPixel, width);
  const len = metres / metresPerPixel;
  const right = width - u(20);
  const y = bottom - u(16);
  ctx.fillStyle = c.panel;
  ctx.fillRect(right - len - u(10), y - u(22), len + u(20), u(30));
  ctx.strokeStyle = c.ink;
  ctx.lineWidth = u(2);
  ctx.beginPath();
  ctx.moveTo(right - len, y - u(6));
  ctx.lineTo(right - len, y);
  ctx.lineTo(right, y);
  ctx.lineTo(right, y - u(6));
  ctx.stroke();
  ctx.fillStyle = c.ink;
  ctx.font = font(u(11.5));
  ctx.textAlign = 'center';
  ctx.fillText(metres >= 1000 ? `${metres / 1000} km` : `${metres} m`, right - len / 2, y - u(9));
}
