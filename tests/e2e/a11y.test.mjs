// Accessibility across every screen: axe (WCAG 2.0–2.2 A and AA) at 320 px, reflow at 320 px,
// and text at 200% without loss of content or sideways scrolling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, axe, loadFramework } from './helpers.mjs';
import { openWith } from './flows.mjs';

let env;
let seeded;
before(async () => {
  env = await setup();
  const framework = await loadFramework();
  const answers = Object.fromEntries(framework.themes.flatMap((t) => t.questions.map((q, i) => [q.id, { rating: 1 + (i % 5), note: i === 0 ? 'A long note that should wrap on a narrow screen without making the page scroll sideways at all.' : '' }])));
  seeded = JSON.stringify({ schemaVersion: 3, assessments: [
    { id: 'p', frameworkId: 'cmm-default', frameworkVersion: framework.version, kind: 'full', created: '2025-11-01T00:00:00.000Z', updated: '2025-11-01T00:00:00.000Z', answers },
    { id: 'a', frameworkId: 'cmm-default', frameworkVersion: framework.version, kind: 'full', organisation: 'Anytown Metropolitan Borough Council', created: '2026-11-01T00:00:00.000Z', updated: '2026-11-01T00:00:00.000Z', answers },
  ] });
});
after(async () => { await env?.close(); });

const SCREENS = [
  ['start', 'Contract management self-assessment'],
  ['overview', 'Your assessment'],
  ['theme/governance', 'Governance and planning'],
  ['check', 'Check your answers'],
  ['results', 'Your results'],
  ['assessments', 'Your assessments'],
  ['team', 'Team view'],
  ['framework', 'About the questions'],
  ['embed', 'Put this self-assessment on your website'],
];

async function open(page, route) {
  await openWith(page, env.server.url, seeded, { current: 'a', route });
}

const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('every screen passes axe and reflows at 320 px without sideways scrolling', async () => {
  const page = await env.newPage({ viewport: { width: 320, height: 640 }, reducedMotion: 'reduce' });
  for (const [place, heading] of SCREENS) {
    await open(page, place);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    if (place === 'results') await page.locator('.cmm-chart svg').nth(1).waitFor();
    assert.deepEqual(await axe(page), [], `axe on ${place}`);
    assert.ok(await overflow(page) <= 0, `${place} reflows at 320 px (overflow ${await overflow(page)} px)`);
  }
  await page.context().close();
});

test('text at 200% keeps every screen readable without sideways scrolling', async () => {
  // 200% text on a 640 px window, the same as a 1280 px window zoomed to 200%.
  // The 200% text is a style tag the test adds, which the page's strict CSP would refuse.
  const page = await env.newPage({ viewport: { width: 640, height: 800 }, reducedMotion: 'reduce', bypassCSP: true });
  for (const [place, heading] of SCREENS) {
    await open(page, place);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    const size = await page.locator('h1').first().evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
    assert.ok(size >= 50, `${place}: the heading text doubled (${size}px)`);
    assert.ok(await overflow(page) <= 0, `${place} at 200% text (overflow ${await overflow(page)} px)`);
    if (place === 'results') await page.screenshot({ path: 'test-results/results-text-200.png' });
  }
  await page.context().close();
});
