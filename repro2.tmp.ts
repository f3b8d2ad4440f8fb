import { launchChromium } from './test/browser/chromium.ts';
import { serveStatic } from './test/browser/static-server.ts';
const server = await serveStatic('/tmp/dist-dev', '/x/');
const browser = await launchChromium();
for (const variant of ['tour', 'step', 'refresh', 'desk-tour']) {
  const page = await browser.newPage({ viewport: { width: 960, height: 540 } });
  let errors = 0;
  page.on('pageerror', () => errors++);
  await page.goto(server.url(variant === 'desk-tour' ? '?tour=1' : '?mode=wall'));
  await page.waitForSelector('[data-index-status="ready"]', { timeout: 240000 });
  await page.evaluate(async (variant) => {
    const w = window as any;
    for (let i = 0; i < 40; i++) {
      if (variant === 'refresh') await w.__fiveColorRefresh('levels');
      if (variant === 'step') w.__fiveColor.app.step(i % 2 === 0 ? -1 : 1);
      if (variant.includes('tour')) w.__fiveColor.app.tour.next();
      await new Promise((ok) => requestAnimationFrame(() => ok(null)));
    }
  }, variant);
  console.log(variant, 'errors', errors);
  await page.close();
}
await browser.close(); await server.close();
