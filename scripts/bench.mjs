// The performance benchmark: bytes over the network (raw, gzip, brotli), times to the first
// interactive question and to drawn results (median of runs; no throttling, 4x CPU, and a slow
// 4G phone: 1.6 Mbit/s down, 150 ms round trip, with 4x CPU), answer-to-saved latency and
// memory, for the app, for a SurveyJS page of the same questions (the peer), and for a static
// floor page. App and peer runs alternate in one browser. Prints tables, ratios and budgets.
// Usage: node scripts/bench.mjs [dist] [runs]   (scripts/bench.sh builds first)
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/server.mjs';
import { inLanguage } from '../tests/e2e/helpers.mjs';
import { answersFor } from '../tests/e2e/flows.mjs';
import { compressDir } from './compress.mjs';
import { floorPage } from './floor.mjs';
import { surveyPage } from './surveyjs-page.mjs';

const DIST = process.argv[2] ?? 'dist';
const RUNS = Number(process.argv[3] ?? 7);
const BUDGET = { firstScreenGzip: 230 * 1024, resultsGzip: 450 * 1024, saveP95Ms: 16, peerRatio: 0.5 };
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// A slow 4G phone (as the issue measured the peer): bytes per second and milliseconds.
const SLOW_4G = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

const framework = inLanguage(JSON.parse(readFileSync(join(DIST, 'data/framework.json'), 'utf8')), 'en');
const floorDir = 'target/bench/floor';
mkdirSync(floorDir, { recursive: true });
writeFileSync(join(floorDir, 'index.html'), floorPage(framework));
compressDir(floorDir);
const peerDir = 'target/bench/surveyjs';
await surveyPage(framework, peerDir);
compressDir(peerDir);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1)]; };
const kb = (n) => (n / 1024).toFixed(1);
const ms = (n) => (n == null ? '—' : n.toFixed(0));

/** An assessment in progress, so the first screen is the first question. */
function appSeed() {
  const answers = answersFor(framework, (t, q, i) => 1 + (i % 5));
  return {
    'cmm:data': JSON.stringify({ schemaVersion: 3, assessments: [{
      id: 'bench', frameworkId: framework.id, frameworkVersion: framework.version, kind: 'full',
      created: '2026-11-27T09:00:00.000Z', updated: '2026-11-27T09:00:00.000Z', answers,
    }] }),
    'cmm:last': 'bench',
  };
}

function peerSeed() {
  const data = Object.fromEntries(framework.themes.flatMap((t) => t.questions.map((q, i) => [q.id, 1 + (i % 5)])));
  return { 'sjs:data': JSON.stringify({ data, page: 0 }) };
}

// Runs in the page before anything else: timestamps for the moments we measure.
function instrument() {
  const marks = (window.__bench = { saves: [] });
  const seen = () => {
    if (!marks.question && document.querySelector('fieldset input[type=radio]:not([disabled]), .sd-question input[type=radio]')) marks.question = performance.now();
    if (!marks.results && document.querySelectorAll('.cmm-chart svg path').length > 0
        && document.querySelectorAll('.cmm-chart svg').length >= 2 && document.querySelector('.cmm-table--figures')) {
      marks.results = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', seen);
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    const r = setItem.call(this, k, v);
    if (k.endsWith(':data')) marks.saves.push(performance.now());
    return r;
  };
}

async function open(browser, url, { seed, encoding, throttle = 1, network = null }) {
  // No offline worker: its background copy of the release comes after the page's load and is
  // not part of what a visitor waits for (nor has the peer page one).
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce', serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (encoding) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': encoding } });
  const transfers = new Map();
  const started = new Map();
  cdp.on('Network.requestWillBeSent', (e) => started.set(e.requestId, e.wallTime * 1000));
  cdp.on('Network.responseReceived', (e) => transfers.set(e.requestId, { url: new URL(e.response.url).pathname, bytes: 0, started: started.get(e.requestId) }));
  cdp.on('Network.loadingFinished', (e) => { const t = transfers.get(e.requestId); if (t) t.bytes = e.encodedDataLength; });
  if (seed) {
    await page.goto(new URL('favicon.svg', url).href).catch(() => {});
    await page.evaluate((s) => { localStorage.clear(); for (const [k, v] of Object.entries(s)) localStorage.setItem(k, v); }, seed);
    transfers.clear();
  }
  await page.addInitScript(instrument);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  if (network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
  await page.goto(url, { waitUntil: 'commit' });
  return { page, context, cdp, transfers };
}

