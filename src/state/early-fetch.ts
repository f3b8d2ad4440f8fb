/**
 * The loaders' fetch: takes the response of a request index.html's first script started while the
 * bundle was still downloading (config.json → manifest → boundaries and levels), once, or fetches.
 * That script reads each file to find the next; a loader that asks for one the script is still
 * about to request waits for it rather than ask twice. Without the script (a strict CSP blocks it,
 * a test page) every file is simply fetched.
 */
interface EarlyRequests {
  readonly responses: Map<string, Promise<Response>>;
  readonly listeners: Set<() => void>;
  readonly done: boolean;
}

const early = (): EarlyRequests | undefined => (globalThis as { __fiveColorEarly?: EarlyRequests }).__fiveColorEarly;

/** The early request's response for `url` (used up), waiting while the script may still make it; null if none. */
async function takeEarly(url: URL): Promise<Response | null> {
  const requests = early();
  if (!requests) return null;
  for (;;) {
    const response = requests.responses.get(url.href);
    if (response) {
      requests.responses.delete(url.href);
      return response;
    }
    if (requests.done) return null;
    await new Promise<void>((resolve) => {
      const listener = (): void => {
        requests.listeners.delete(listener);
        resolve();
      };
      requests.listeners.add(listener);
    });
  }
}

/** As the loaders fetch: `no-cache`, so a refresh sees a file the pipeline has just replaced. */
export async function fetchData(url: URL): Promise<Response> {
  return (await takeEarly(url)) ?? fetch(url, { cache: 'no-cache' });
}
