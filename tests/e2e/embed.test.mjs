// Embedding on a council page: iframe and script modes under a strict Content-Security-Policy,
// with aggressive host CSS; the iframe follows its content's height; messages from elsewhere are
// ignored; styles do not leak either way; two widgets keep separate data; bad settings explain.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, axe, DIST } from './helpers.mjs';
import { press } from './flows.mjs';
import { serve } from './server.mjs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** Opens a page recording every CSP violation, in every frame. */
async function openWatched(url, options = {}) {
  const page = await env.newPage(options);
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text()); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to: CSP ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.violations = violations;
  await page.goto(url);
  return page;
}

const frameHeight = (page) => page.locator('iframe[data-cmm-frame]').evaluate((f) => f.getBoundingClientRect().height);

test('iframe mode: loads under the strict CSP, grows and shrinks with its content, no inner scrollbar', async () => {
  const page = await openWatched(`${env.server.url}demo/iframe.html`);
  const frame = page.frameLocator('iframe[data-cmm-frame]');
  await frame.getByRole('button', { name: 'Start', exact: true }).waitFor();
  assert.equal(await frame.getByLabel('Council or organisation (optional)').inputValue(), 'Anytown Council', 'settings from the query string');
  const content = () => page.frames()[1].evaluate(() => document.getElementById('cmm-app').getBoundingClientRect().bottom);
  await page.waitForFunction(() => document.querySelector('iframe[data-cmm-frame]').getBoundingClientRect().height > 600);
  const startHeight = await frameHeight(page);
  assert.ok(Math.abs(startHeight - (await content())) <= 2, `the frame fits the start page (${startHeight})`);

  await frame.getByRole('radio', { name: 'Quick check' }).check();
  await frame.getByRole('button', { name: 'Start', exact: true }).click();
  await frame.getByRole('heading', { level: 1, name: 'Your assessment' }).waitFor();
  await page.waitForFunction((h) => Math.abs(document.querySelector('iframe[data-cmm-frame]').getBoundingClientRect().height - h) > 20, startHeight);
  const overviewHeight = await frameHeight(page);
  await frame.getByRole('button', { name: 'Continue' }).click();
  await frame.getByRole('heading', { level: 1, name: 'Governance and planning' }).waitFor();
  await page.waitForFunction((h) => document.querySelector('iframe[data-cmm-frame]').getBoundingClientRect().height > h + 100, overviewHeight);
  const themeHeight = await frameHeight(page);
  assert.ok(themeHeight > overviewHeight, `grows: ${overviewHeight} -> ${themeHeight}`);
  await frame.getByRole('link', { name: 'Back to overview' }).click();
  await page.waitForFunction((h) => document.querySelector('iframe[data-cmm-frame]').getBoundingClientRect().height < h - 100, themeHeight);
  const inner = await page.frames()[1].evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight);
  assert.ok(inner <= 1, `no inner scrolling (${inner})`);
  assert.deepEqual(page.violations, []);
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: 'test-results/demo-iframe.png', fullPage: true });
  await page.context().close();
});

test('iframe mode: a widget on another origin is sized, and height messages from anywhere else are ignored', async () => {
  // A council page on its own origin, embedding the widget from ours, beside a stranger's frame.
  const hostDir = await mkdtemp(join(tmpdir(), 'cmm-host-'));
  const stranger = await serve(join(DIST, 'demo'));
  await writeFile(join(hostDir, 'index.html'), `<!doctype html><html lang="en"><title>host</title><body>
    <iframe data-cmm-frame title="widget" style="width:100%;border:0" src="${env.server.url}index.html"></iframe>
    <iframe id="stranger" title="stranger" src="${stranger.url}host.css"></iframe>
    <script src="${env.server.url}embed-host.js"></script></body></html>`);
  const host = await serve(hostDir);
  const page = await env.newPage();
  await page.goto(host.url);
  await page.frameLocator('iframe[data-cmm-frame]').getByRole('button', { name: 'Start', exact: true }).waitFor();
  await page.waitForFunction(() => document.querySelector('iframe[data-cmm-frame]').getBoundingClientRect().height > 600);
  const before = await frameHeight(page);
  await page.evaluate(() => window.postMessage({ type: 'cmm:height', height: 4321 }, '*'));
  let frame;
  for (let i = 0; i < 50 && !frame; i++) {
    frame = page.frames().find((f) => f.url().startsWith(stranger.url));
    if (!frame) await page.waitForTimeout(100);
  }
  assert.ok(frame, 'the stranger frame loaded');
  await frame.evaluate(() => parent.postMessage({ type: 'cmm:height', height: 4321 }, '*'));
  await page.waitForTimeout(300);
  assert.equal(await frameHeight(page), before, 'only the widget frame, from its own origin, sets the height');
  await page.context().close();
  await Promise.all([host.close(), stranger.close()]);
});

