/**
 * The transfer list of a message: every ArrayBuffer in it and the buffer of every typed array /
 * DataView, each once (a buffer listed twice makes postMessage throw). Walks plain objects and
 * arrays (not into arrays of numbers, e.g. GeoJSON positions). SharedArrayBuffers are not
 * transferable and are left out. Transferring a view's buffer transfers the whole buffer: other
 * views on it are detached too.
 */
export function collectTransferables(value: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (typeof v !== 'object' || v === null) return;
    if (v instanceof ArrayBuffer) {
      out.add(v);
      return;
    }
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) out.add(v.buffer);
      return;
    }
    if (seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      if (v.length > 0 && typeof v[0] === 'number') return;
      for (const item of v) visit(item);
      return;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return; // Map, Date, … carry no buffers we send
    // A GeoJSON geometry holds only numbers: walking a city's rings would cost more than the send.
    if (Array.isArray((v as { coordinates?: unknown }).coordinates)) return;
    for (const key of Object.keys(v)) visit((v as Record<string, unknown>)[key]);
  };
  visit(value);
  return [...out];
}
