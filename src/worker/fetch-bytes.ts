import { bilingual, DataError } from '../core/data-error.ts';
import { AbortedError, type RequestContext } from './context.ts';
import { errorMessage } from './errors.ts';

/** Download `href` (absolute) with progress per MiB; every failure but a cancel is a DataError naming `file`. */
export async function fetchBytes(href: string, file: string, ctx: RequestContext): Promise<ArrayBuffer> {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new DataError(file, bilingual(`cannot be downloaded: the app asked for ${JSON.stringify(href)}, not a full address (an error in the app, not in the file — report it)`, `无法下载：应用请求的地址 ${JSON.stringify(href)} 不完整（这是应用程序的错误，并非文件问题，请报告此问题）`));
  }
  const fetchImpl = ctx.fetch;
  if (typeof fetchImpl !== 'function') throw new DataError(file, bilingual('cannot be downloaded: this browser cannot download files here — use a current browser', '无法下载：当前浏览器无法在此下载文件，请使用新版浏览器'));
  let response: Response;
  try {
    response = await fetchImpl(url, { signal: ctx.signal });
  } catch (err) {
    if (ctx.signal.aborted) throw new AbortedError();
    throw new DataError(file, bilingual(`cannot be downloaded from ${url.href} (${errorMessage(err)}) — check the network connection, then load it again`, `无法从 ${url.href} 下载，请检查网络连接后重新载入`));
  }
  if (!response.ok) {
    const status = `HTTP ${response.status} ${response.statusText}`.trim();
    throw new DataError(file, bilingual(`cannot be downloaded from ${url.href} (${status}) — check that the file is at that address`, `无法从 ${url.href} 下载（${status}），请确认文件在该地址`));
  }
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
    throw new DataError(file, bilingual(`download from ${url.href} failed (${errorMessage(err)}) — check the network connection, then load it again`, `从 ${url.href} 下载时中断，请检查网络连接后重新载入`));
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