async function hostStyles(page) {
  return page.evaluate(() => Object.fromEntries(['#host-probe', '#host-button', 'h1', 'body'].map((sel) => {
    const s = getComputedStyle(document.querySelector(sel));
    return [sel, [s.fontFamily, s.fontSize, s.color, s.backgroundColor, s.margin, s.padding, s.lineHeight, s.textTransform, s.display].join('|')];
  })));
}

test('script mode: two widgets in Shadow DOM, strict CSP, styles kept apart both ways, separate data', async () => {
  // The host's styles without the widget (its script blocked), then with it.
  const bare = await env.newPage();
  await bare.route('**/embed.js', (r) => r.abort());
  await bare.goto(`${env.server.url}demo/script.html`);
  const without = await hostStyles(bare);
  await bare.context().close();

  const page = await openWatched(`${env.server.url}demo/script.html`, { reducedMotion: 'reduce' });
  const modules = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) modules.push(r.url()); });
  const a = page.locator('#widget-a');
  const b = page.locator('#widget-b');
  await a.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await b.getByRole('button', { name: 'Start', exact: true }).waitFor();
  assert.deepEqual(await hostStyles(page), without, 'mounting the widgets changes no host style');

  const widgetStyle = await a.locator('h2.cmm-heading-xl').evaluate((h) => {
    const s = getComputedStyle(h);
    return { font: s.fontFamily, transform: s.textTransform, colour: s.color, size: s.fontSize, align: s.textAlign };
  });
  assert.match(widgetStyle.font, /Arial/);
  assert.equal(widgetStyle.transform, 'none');
  assert.equal(widgetStyle.colour, 'rgb(11, 12, 12)');
  assert.equal(widgetStyle.size, '32px', 'not shrunk by the host root font size');
  assert.equal(widgetStyle.align, 'left');
  assert.equal(await a.getByText('Council or organisation (optional)').isVisible(), true, 'host "label { display: none }" does not reach in');
  assert.equal(await a.getByLabel('Council or organisation (optional)').inputValue(), 'Anytown Council');
  assert.equal(await b.getByRole('link', { name: 'Team view' }).count(), 0, 'features set per widget');

  await a.getByRole('radio', { name: 'Quick check' }).check();
  await a.getByRole('button', { name: 'Start', exact: true }).click();
  await a.getByRole('button', { name: 'Continue' }).click();
  await a.locator('fieldset input[type=radio]').nth(2).check();
  await a.getByText('Saved in this browser').waitFor();
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.ok(keys.includes('anytown-a:data'));
  assert.ok(!keys.includes('anytown-b:data'), 'the other widget has no data');
  assert.equal(await b.getByRole('button', { name: 'Start', exact: true }).isVisible(), true);
  assert.equal(page.url(), `${env.server.url}demo/script.html`, 'the host URL is untouched');

  // Charts work inside the Shadow DOM, with ECharts loaded from beside the widget.
  await a.getByRole('link', { name: 'Results', exact: true }).click();
  await a.locator('.cmm-chart svg').nth(1).waitFor();
  // The results screen's split modules came from the widget's own site, under the host's CSP.
  assert.ok(modules.some((u) => /\/chunk_\d+-[0-9a-f]+\.wasm$/.test(u)), `split modules loaded: ${modules.join(', ')}`);
  assert.ok(modules.every((u) => u.startsWith(env.server.url)), modules.join(', '));
  assert.deepEqual(page.violations, []);
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: 'test-results/demo-script.png', fullPage: true });

  await page.reload();
  await page.locator('#widget-a').getByRole('heading', { level: 2, name: 'Your results' }).waitFor();
  await page.locator('#widget-b').getByRole('button', { name: 'Start', exact: true }).waitFor();
  await page.context().close();
});

test('bad settings give a clear message inside the widget', async () => {
  const page = await env.newPage();
  await page.goto(`${env.server.url}?namespace=Anytown%20Council&framework=javascript:alert(1)`);
  const alert = page.getByRole('alert');
  await alert.getByText('This assessment could not start because of how it is set up on this page').waitFor();
  assert.match(await alert.innerText(), /namespace: "Anytown Council" must be 1 to 40 lower-case letters/);
  assert.match(await alert.innerText(), /framework: "javascript:alert\(1\)" is not a web address/);
  assert.deepEqual(await axe(page), []);

  await page.goto(`${env.server.url}?brand=%23ffdd00&lang=fr&colour=red`);
  const notice = page.getByRole('status').filter({ hasText: 'Some settings for this assessment were not used' });
  await notice.waitFor();
  assert.match(await notice.innerText(), /#ffdd00 has a contrast of 1\.3:1 with white/);
  assert.match(await notice.innerText(), /not available in "fr"; showing English/);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});
