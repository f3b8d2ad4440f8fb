/**
 * MapLibre's stylesheet without the rules of controls the app never adds (geolocate, fullscreen,
 * compass, terrain, globe, logo, scale, popups): 72 kB of it are mostly their inline SVG icons, 8 of
 * the ~10 kB gzip it adds to the first paint. A Vite plugin (vite.config.ts) serves this in its place;
 * a rule whose selectors all name a dropped control goes, any other rule stays as it is.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const UNUSED = /geolocate|fullscreen|shrink|compass|terrain|globe|logo|popup|user-location|ctrl-scale|cooperative-gesture/;

/** Top-level blocks of `css` (a rule, or an at-rule with its body), in order. */
function blocks(css: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) {
      out.push(css.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  return out;
}

function keep(rule: string): string | null {
  const head = rule.slice(0, rule.indexOf('{'));
  if (head.startsWith('@media') || head.startsWith('@supports')) {
    const inner = blocks(rule.slice(rule.indexOf('{') + 1, -1))
      .map(keep)
      .filter((r): r is string => r !== null);
    return inner.length > 0 ? `${head}{${inner.join('')}}` : null;
  }
  if (head.startsWith('@')) return rule; // keyframes, font faces
  return head.split(',').every((selector) => UNUSED.test(selector)) ? null : rule;
}

export function trimMaplibreCss(css: string): string {
  return blocks(css)
    .map(keep)
    .filter((r): r is string => r !== null)
    .join('\n');
}

export function trimmedMaplibreCss(): Plugin {
  return {
    name: 'trimmed-maplibre-css',
    load(id) {
      if (!id.replace(/\\/g, '/').endsWith('maplibre-gl/dist/maplibre-gl.css')) return null;
      return trimMaplibreCss(readFileSync(id, 'utf8'));
    },
  };
}
