/**
 * The one way the app fetches a data file: every failure is a DataError naming the file, so the
 * problems registry can key it without parsing messages.
 */
import { bilingual, DataError } from '../core/data-error.ts';
import { fetchData } from './early-fetch.ts';

/** The file part of a URL, as messages and the problems registry name it. */
export function fileName(url: URL): string {
  return url.pathname.split('/').pop() || url.href;
}

export async function fetchText(url: URL): Promise<string> {
  const file = fileName(url);
  let response: Response;
  try {
    // no-cache (a refresh must see a file the pipeline has just replaced), or the request main.ts started early.
    response = await fetchData(url);
  } catch (error) {
    throw new DataError(file, bilingual(`could not be fetched (${(error as Error).message}) — check the network connection and that the server is running`, '无法获取，请检查网络连接以及服务器是否正常运行'));
  }
  if (!response.ok) {
    const status = `HTTP ${response.status} ${response.statusText}`.trim();
    throw new DataError(file, bilingual(`${status} from ${url.href} — check that the file is on the server at that address`, `${status}：服务器没有提供 ${url.href}，请确认文件在该地址`));
  }
  return response.text();
}

export async function fetchFile(url: URL): Promise<{ file: string; text: string }> {
  return { file: fileName(url), text: await fetchText(url) };
}
