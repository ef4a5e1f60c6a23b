// The performance benchmark: bytes over the network, load and render times (median of runs,
// with and without 4x CPU throttling), answer-to-saved latency, and memory, for the app and for a
// static "floor" page of the same questions. Prints tables and checks the budgets.
// Usage: node scripts/bench.mjs [dist] [runs]   (scripts/bench.sh builds first)
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/server.mjs';
import { compressDir } from './compress.mjs';
import { floorPage } from './floor.mjs';

const DIST = process.argv[2] ?? 'dist';
const RUNS = Number(process.argv[3] ?? 7);
const BUDGET = { firstScreenGzip: 150 * 1024, resultsGzip: 380 * 1024, saveP95Ms: 16 };
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const framework = JSON.parse(readFileSync(join(DIST, 'data/framework.json'), 'utf8'));
const floorDir = 'target/bench/floor';
mkdirSync(floorDir, { recursive: true });
writeFileSync(join(floorDir, 'index.html'), floorPage(framework));
compressDir(floorDir);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1)]; };
const kb = (n) => (n / 1024).toFixed(1);
const ms = (n) => (n == null ? '—' : n.toFixed(1));

/** An assessment in progress, so the first screen is the first question. */
function seededData(place) {
  return {
    'cmm:data': JSON.stringify({ schemaVersion: 2, current: 'bench', assessments: [{
      id: 'bench', frameworkId: framework.id, frameworkVersion: framework.version, kind: 'full',
      created: '2026-11-27T09:00:00.000Z', updated: '2026-11-27T09:00:00.000Z',
      answers: Object.fromEntries(framework.themes.flatMap((t) => t.questions.map((q, i) => [q.id, { rating: 1 + (i % 5) }]))),
    }] }),
    'cmm:place': place,
  };
}

// Runs in the page before anything else: timestamps for the moments we measure.
function instrument() {
  const marks = (window.__bench = { saves: [] });
  const seen = () => {
    if (!marks.question && document.querySelector('fieldset input[type=radio]:not([disabled])')) marks.question = performance.now();
    if (!marks.results && document.querySelectorAll('.cmm-chart svg path').length > 0
        && document.querySelectorAll('.cmm-chart svg').length >= 2 && document.querySelector('.cmm-table--figures')) {
      marks.results = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', seen);
  addEventListener('TrunkApplicationStarted', (e) => { marks.wasm = e.detail.wasm; });
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    const r = setItem.call(this, k, v);
    if (k.endsWith(':data')) marks.saves.push(performance.now());
    return r;
  };
}

async function open(browser, url, { seed, encoding, throttle = 1 }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (encoding) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': encoding } });
  const transfers = new Map();
  cdp.on('Network.responseReceived', (e) => transfers.set(e.requestId, { url: new URL(e.response.url).pathname, bytes: 0 }));
  cdp.on('Network.loadingFinished', (e) => { const t = transfers.get(e.requestId); if (t) t.bytes = e.encodedDataLength; });
  if (seed) {
    await page.goto(`${url}data/benchmarks.json`);
    await page.evaluate((s) => { localStorage.clear(); for (const [k, v] of Object.entries(s)) localStorage.setItem(k, v); }, seed);
    transfers.clear();
  }
  await page.addInitScript(instrument);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const start = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  return { page, context, cdp, transfers, start };
}

async function waitMark(page, name) {
  await page.waitForFunction((n) => window.__bench?.[n] != null, name, { timeout: 60_000 });
  return page.evaluate((n) => window.__bench[n], name);
}

async function bytesFor(browser, url, seed, mark) {
  const out = {};
  for (const [label, encoding] of [['raw', 'identity'], ['gzip', 'gzip'], ['brotli', 'br']]) {
    const { page, context, transfers } = await open(browser, url, { seed, encoding });
    await waitMark(page, mark);
    await page.waitForLoadState('networkidle');
    for (const t of transfers.values()) {
      if (t.url.endsWith('favicon.ico')) continue;
      (out[t.url] ??= { raw: 0, gzip: 0, brotli: 0 })[label] = t.bytes;
    }
    await context.close();
  }
  return out;
}

async function timings(browser, url, seed, mark, throttle) {
  const xs = [];
  for (let i = 0; i < RUNS; i++) {
    const { page, context } = await open(browser, url, { seed, throttle });
    xs.push(await waitMark(page, mark));
    await context.close();
  }
  return median(xs);
}

async function saveLatency(browser, url) {
  const { page, context } = await open(browser, url, { seed: seededData('theme:0') });
  await waitMark(page, 'question');
  const samples = [];
  for (let theme = 0; theme < framework.themes.length; theme++) {
    await page.locator('fieldset input[type=radio]').first().waitFor();
    const radios = await page.locator('fieldset input[type=radio]').count();
    for (let i = 0; i < radios; i += 2) {
      samples.push(await page.evaluate((index) => {
        const radio = document.querySelectorAll('fieldset input[type=radio]')[index];
        const before = window.__bench.saves.length;
        const t0 = performance.now();
        radio.click();
        const saved = window.__bench.saves[before];
        return saved == null ? null : saved - t0;
      }, i));
    }
    await page.getByRole('button', { name: theme < framework.themes.length - 1 ? 'Next theme' : 'Check your answers' }).click();
  }
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
  const cdp = await context.newCDPSession(page);
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasmBytes = await page.evaluate(() => window.__bench.wasm?.memory?.buffer?.byteLength ?? null);
  await context.close();
  const ok = samples.filter((x) => x != null);
  return { n: ok.length, median: median(ok), p95: pct(ok, 95), heap: usedSize ?? heap, wasmBytes };
}

async function floorMemory(browser, url) {
  const { page, context, cdp } = await open(browser, url, {});
  await waitMark(page, 'question');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await context.close();
  return usedSize;
}

function printBytes(title, table) {
  console.log(`\n${title}`);
  console.log(`${'asset'.padEnd(52)} ${'raw KB'.padStart(9)} ${'gzip KB'.padStart(9)} ${'brotli KB'.padStart(10)}`);
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const [url, b] of Object.entries(table)) {
    console.log(`${url.slice(0, 52).padEnd(52)} ${kb(b.raw).padStart(9)} ${kb(b.gzip).padStart(9)} ${kb(b.brotli).padStart(10)}`);
    for (const k of Object.keys(total)) total[k] += b[k];
  }
  console.log(`${'total'.padEnd(52)} ${kb(total.raw).padStart(9)} ${kb(total.gzip).padStart(9)} ${kb(total.brotli).padStart(10)}`);
  return total;
}

