/**
 * Where the app may load from: its own origin, or an origin the deployment's config.json lists in
 * `allowedOrigins`. A link like `?data=https://elsewhere/manifest.json` must not be able to show
 * forged levels under the official address, and a basemap must not make the screen call a server the
 * city never approved. Pure: the caller decides what a refusal means (nothing is fetched).
 */
import { bilingual } from './data-error.ts';

export type OriginVerdict = { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly reason: string };

/**
 * Resolves `raw` against `base` and checks it. `what` names the setting in the message (`?data=`,
 * `basemap`). Only http(s) is loadable: `javascript:`, `data:`, `blob:` and `file:` are refused.
 */
export function checkOrigin(raw: string, base: string | URL, allowedOrigins: readonly string[], what: string): OriginVerdict {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return { ok: false, reason: bilingual(`${what} ${JSON.stringify(raw)} is not a URL — write a path beside the app or an https:// address`, `${what} ${JSON.stringify(raw)} 不是有效地址，请填写应用旁的路径或 https:// 地址`) };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      reason: bilingual(`${what} uses "${url.protocol}", which is never loaded — only http(s) addresses are`, `${what} 使用了“${url.protocol}”，此类地址不会被载入，只允许 http(s) 地址`),
    };
  }
  const own = new URL(base).origin;
  if (url.origin === own || allowedOrigins.includes(url.origin)) return { ok: true, url };
  return {
    ok: false,
    reason: bilingual(
      `${what} points to ${url.origin}, which this deployment does not allow; nothing was loaded from it — to allow it, add "${url.origin}" to "allowedOrigins" in config.json`,
      `${what} 指向 ${url.origin}，本部署未允许该来源，未从中载入任何内容；如需允许，请在 config.json 的 "allowedOrigins" 中加入 "${url.origin}"`,
    ),
  };
}
