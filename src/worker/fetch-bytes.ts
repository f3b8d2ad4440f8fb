import { DataError } from '../core/data-error.ts';
import { AbortedError, type RequestContext } from './context.ts';
import { errorMessage } from './errors.ts';

/** Download `href` (absolute) with progress per MiB; every failure but a cancel is a DataError naming `file`. */
export async function fetchBytes(href: string, file: string, ctx: RequestContext): Promise<ArrayBuffer> {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new DataError(file, `URL ${JSON.stringify(href)} is not absolute (resolve it on the main thread against document.baseURI)`);
  }
  const fetchImpl = ctx.fetch;
  if (typeof fetchImpl !== 'function') throw new DataError(file, 'cannot be downloaded: fetch is not available');
  let response: Response;
  try {
    response = await fetchImpl(url, { signal: ctx.signal });
  } catch (err) {
    if (ctx.signal.aborted) throw new AbortedError();
    throw new DataError(file, `cannot be downloaded from ${url.href} (${errorMessage(err)})`);
  }
  if (!response.ok) throw new DataError(file, `cannot be downloaded from ${url.href} (HTTP ${response.status} ${response.statusText})`);
  const declared = Number(response.headers.get('content-length'));
  const total = Number.isFinite(declared) && declared > 0 ? declared : 0;
  try {
    if (response.body === null) {
      const buf = await response.arrayBuffer();
      ctx.progress('fetch', buf.byteLength, buf.byteLength);
      return buf;
    }
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    let reported = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      if (received - reported >= 1 << 20) {
        reported = received;
        ctx.progress('fetch', received, total >= received ? total : 0);
      }
      if (ctx.signal.aborted) {
        void reader.cancel();
        throw new AbortedError();
      }
    }
    ctx.progress('fetch', received, received);
    return concat(chunks, received);
  } catch (err) {
    if (ctx.signal.aborted || err instanceof AbortedError) throw new AbortedError();
    throw new DataError(file, `download from ${url.href} failed (${errorMessage(err)})`);
  }
}

function concat(chunks: readonly Uint8Array[], size: number): ArrayBuffer {
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.byteLength;
  }
  return out.buffer;
}
