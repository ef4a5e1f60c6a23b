// The core journeys in the other engines a council's visitors use: Firefox (Debian's
// firefox-esr, driven over WebDriver BiDi by puppeteer-core) and WebKit (Debian's WebKitGTK
// MiniBrowser, driven by WebKitWebDriver under Xvfb with selenium-webdriver). The same journey
// runs in each through a small driver of four verbs (go, run, click, type): start an
// assessment, answer, reload and find the answer kept, the results with both charts, the CSV
// export read back, a printed copy (Firefox) and script mode in a council's page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { DIST, loadFramework } from '../e2e/helpers.mjs';
import { answersFor } from '../e2e/flows.mjs';
import { serve } from '../e2e/server.mjs';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

let server;
let framework;
before(async () => {
  server = await serve(DIST);
  framework = await loadFramework();
  await mkdir('test-results', { recursive: true });
});
after(async () => { await server?.close(); });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Firefox through puppeteer-core: the four verbs, and errors the page threw. */
async function firefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: FIREFOX, headless: true,
    userDataDir: await mkdtemp(join(tmpdir(), 'cmm-firefox-')),
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    name: 'firefox',
    errors,
    go: (url) => page.goto(url),
    run: (fn, ...args) => page.evaluate(fn, ...args),
    click: (css) => page.click(css),
    type: (css, text) => page.type(css, text),
    screenshot: (path) => page.screenshot({ path, fullPage: true }),
    pdf: () => page.pdf({ format: 'A4' }),
    close: () => browser.close(),
  };
}

/** WebKit through WebKitWebDriver: the same verbs. */
async function webkit() {
  const display = `:${90 + Math.floor(Math.random() * 9)}`;
  const xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x900x24'], { stdio: 'ignore' });
  await sleep(500);
  const port = 4444 + Math.floor(Math.random() * 500);
  const driverProcess = spawn(WEBKIT_DRIVER, [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, DISPLAY: display } });
  await sleep(1000);
  const { Builder, By } = await import('selenium-webdriver');
  const caps = {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', '--geometry=1280x900'] },
  };
  const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(caps).build();
  const stop = () => { driverProcess.kill(); xvfb.kill(); };
  return {
    name: 'webkit',
    errors: [],
    go: (url) => driver.get(url),
    run: (fn, ...args) => driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args),
    click: async (css) => (await driver.findElement(By.css(css))).click(),
    type: async (css, text) => (await driver.findElement(By.css(css))).sendKeys(text),
    screenshot: async (path) => writeFile(path, Buffer.from(await driver.takeScreenshot(), 'base64')),
    pdf: null,
    close: async () => { try { await driver.quit(); } finally { stop(); } },
  };
}

/** How many pages a PDF has: its page objects, in the file or in its compressed object
 * streams (a minimal reader, enough for a browser's own PDFs). */
function pageCount(pdf) {
  const raw = pdf.toString('latin1');
  let text = raw;
  const streams = /(?<!end)stream\r?\n/g;
  let m;
  while ((m = streams.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try { text += inflateSync(pdf.subarray(start, end)).toString('latin1'); } catch { /* not deflated */ }
    streams.lastIndex = end;
  }
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** Waits until `fn` (run in the page) returns something truthy, and returns it. */
async function until(d, fn, what, ...args) {
  const deadline = Date.now() + 30000;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await d.run(fn, ...args);
      if (last) return last;
    } catch (e) { last = e; }
    await sleep(100);
  }
  throw new Error(`${d.name}: waited for ${what} (last: ${last})`);
}

/** Marks the first element of `selector` (inside the widget of `host`, if given) whose text
 * starts with `text`, so a real click or key press can be sent to it. */
function mark(selector, text, host) {
  const root = host ? document.querySelector(host)?.shadowRoot : document;
  if (!root) return false;
  for (const old of root.querySelectorAll('[data-e2e]')) old.removeAttribute('data-e2e');
  const el = [...root.querySelectorAll(selector)].find((e) => e.textContent.trim().startsWith(text));
  if (!el) return false;
  el.setAttribute('data-e2e', '');
  return true;
}

async function clickText(d, selector, text) {
  await until(d, mark, `${selector} "${text}"`, selector, text);
  await d.click('[data-e2e]');
}

const h1 = () => document.querySelector('h1')?.textContent.trim();

/** Nothing stopped the widget (its panic message) and the page threw nothing. */
async function healthy(d) {
  const stopped = await d.run(() => /stopped working|has stopped/i.test(document.body.innerText));
  assert.equal(stopped, false, `${d.name}: the widget stopped`);
  assert.deepEqual(d.errors, [], `${d.name}: errors in the page`);
}