const app = await serve(DIST);
const floor = await serve(floorDir);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
try {
  const firstSeed = seededData('theme:0');
  const resultsSeed = seededData('results');
  const firstBytes = await bytesFor(browser, app.url, firstSeed, 'question');
  const resultsBytes = await bytesFor(browser, app.url, resultsSeed, 'results');
  const floorBytes = await bytesFor(browser, floor.url, null, 'question');

  const first = printBytes('First screen (the first question), bytes over the network', firstBytes);
  const results = printBytes('Results screen (opened directly), bytes over the network', resultsBytes);
  const floorTotal = printBytes('Floor: static HTML page of the same questions, no script', floorBytes);
  const echartsBeforeResults = Object.keys(firstBytes).some((u) => u.includes('echarts'));

  const t = {};
  for (const throttle of [1, 4]) {
    t[throttle] = {
      question: await timings(browser, app.url, firstSeed, 'question', throttle),
      results: await timings(browser, app.url, resultsSeed, 'results', throttle),
      floor: await timings(browser, floor.url, null, 'question', throttle),
    };
  }
  const save = await saveLatency(browser, app.url);
  const floorHeap = await floorMemory(browser, floor.url);

  console.log(`\nTimes from navigation, median of ${RUNS} runs (ms)`);
  console.log(`${'measure'.padEnd(40)} ${'no throttle'.padStart(12)} ${'4x CPU'.padStart(10)} ${'floor'.padStart(8)} ${'ratio'.padStart(7)}`);
  for (const [label, key] of [['first question interactive', 'question'], ['results rendered (charts drawn)', 'results']]) {
    console.log(`${label.padEnd(40)} ${ms(t[1][key]).padStart(12)} ${ms(t[4][key]).padStart(10)} ${ms(t[1].floor).padStart(8)} ${(t[1][key] / t[1].floor).toFixed(1).padStart(7)}`);
  }
  console.log(`${'floor page: first question'.padEnd(40)} ${ms(t[1].floor).padStart(12)} ${ms(t[4].floor).padStart(10)}`);

  console.log(`\nAnswer clicked to saved in local storage (${save.n} answers): median ${ms(save.median)} ms, 95th percentile ${ms(save.p95)} ms (floor page: saves nothing)`);
  console.log(`Memory after a full assessment: JS heap ${kb(save.heap)} KB, WebAssembly memory ${save.wasmBytes == null ? '—' : kb(save.wasmBytes)} KB (floor JS heap ${kb(floorHeap)} KB, ratio ${(save.heap / floorHeap).toFixed(1)})`);

  console.log('\nRatios to the floor page (gzip bytes):'
    + ` first screen ${(first.gzip / floorTotal.gzip).toFixed(1)}x, results ${(results.gzip / floorTotal.gzip).toFixed(1)}x`);

  const checks = [
    [`first screen at most 150 KB gzip (${kb(first.gzip)} KB)`, first.gzip <= BUDGET.firstScreenGzip],
    ['ECharts not requested before results', !echartsBeforeResults],
    [`results screen at most 380 KB gzip (${kb(results.gzip)} KB)`, results.gzip <= BUDGET.resultsGzip],
    [`answer saved within 16 ms at the 95th percentile (${ms(save.p95)} ms)`, save.p95 <= BUDGET.saveP95Ms],
  ];
  console.log('\nBudgets');
  for (const [label, ok] of checks) console.log(`  ${ok ? 'met   ' : 'MISSED'} ${label}`);
} finally {
  await browser.close();
  await app.close();
  await floor.close();
}
