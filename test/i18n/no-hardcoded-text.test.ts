/**
 * Every string the app shows comes from src/i18n (zh.ts + en.ts): a Chinese literal in a component
 * is a string the English screen would show untranslated. Comments are left out of the scan (they
 * may quote Chinese), and so is text that cannot be translated by its nature, listed below with why.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['src/ui', 'src/map'];
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

/** file → literals allowed there, and why. Keep it short: a new entry needs a reason a reviewer accepts. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  // None today: the bilingual title and the language names come from src/i18n (LOCALE_NAMES).
};

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? svelteFiles(join(dir, e.name)) : e.name.endsWith('.svelte') ? [join(dir, e.name)] : []));
}

/** The file without its comments: HTML `<!-- -->`, block `/* *\/` and line `//` (not in URLs). */
function withoutComments(source: string): string {
  return source
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('no hard-coded text in components', () => {
  const files = ROOTS.flatMap(svelteFiles);

  it('finds the components', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('has no Chinese literal outside the dictionaries', () => {
    const found: string[] = [];
    for (const file of files) {
      const allowed = ALLOWED[file] ?? [];
      withoutComments(readFileSync(file, 'utf8'))
        .split('\n')
        .forEach((line, i) => {
          let rest = line;
          for (const a of allowed) rest = rest.split(a).join('');
          if (CJK.test(rest)) found.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found, 'move these strings into src/i18n/zh.ts and en.ts').toEqual([]);
  });

  it('catches a literal in markup (the scan itself works)', () => {
    expect(CJK.test(withoutComments('<h2>图层 <span>Layers</span></h2>'))).toBe(true);
    expect(CJK.test(withoutComments('<!-- 图层 --><h2>{t.layers}</h2> // 注释'))).toBe(false);
  });
});
