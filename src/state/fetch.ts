/**
 * The one way the app fetches a data file: every failure is a DataError naming the file, so the
 * problems registry can key it without parsing messages.
 */
import { DataError } from '../core/data-error.ts';

/** The file part of a URL, as messages and the problems registry name it. */
export function fileName(url: URL): string {
  return url.pathname.split('/').pop() || url.href;
}

export async function fetchText(url: URL): Promise<string> {
  const file = fileName(url);
  let response: Response;
  try {
    // no-cache: a refresh must see a file the pipeline has just replaced.
    response = await fetch(url, { cache: 'no-cache' });
  } catch (error) {
    throw new DataError(file, `could not be fetched (${(error as Error).message})`);
  }
  if (!response.ok) throw new DataError(file, `HTTP ${response.status} ${response.statusText}`.trim());
  return response.text();
}

export async function fetchFile(url: URL): Promise<{ file: string; text: string }> {
  return { file: fileName(url), text: await fetchText(url) };
}
