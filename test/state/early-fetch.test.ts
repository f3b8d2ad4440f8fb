import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchData } from '../../src/state/early-fetch.ts';

type Early = { responses: Map<string, Promise<Response>>; listeners: Set<() => void>; done: boolean };
const holder = globalThis as { __fiveColorEarly?: Early };
const url = new URL('http://app.test/data/levels.json');

function early(): Early {
  return (holder.__fiveColorEarly = { responses: new Map(), listeners: new Set(), done: false });
}
const notify = (e: Early): void => e.listeners.forEach((l) => l());

afterEach(() => {
  delete holder.__fiveColorEarly;
  vi.unstubAllGlobals();
});

describe("the loaders' fetch takes index.html's early requests", () => {
  it('uses an early response once, then fetches for itself', async () => {
    const fetched = vi.fn(async () => new Response('fresh'));
    vi.stubGlobal('fetch', fetched);
    const e = early();
    e.responses.set(url.href, Promise.resolve(new Response('early')));
    expect(await (await fetchData(url)).text()).toBe('early');
    e.done = true;
    expect(await (await fetchData(url)).text()).toBe('fresh');
    expect(fetched).toHaveBeenCalledTimes(1);
    expect(fetched).toHaveBeenCalledWith(url, { cache: 'no-cache' });
  });

  it('waits for a file the script is about to request instead of asking twice', async () => {
    const fetched = vi.fn(async () => new Response('twice'));
    vi.stubGlobal('fetch', fetched);
    const e = early();
    const pending = fetchData(url);
    e.responses.set(new URL('http://app.test/data/other.json').href, Promise.resolve(new Response('other')));
    notify(e); // another file first: still waiting
    e.responses.set(url.href, Promise.resolve(new Response('early')));
    notify(e);
    expect(await (await pending).text()).toBe('early');
    expect(fetched).not.toHaveBeenCalled();
  });

  it('fetches when the script ends without the file, or never ran', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('own')));
    const e = early();
    const pending = fetchData(url);
    e.done = true;
    notify(e);
    expect(await (await pending).text()).toBe('own');
    delete holder.__fiveColorEarly;
    expect(await (await fetchData(url)).text()).toBe('own');
  });
});