async function waitMark(page, name) {
  await page.waitForFunction((n) => window.__bench?.[n] != null, name, { timeout: 120_000 });
  return page.evaluate((n) => window.__bench[n], name);
}

/** Bytes per asset and encoding: `needed`, the requests started before the mark (what the
 * screen waited for), and `after`, those started later (preloads of the next screens, and
 * content fetched in the background). */
async function bytesFor(browser, url, seed, mark) {
  const needed = {};
  const after = {};
  for (const [label, encoding] of [['raw', 'identity'], ['gzip', 'gzip'], ['brotli', 'br']]) {
    const { page, context, transfers } = await open(browser, url, { seed, encoding });
    const at = await waitMark(page, mark);
    const markWall = await page.evaluate((t) => performance.timeOrigin + t, at);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    for (const t of transfers.values()) {
      if (t.url.endsWith('favicon.ico')) continue;
      const table = t.started != null && t.started > markWall ? after : needed;
      (table[t.url] ??= { raw: 0, gzip: 0, brotli: 0 })[label] = t.bytes;
    }
    await context.close();
  }
  return { needed, after };
}

/** Medians of `mark`, app and peer alternating run by run, under one set of conditions. */
async function alternate(browser, pages, mark, conditions) {
  const times = Object.fromEntries(pages.map(([name]) => [name, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const [name, url, seed] of pages) {
      const { page, context } = await open(browser, url, { seed, ...conditions });
      times[name].push(await waitMark(page, mark));
      await context.close();
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, median(xs)]));
}

async function saveLatency(browser, url) {
  const { page, context } = await open(browser, url, { seed: appSeed() });
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
    const last = theme === framework.themes.length - 1;
    await page.getByRole('link', { name: last ? 'Check your answers' : 'Next theme' }).click();
  }
  const cdp = await context.newCDPSession(page);
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await context.close();
  const ok = samples.filter((x) => x != null);
  return { n: ok.length, median: median(ok), p95: pct(ok, 95), heap: usedSize };
}

async function heapAt(browser, url, seed) {
  const { page, context, cdp } = await open(browser, url, { seed });
  await waitMark(page, 'question');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await context.close();
  return usedSize;
}

/** Bytes (gzip) fetched when a download button on the results screen is pressed, until the file
 * is offered: the writer's split module and any shared code it needs. */
