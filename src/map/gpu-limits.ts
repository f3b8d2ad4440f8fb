/**
 * The largest canvas this GPU can draw into. MapLibre defaults to 4096×4096 and lowers the pixel
 * ratio past it, so a 7680×2160 wall would be drawn at half resolution and scaled up; the GPU's own
 * limits are usually 8192 or 16384. Read once from a throwaway context, which is released at once.
 */
const FALLBACK: [number, number] = [4096, 4096];

let cached: [number, number] | null = null;

/**
 * The canvas limit for a map of `width` × `height` device pixels: MapLibre's default when the map
 * fits in it (a throwaway context costs a weak GPU ~0.1 s before the first frame), else the GPU's own.
 */
export function canvasLimitFor(width: number, height: number): [number, number] {
  return Math.max(width, height) <= FALLBACK[0] ? FALLBACK : maxCanvasSize();
}

export function maxCanvasSize(): [number, number] {
  if (cached) return cached;
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return FALLBACK;
  const texture = gl.getParameter(gl.MAX_TEXTURE_SIZE) as number;
  const renderbuffer = gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number;
  const viewport = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array;
  // MapLibre's framebuffers are textures and renderbuffers the canvas's size: the smallest limit holds.
  const side = Math.min(texture, renderbuffer);
  cached = [Math.min(side, viewport[0]), Math.min(side, viewport[1])];
  // Browsers cap live contexts (16 in Chromium): give this one back rather than wait for GC.
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return cached;
}
