/**
 * No import cycles in src/ or data/ (issue 9): every relative import, re-export, `import type` and
 * dynamic `import()` in the .ts, .js and .svelte files under those trees is an edge, and the graph
 * over all of them together (data/ imports src/core) must have no strongly connected component;
 * and no module imports a CLI script (a file directly in data/, such as data/overlays-build.ts).
 * The scan is generic, so it keeps holding while folders move; `findCycles` is exported for the
 * planted-cycle check below.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TREES = ['src', 'data'];
const SOURCE = /\.(ts|js|svelte)$/;

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The script blocks of a .svelte file, or the whole text of a .ts/.js file. */
function scriptText(path: string, text: string): string {
  if (!path.endsWith('.svelte')) return text;
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

/** Module specifiers a file imports (static, type-only, re-exports, dynamic), comments ignored. */
export function importSpecifiers(path: string, text: string): string[] {
  const info = ts.preProcessFile(scriptText(path, text), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

function resolveRelative(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier.replace(/[?#].*$/, ''));
  const candidates = [base, `${base}.ts`, base.replace(/\.js$/, '.ts'), join(base, 'index.ts')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

export interface ImportGraph {
  edges: Map<string, string[]>;
  unresolved: string[];
}

export function importGraph(files: readonly string[], read: (path: string) => string = (p) => readFileSync(p, 'utf8')): ImportGraph {
  const edges = new Map<string, string[]>();
  const unresolved: string[] = [];
  for (const file of files) {
    const targets: string[] = [];
    for (const specifier of importSpecifiers(file, read(file))) {
      if (!specifier.startsWith('.')) continue; // packages, node: built-ins
      const target = resolveRelative(file, specifier);
      if (target === null) unresolved.push(`${relative(ROOT, file)} → ${specifier}`);
      else if (!targets.includes(target)) targets.push(target);
    }
    edges.set(file, targets);
  }
  return { edges, unresolved };
}

/** Each cycle as a path of files (first = last), one per strongly connected component (Tarjan). */
export function findCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!edges.has(w)) continue; // outside the scanned trees
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) components.push(component);
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  // A concrete cycle through each component: breadth-first from its first file back to itself.
  return components.map((component) => {
    const members = new Set(component);
    const start = [...component].sort()[0]!;
    const previous = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0) {
      const v = queue.shift()!;
      for (const w of edges.get(v) ?? []) {
        if (!members.has(w)) continue;
        if (w === start) {
          const path = [start];
          for (let u: string | undefined = v; u !== undefined && u !== start; u = previous.get(u)) path.splice(1, 0, u);
          return [...path, start];
        }
        if (!previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    return [...component, component[0]!];
  });
}

describe('import graph', () => {
  const files = TREES.flatMap((tree) => listFiles(join(ROOT, tree)));

  it('scans both trees', () => {
    for (const tree of TREES) expect(files.some((f) => relative(ROOT, f).startsWith(`${tree}/`)), tree).toBe(true);
  });

  it('resolves every relative import (so no edge is silently missed)', () => {
    expect(importGraph(files).unresolved).toEqual([]);
  });

  it('has no cycle in src/ or data/', () => {
    const cycles = findCycles(importGraph(files).edges).map((cycle) => cycle.map((f) => relative(ROOT, f)).join(' → '));
    expect(cycles).toEqual([]);
  });

  it('imports no CLI script (the files directly in data/ are entry points)', () => {
    const isScript = (f: string): boolean => dirname(relative(ROOT, f)) === 'data';
    const imports = [...importGraph(files).edges].flatMap(([from, to]) => to.filter(isScript).map((t) => `${relative(ROOT, from)} → ${relative(ROOT, t)}`));
    expect(imports).toEqual([]);
  });

  it('finds a planted cycle (the check can fail)', () => {
    const a = join(ROOT, 'src/planted/a.ts');
    const b = join(ROOT, 'src/planted/b.svelte');
    const c = join(ROOT, 'data/planted/c.ts');
    const d = join(ROOT, 'data/planted/d.ts');
    const texts = new Map([
      [a, "// import './commented-out.ts';\nimport type { B } from './b.svelte';\nexport const a = 1;\n"],
      [b, '<script lang="ts">\n  import { c } from \'../../data/planted/c.ts\';\n</script>\n<p>{c}</p>\n'],
      [c, "export { a } from '../../src/planted/a.ts';\nexport const c = 1;\n"],
      [d, "export const d = await import('./d.ts');\n"],
    ]);
    expect(importSpecifiers(a, texts.get(a)!)).toEqual(['./b.svelte']);
    // importGraph resolves against the disk; these files are not there, so resolve by hand.
    const edges = new Map([...texts].map(([file, text]) => [file, importSpecifiers(file, text).map((s) => resolve(dirname(file), s))]));
    const cycles = findCycles(edges).map((cycle) => cycle.map((f) => relative(ROOT, f)));
    expect(cycles).toEqual([
      ['data/planted/c.ts', 'src/planted/a.ts', 'src/planted/b.svelte', 'data/planted/c.ts'],
      ['data/planted/d.ts', 'data/planted/d.ts'],
    ]);
    edges.set(c, []);
    edges.set(d, []);
    expect(findCycles(edges)).toEqual([]);
  });
});