async function downloadBytes(browser, url, button) {
  const { page, context, transfers } = await open(browser, url, { seed: appSeed(), encoding: 'gzip' });
  await waitMark(page, 'results');
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const before = new Set(transfers.keys());
  await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: button }).click()]);
  await page.waitForTimeout(300);
  const table = {};
  for (const [id, t] of transfers) if (!before.has(id)) (table[t.url] ??= { raw: 0, gzip: 0, brotli: 0 }).gzip += t.bytes;
  await context.close();
  return table;
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
const peer = await serve(peerDir);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
try {
  const firstUrl = `${app.url}#/theme/${framework.themes[0].id}`;
  const resultsUrl = `${app.url}#/results`;
  const firstBytes = await bytesFor(browser, firstUrl, appSeed(), 'question');
  const first = printBytes('App, first screen: everything fetched until the first question is interactive', firstBytes.needed);
  printBytes('App, fetched after the first question is interactive (the next screens, ahead of time)', firstBytes.after);
  const resultsBytes = await bytesFor(browser, resultsUrl, appSeed(), 'results');
  const results = printBytes('App, results screen (opened directly): everything fetched until both charts are drawn', resultsBytes.needed);
  for (const [label, button] of [['Word report', 'Download the report (Word, .docx)'], ['Excel workbook', 'Download the figures (Excel, .xlsx)']]) {
    const table = await downloadBytes(browser, resultsUrl, button);
    const total = Object.values(table).reduce((n, b) => n + b.gzip, 0);
    console.log(`\n${label}: fetched when asked for, ${kb(total)} KB gzip`);
    for (const [u, b] of Object.entries(table)) console.log(`  ${u.slice(0, 52).padEnd(52)} ${kb(b.gzip).padStart(9)} KB gzip`);
  }
  const peerBytes = printBytes('Peer: SurveyJS page of the same questions, until its first question is interactive', (await bytesFor(browser, peer.url, peerSeed(), 'question')).needed);
  const floorBytes = printBytes('Floor: static HTML page of the same questions, no script', (await bytesFor(browser, floor.url, null, 'question')).needed);
  const echartsBeforeResults = [firstBytes.needed, firstBytes.after].some((t) => Object.keys(t).some((u) => u.includes('echarts')));

  const pages = [['app', firstUrl, appSeed()], ['peer', peer.url, peerSeed()], ['floor', floor.url, null]];
  const conditions = [
    ['no throttling', {}],
    ['4x CPU', { throttle: 4 }],
    ['slow 4G + 4x CPU', { throttle: 4, network: SLOW_4G }],
  ];
  const question = {};
  for (const [label, c] of conditions) question[label] = await alternate(browser, pages, 'question', c);
  const resultsTimes = {};
  for (const [label, c] of conditions) resultsTimes[label] = (await alternate(browser, [['app', resultsUrl, appSeed()]], 'results', c)).app;
  const save = await saveLatency(browser, firstUrl);
  const peerHeap = await heapAt(browser, peer.url, peerSeed());
  const floorHeap = await heapAt(browser, floor.url, null);

  console.log(`\nFirst question interactive, ms from navigation (median of ${RUNS} alternating runs)`);
  console.log(`${'conditions'.padEnd(20)} ${'app'.padStart(8)} ${'SurveyJS'.padStart(9)} ${'floor'.padStart(7)} ${'app/peer'.padStart(9)} ${'app/floor'.padStart(10)}`);
  for (const [label] of conditions) {
    const q = question[label];
    console.log(`${label.padEnd(20)} ${ms(q.app).padStart(8)} ${ms(q.peer).padStart(9)} ${ms(q.floor).padStart(7)} ${(q.app / q.peer).toFixed(2).padStart(9)} ${(q.app / q.floor).toFixed(1).padStart(10)}`);
  }
  console.log(`\nResults drawn (both charts), ms: ${conditions.map(([l]) => `${l} ${ms(resultsTimes[l])}`).join(', ')}`);
  console.log(`\nAnswer clicked to saved in local storage (${save.n} answers): median ${save.median.toFixed(2)} ms, 95th percentile ${save.p95.toFixed(2)} ms`);
  console.log(`JS heap after a full assessment ${kb(save.heap)} KB; SurveyJS page at its first question ${kb(peerHeap)} KB; floor ${kb(floorHeap)} KB`);
  console.log('\nRatios (gzip bytes):'
    + ` app first screen / SurveyJS ${(first.gzip / peerBytes.gzip).toFixed(2)}x,`
    + ` app first screen / floor ${(first.gzip / floorBytes.gzip).toFixed(1)}x, results / floor ${(results.gzip / floorBytes.gzip).toFixed(1)}x`);

  const slow = question['slow 4G + 4x CPU'];
  const checks = [
    [`first screen at most 230 KB gzip (${kb(first.gzip)} KB)`, first.gzip <= BUDGET.firstScreenGzip],
    ['ECharts not requested before results', !echartsBeforeResults],
    [`results screen at most 450 KB gzip (${kb(results.gzip)} KB)`, results.gzip <= BUDGET.resultsGzip],
    [`first question under slow 4G + 4x CPU at most 0.5x SurveyJS (${(slow.app / slow.peer).toFixed(2)}x)`, slow.app / slow.peer <= BUDGET.peerRatio],
    [`answer saved within 16 ms at the 95th percentile (${save.p95.toFixed(2)} ms)`, save.p95 <= BUDGET.saveP95Ms],
  ];
  console.log('\nBudgets');
  for (const [label, ok] of checks) console.log(`  ${ok ? 'met   ' : 'MISSED'} ${label}`);
} finally {
  await browser.close();
  await app.close();
  await floor.close();
  await peer.close();
}
