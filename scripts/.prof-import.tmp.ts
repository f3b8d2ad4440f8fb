import { writeFileSync } from 'node:fs';
import { launchChromium } from '/work/main/test/browser/chromium.ts';
import { serveStatic } from '/work/main/test/browser/static-server.ts';
import { INCIDENT_TYPES } from '/work/main/src/core/incidents/incident-types.ts';
import { createRandom } from '/work/main/src/core/random.ts';
const which = process.argv[2] ?? 'csv';
function incidentsCsv(n: number): string {
  const random = createRandom('bench-import');
  const lines = ['lon,lat,type,time'];
  for (let i = 0; i < n; i++) {
    const day = 25 + Math.floor(random() * 30);
    const date = new Date(Date.UTC(2026, 9, day, Math.floor(random() * 24), 0, 0)).toISOString().replace('.000Z', '+00:00');
    lines.push(`${(118.7 + random() * 1.8).toFixed(5)},${(27.4 + random() * 1.55).toFixed(5)},${INCIDENT_TYPES[Math.floor(random() * INCIDENT_TYPES.length)]},${date}`);
  }
  return lines.join('\n') + '\n';
}
function grid(side: number): string {
  const [w, s, e, n] = [118.7, 27.4, 120.5, 28.95]; const dx = (e - w) / side; const dy = (n - s) / side; const f = [];
  for (let j = 0; j < side; j++) for (let i = 0; i < side; i++) { const k = j * side + i; const x = w + i * dx; const y = s + j * dy; const c = 331100 + Math.floor(k / 20000);
    f.push({ type: 'Feature', properties: { code: String(100000000 + k), name: `镇${k}`, countyCode: String(c), countyName: `县${c}` }, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + dx, y], [x + dx, y + dy], [x, y + dy], [x, y]]] } }); }
  return JSON.stringify({ type: 'FeatureCollection', features: f });
}
const server = await serveStatic('/tmp/dist-nomin', '/bench/');
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
await page.addInitScript('window.__name = (f) => f');
const name = which === 'csv' ? 'bench-incidents.csv' : 'bench-grid.geojson';
server.override('data/' + name, which === 'csv' ? incidentsCsv(500000) : grid(Number(process.env.SIDE ?? 317)));
await page.goto(server.url());
await page.waitForSelector('[data-map-ready="true"]', { timeout: 240000 });
await page.waitForSelector('[data-testid="incidents-control"][data-status="ready"]', { timeout: 240000 });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await page.evaluate(async (name) => {
  const blob = await (await fetch('data/' + name)).blob();
  (window as any).__file = new File([blob], name);
}, name);
await cdp.send('Profiler.start');
const tasks = await page.evaluate(async ({ name, which }) => {
  const w = window as any;
  const tasks: [number, number][] = [];
  const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push([e.startTime, e.duration])));
  obs.observe({ type: 'longtask' });
  const until = async (ok: () => boolean) => { while (!ok()) await new Promise((r) => setTimeout(r, 20)); };
  const dt = new DataTransfer(); dt.items.add(w.__file);
  document.querySelector('.maplibregl-canvas')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  await until(() => w.__fiveColor.app.imports.phase === 'inspected');
  tasks.push([-1, performance.now()]);
  (document.querySelector('[data-testid="import-confirm"]') as HTMLButtonElement).click();
  await until(() => w.__fiveColor.app.imports.applied?.file === name);
  if (which === 'csv') await until(() => document.querySelector('[data-testid="incidents-control"]')?.getAttribute('data-status') === 'ready');
  await new Promise((r) => setTimeout(r, 1500));
  obs.disconnect();
  return tasks;
}, { name, which });
const { profile } = await cdp.send('Profiler.stop');
writeFileSync('/tmp/import.cpuprofile', JSON.stringify(profile));
console.log('long tasks', JSON.stringify(tasks.map(([s, d]) => [Math.round(s), Math.round(d)])));
// self time per function
const self = new Map<number, number>();
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const total = new Map<string, number>();
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] / 1000;
  const id = profile.samples[i];
  self.set(id, (self.get(id) ?? 0) + dt);
}
const selfByFn = new Map<string, number>();
for (const [id, t] of self) { const n: any = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; selfByFn.set(k, (selfByFn.get(k) ?? 0) + t);
  // inclusive
  const seen = new Set<string>(); let cur: number | undefined = id;
  while (cur !== undefined) { const m: any = byId.get(cur); const kk = `${m.callFrame.functionName || '(anon)'} ${m.callFrame.url.split('/').pop()}:${m.callFrame.lineNumber}`; if (!seen.has(kk)) { total.set(kk, (total.get(kk) ?? 0) + t); seen.add(kk); } cur = parent.get(cur); } }
console.log('SELF'); for (const [k, t] of [...selfByFn].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(t.toFixed(0).padStart(6), k);
console.log('TOTAL'); for (const [k, t] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(t.toFixed(0).padStart(6), k);
await browser.close(); await server.close();