async function journey(d) {
  const base = server.url;
  // (WebKit's MiniBrowser keeps its profile between sessions.)
  await d.go(`${base}data/benchmarks.json`);
  await d.run(() => { localStorage.clear(); sessionStorage.clear(); });
  // Start: the council's full assessment, from the start page.
  await d.go(base);
  await clickText(d, 'button', 'Start');
  await until(d, () => document.querySelector('h1')?.textContent.trim() === 'Your assessment', 'the overview');
  await clickText(d, 'a, button', 'Continue');
  const theme = framework.themes[0];
  await until(d, (title) => document.querySelector('h1')?.textContent.trim() === title, 'the first theme', theme.title);

  // Answer the first question at level 3 with a real click on its label; reload; still chosen.
  await until(d, () => {
    const hint = [...document.querySelectorAll('.cmm-radios__hint')].find((h) => h.textContent.startsWith('Level 3:'));
    hint?.closest('.cmm-radios__item').querySelector('label').setAttribute('data-e2e', '');
    return Boolean(hint);
  }, 'the first question’s level 3');
  await d.click('[data-e2e]');
  await until(d, () => document.body.innerText.includes('Saved in this browser'), 'the answer saved');
  const chosen = () => document.querySelector('fieldset.cmm-fieldset input[type=radio]:checked')?.value;
  const before = await d.run(chosen);
  assert.ok(before, `${d.name}: an answer is chosen`);
  await d.run(() => { window.__before = true; setTimeout(() => location.reload(), 0); });
  await until(d, (title) => !window.__before && document.querySelector('h1')?.textContent.trim() === title,
    'the theme again, after reloading', theme.title);
  assert.equal(await d.run(chosen), before, `${d.name}: the answer is kept across a reload`);
  const stored = JSON.parse(await d.run(() => localStorage.getItem('cmm:data')));
  assert.equal(stored.assessments.length, 1);
  assert.equal(stored.assessments[0].answers[theme.questions[0].id].rating, 3);

  // Results: a complete assessment, both charts drawn.
  const data = {
    schemaVersion: 4,
    assessments: [{
      id: 'engine', frameworkId: framework.id, frameworkVersion: framework.version, kind: 'full',
      organisation: 'Engine Council', created: '2026-11-20T10:00:00.000Z', updated: '2026-11-20T10:00:00.000Z',
      answers: answersFor(framework, (_, __, i) => 2 + (i % 3)),
    }],
  };
  // Seeded from a page that is not the tool, so nothing running writes over it.
  await d.go(`${base}data/benchmarks.json`);
  await d.run((json) => { localStorage.setItem('cmm:data', json); localStorage.setItem('cmm:last', 'engine'); sessionStorage.clear(); }, JSON.stringify(data));
  await d.go(`${base}#/results`);
  await until(d, () => document.querySelector('h1')?.textContent.trim() === 'Your results', 'the results');
  await until(d, () => document.querySelectorAll('.cmm-chart__canvas svg, .cmm-chart__canvas canvas').length >= 2, 'both charts');
  const overall = await d.run(() => document.body.innerText.match(/Overall level: [0-9.]+/)?.[0]);
  assert.ok(overall, `${d.name}: the overall level is shown`);
  await d.screenshot(`test-results/engine-${d.name}-results.png`);

  // Export: the CSV the button makes, read back from the link it is offered through.
  await d.run(() => {
    window.__offered = [];
    window.__blobs = new Map();
    const make = URL.createObjectURL;
    URL.createObjectURL = (blob) => { const url = make(blob); window.__blobs.set(url, blob); return url; };
    document.addEventListener('click', (e) => {
      const a = e.target.closest?.('a[download]');
      if (!a) return;
      e.preventDefault();
      const name = a.download;
      // (Read from the blob itself: the page's policy allows no fetch of a blob: address.)
      const blob = window.__blobs.get(a.href);
      if (!blob) { window.__offered.push({ name, error: `no blob behind ${a.href}` }); return; }
      blob.text().then((text) => window.__offered.push({ name, text }));
    }, true);
  });
  await clickText(d, 'button', 'Download your answers (CSV)');
  const csv = await until(d, () => window.__offered[0], 'the CSV');
  assert.equal(csv.error, undefined, `${d.name}: the CSV could be read`);
  assert.match(csv.name, /^contract-management-maturity-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  assert.equal(lines[0], 'Theme,Question,Level,Level name,Answer,Note');
  assert.equal(lines.length, 1 + framework.themes.reduce((n, t) => n + t.questions.length, 0));

  // Print (where the driver can print): the report as a PDF of more than one page.
  if (d.pdf) {
    const pdf = Buffer.from(await d.pdf());
    await writeFile(`test-results/engine-${d.name}-print.pdf`, pdf);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const pages = pageCount(pdf);
    assert.ok(pages > 1, `${d.name}: the printed report has ${pages} pages`);
  }
  await healthy(d);

  // Script mode: the widget in a council's page, in its shadow root, started and answered.
  await d.go(`${base}data/benchmarks.json`);
  await d.run(() => localStorage.clear());
  await d.go(`${base}demo/script.html`);
  await until(d, () => [...(document.querySelector('#widget-a')?.shadowRoot?.querySelectorAll('button') ?? [])]
    .some((b) => b.textContent.trim() === 'Start'), 'the widget in the council’s page');
  const heading = await d.run(() => document.querySelector('#widget-a').shadowRoot.querySelector('h2')?.textContent.trim());
  assert.ok(heading, `${d.name}: the widget has its heading`);
  await until(d, mark, 'Start in the widget', 'button', 'Start', '#widget-a');
  await d.run(() => document.querySelector('#widget-a').shadowRoot.querySelector('[data-e2e]').click());
  await until(d, () => document.querySelector('#widget-a').shadowRoot.querySelector('h2')?.textContent.trim() === 'Your assessment', 'the widget’s overview');
  assert.equal(await d.run(() => location.href), `${base}demo/script.html`, 'the host page’s address is untouched');
  await d.screenshot(`test-results/engine-${d.name}-script.png`);
  await healthy(d);
}

for (const [name, open, present] of [
  ['Firefox', firefox, existsSync(FIREFOX)],
  ['WebKit', webkit, existsSync(WEBKIT_DRIVER) && existsSync(MINIBROWSER)],
]) {
  test(`the core journey in ${name}: start, answer, reload, results with both charts, export, print and script mode`, async () => {
    assert.ok(present, `${name} is not installed (scripts/ensure-tools.sh --browser installs it)`);
    const d = await open();
    try {
      await journey(d);
    } finally {
      await d.close();
    }
  });
}
