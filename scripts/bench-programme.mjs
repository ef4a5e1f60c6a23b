// The Programme page's throughput: councils' return files chosen at once (1,000 and 10,000), the
// time from choosing them to the figures on screen, and the longest the page stopped answering
// (the longest task the browser reports after the files are chosen, or the page's own work on
// the choice itself, whichever is longer: the task that hands the files over is the test
// driver's, making 10,000 files in the page, and not the tool's). Figures, not a test; run by
// scripts/bench.sh.
// Usage: node scripts/bench-programme.mjs [dist] [counts, comma-separated]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/server.mjs';
import { inLanguage } from '../tests/e2e/helpers.mjs';

const DIST = process.argv[2] ?? 'dist';
const COUNTS = (process.argv[3] ?? '1000,10000').split(',').map(Number);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const framework = inLanguage(JSON.parse(readFileSync(join(DIST, 'data/framework.json'), 'utf8')), 'en');
const ids = framework.themes.flatMap((t) => t.questions.map((q) => q.id));

/** `n` returns from n / 2 councils, a before and an after return each. */
function returns(n) {
  const files = [];
  for (let i = 0; i < n; i++) {
    const council = i >> 1;
    const after = i % 2 === 1;
    const base = 1 + (council % 3);
    const answers = Object.fromEntries(ids.map((id, k) => [id, Math.min(5, base + (after ? 1 : 0) + (k % 2))]));
    const r = {
      format: 'cm-maturity-return', formatVersion: 1, made: `202${after ? 6 : 5}-01-10T12:00:00Z`,
      frameworkId: framework.id, frameworkVersion: framework.version, organisation: `Bench Council ${council}`,
      context: { councilType: 'district', region: 'southWest', stage: after ? 'after' : 'before' },
      assessmentId: `bench-${i}`, assessed: `202${after ? 6 : 5}-01-10T09:00:00Z`, kind: 'full', answers,
    };
    files.push({ name: `r${i}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(r)) });
  }
  return files;
}

const server = await serve(DIST);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
console.log('\nProgramme page: return files chosen at once, to the figures on screen');
console.log(`${'returns'.padStart(8)} ${'seconds'.padStart(8)} ${'longest task ms'.padStart(16)} ${'returns/s'.padStart(10)}`);
for (const n of COUNTS) {
  // No offline worker: its background copy of the release would share the machine with the
  // work being measured.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (window.__t0 !== undefined && e.startTime >= window.__t0) {
          window.__longest = Math.max(window.__longest, e.duration);
          (window.__tasks ??= []).push([Math.round(e.startTime - window.__t0), Math.round(e.duration)]);
        }
      }
    }).observe({ type: 'longtask', buffered: true });
    // From the moment the files are in the page's hands (not while the test hands them over):
    // this capturing listener runs before the page's own (delegated to the window), and the one
    // it adds to the window, added after the page's, runs after it.
    document.addEventListener('change', (e) => {
      if (e.target?.type !== 'file') return;
      window.__longest = 0;
      window.__tasks = [];
      window.__t0 = performance.now();
      window.addEventListener('change', () => {
        window.__longest = Math.max(window.__longest, performance.now() - window.__t0);
      }, { once: true });
    }, true);
  });
  await page.goto(`${server.url}#/programme`);
  await page.getByRole('heading', { level: 1, name: 'Programme benchmarks' }).waitFor();
  const files = returns(n);
  await page.getByLabel("Councils' returns").setInputFiles(files);
  await page.getByText(new RegExp(`^Using ${n.toLocaleString('en-GB')} returns`)).waitFor({ timeout: 600000 });
  await page.getByRole('button', { name: 'Download the benchmark file' }).waitFor({ timeout: 600000 });
  const { seconds, longest, tasks } = await page.evaluate(() => ({ seconds: (performance.now() - window.__t0) / 1000, longest: window.__longest, tasks: window.__tasks }));
  // CMM_BENCH_TASKS=1 lists every long task: [ms after the choice, ms long].
  if (process.env.CMM_BENCH_TASKS) console.log(JSON.stringify(tasks));
  console.log(`${n.toLocaleString('en-GB').padStart(8)} ${seconds.toFixed(2).padStart(8)} ${longest.toFixed(0).padStart(16)} ${(n / seconds).toFixed(0).padStart(10)}`);
  await context.close();
}
await browser.close();
await server.close();
