import type { RequestContext } from './context.ts';

/** Encodings tried, in order, for a text file: UTF-8, then GB18030 (CSV saved by Excel on Chinese Windows). */
export const TEXT_ENCODINGS: readonly string[] = ['utf-8', 'gb18030'];

/** The bytes are not text in the encoding tried (or it is not supported here): try the next. */
export class EncodingError extends Error {}

/**
 * Decode `data` as `encoding` a chunk of `ctx.bytesPerChunk` at a time, handing each piece of text
 * to `sink`, reporting `parse` progress and yielding after each chunk so a long file neither blocks
 * the worker nor ignores a cancel.
 */
export async function decodeChunks(data: Uint8Array, encoding: string, ctx: RequestContext, sink: (text: string) => void): Promise<void> {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new EncodingError(encoding);
  }
  const size = data.byteLength;
  for (let start = 0; start < size; start += ctx.bytesPerChunk) {
    const end = Math.min(size, start + ctx.bytesPerChunk);
    let text: string;
    try {
      text = decoder.decode(data.subarray(start, end), { stream: end < size });
    } catch {
      throw new EncodingError(encoding);
    }
    sink(text);
    ctx.progress('parse', end, size);
    await ctx.checkpoint();
  }
}
