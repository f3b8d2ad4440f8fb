import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trimMaplibreCss } from '../../scripts/maplibre-css.ts';

const full = readFileSync('node_modules/maplibre-gl/dist/maplibre-gl.css', 'utf8');
const trimmed = trimMaplibreCss(full);

describe("MapLibre's stylesheet, trimmed to the controls the app uses", () => {
  it('keeps the map, the zoom buttons, the compact attribution and markers', () => {
    for (const selector of ['.maplibregl-map{', '.maplibregl-canvas{', '.maplibregl-ctrl-top-left{', 'button.maplibregl-ctrl-zoom-in .maplibregl-ctrl-icon{', '.maplibregl-ctrl-attrib-button{', '.maplibregl-marker{', 'maplibregl-touch-drag-pan']) {
      expect(trimmed, selector).toContain(selector);
    }
    // Braces balance: nothing was cut in the middle of a rule.
    expect(trimmed.split('{').length).toBe(trimmed.split('}').length);
  });

  it('drops the controls it never adds, and most of the weight', () => {
    for (const word of ['geolocate', 'maplibregl-popup', 'ctrl-logo', 'terrain']) expect(trimmed, word).not.toContain(word);
    expect(full).toContain('geolocate');
    expect(trimmed.length).toBeLessThan(full.length / 4);
  });
});
