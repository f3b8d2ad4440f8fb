import { describe, expect, it } from 'vitest';
import { checkOrigin } from '../../src/core/origin-policy.ts';

const BASE = 'https://map.lishui.example/app/';

describe('the origin rule', () => {
  it('honours paths beside the app and its own origin', () => {
    const v = checkOrigin('data/other.json', BASE, [], '?data=');
    expect(v.ok && v.url.href).toBe('https://map.lishui.example/app/data/other.json');
    expect(checkOrigin('https://map.lishui.example/x/manifest.json', BASE, [], '?data=').ok).toBe(true);
  });

  it('honours an origin config.json allows, exactly (scheme and port included)', () => {
    expect(checkOrigin('https://data.lishui.example/m.json', BASE, ['https://data.lishui.example'], '?data=').ok).toBe(true);
    expect(checkOrigin('http://data.lishui.example/m.json', BASE, ['https://data.lishui.example'], '?data=').ok).toBe(false);
    expect(checkOrigin('https://data.lishui.example:8443/m.json', BASE, ['https://data.lishui.example'], '?data=').ok).toBe(false);
  });

  it('refuses a foreign origin, naming it and the fix', () => {
    const v = checkOrigin('https://evil.example/manifest.json', BASE, [], '?data=');
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.reason).toMatch(/https:\/\/evil\.example/);
      expect(v.reason).toMatch(/allowedOrigins/);
      expect(v.reason).toMatch(/未允许/);
    }
    // A protocol-relative link is another origin too.
    expect(checkOrigin('//evil.example/manifest.json', BASE, [], '?data=').ok).toBe(false);
  });

  it('refuses what is not http(s), whatever the allowed list says', () => {
    for (const raw of ['javascript:alert(1)', 'data:application/json,{}', 'file:///etc/passwd', 'blob:https://map.lishui.example/x']) {
      const v = checkOrigin(raw, BASE, ['null'], 'basemap');
      expect(v.ok, raw).toBe(false);
    }
    const v = checkOrigin('javascript:alert(1)', BASE, [], 'basemap');
    expect(!v.ok && v.reason).toMatch(/javascript:/);
  });
});
