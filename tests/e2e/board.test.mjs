// Journeys 2, the SRO's pages: chart labels never cut off at any width or in Welsh, the board
// summary with its own figures and a caption said once, a board summary from a share link that
// needs nothing saved, the bars first on a phone, and focus kept after an import or a language
// switch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup, axe, loadFramework } from './helpers.mjs';
import { openWith, press } from './flows.mjs';

let env;
let framework;
before(async () => {
  env = await setup();
  framework = await loadFramework();
});
after(async () => { await env?.close(); });

/** Two assessments of the full framework, a year apart, the later one current. */
function seeded({ organisation = 'Anytown Council', name = '' } = {}) {
  const answers = (rate) => {
    const out = {};
    framework.themes.forEach((theme, i) => {
      for (const q of theme.questions) out[q.id] = { rating: rate(i) };
    });
    return out;
  };
  const assessment = (id, when, rate) => ({
    id, frameworkId: 'cmm-default', frameworkVersion: framework.version, kind: 'full',
    organisation, ...(name ? { name } : {}), created: when, updated: when, answers: answers(rate),
  });
  return JSON.stringify({
    schemaVersion: 3,
    assessments: [
      assessment('before', '2025-11-20T10:00:00.000Z', () => 2),
      assessment('now', '2026-11-20T10:00:00.000Z', (i) => 1 + (i % 5)),
    ],
  });
}

const activeId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Every piece of chart text that reaches outside its chart's box, as "text: how far". */
function clipped(page) {
  return page.evaluate(() => {
    const out = [];
    for (const chart of document.querySelectorAll('.cmm-chart')) {
      const box = chart.getBoundingClientRect();
      if (box.width === 0) continue;
      for (const text of chart.querySelectorAll('svg text')) {
        const r = text.getBoundingClientRect();
        if (r.width === 0 || !text.textContent.trim()) continue;
        const over = Math.max(box.left - r.left, r.right - box.right, box.top - r.top, r.bottom - box.bottom);
        if (over > 1) out.push(`${text.textContent}: ${over.toFixed(0)} px at ${box.width.toFixed(0)} px wide`);
      }
    }
    return out;
  });
}

/** Waits until every chart on the page has drawn its theme names. */
async function chartsDrawn(page, count) {
  await page.waitForFunction((n) => {
    const charts = [...document.querySelectorAll('.cmm-chart')];
    return charts.length >= n && charts.every((c) => c.querySelectorAll('svg text').length > 8);
  }, count);
  // A resize redraws once more.
  await page.waitForTimeout(300);
}

for (const [lang, results, board, link] of [
  ['en', 'Your results', 'Board summary', 'Board summary (one page)'],
  ['cy', 'Eich canlyniadau', 'Crynodeb i’r bwrdd', 'Crynodeb i’r bwrdd (un dudalen)'],
]) {
  test(`no chart label is cut off at 1280, 375 or 320 px (${lang})`, async () => {
    for (const width of [1280, 375, 320]) {
      const page = await env.newPage({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
      await openWith(page, env.server.url, seeded(), { current: 'now', route: 'results' });
      await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
      if (lang === 'cy') {
        await press(page, 'Cymraeg');
        await page.getByRole('heading', { level: 1, name: results }).waitFor();
      }
      await chartsDrawn(page, 2);
      assert.deepEqual(await clipped(page), [], `results at ${width} px`);
      await press(page, link);
      await page.getByRole('heading', { level: 1, name: board }).waitFor();
      await chartsDrawn(page, 1);
      assert.deepEqual(await clipped(page), [], `board summary at ${width} px`);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= width, `the board summary reflows at ${width} px (${wide} px wide)`);
      await page.context().close();
    }
  });
}

test('on a phone the bar chart comes before the radar; on a wide screen the radar leads', async () => {
  for (const [width, first] of [[375, 'bars'], [1280, 'radar']]) {
    const page = await env.newPage({ viewport: { width, height: 900 } });
    await openWith(page, env.server.url, seeded(), { current: 'now', route: 'results' });
    await chartsDrawn(page, 2);
    const tops = await page.evaluate(() => ({
      radar: document.querySelector('.cmm-charts__item--radar').getBoundingClientRect().top,
      bars: document.querySelector('.cmm-charts__item--bars').getBoundingClientRect().top,
    }));
    const other = first === 'bars' ? 'radar' : 'bars';
    assert.ok(tops[first] <= tops[other], `${first} first at ${width} px: ${JSON.stringify(tops)}`);
    await page.context().close();
  }
});

test('the board summary has its own figures table and says who and when once, without version numbers', async () => {
  const page = await env.newPage({ reducedMotion: 'reduce' });
  await openWith(page, env.server.url, seeded(), { current: 'now', route: 'board' });
  await page.getByRole('heading', { level: 1, name: 'Board summary' }).waitFor();
  const caption = await page.locator('.cmm-caption').innerText();
  assert.equal(caption, 'Anytown Council, 20 November 2026');
  const table = page.locator('.cmm-board__table');
  await table.waitFor();
  const headers = await table.locator('thead th').allInnerTexts();
  assert.deepEqual(headers, ['Theme', 'Level', 'Expected', 'Change since 20 November 2025']);
  const rows = await table.locator('tbody tr').allInnerTexts();
  assert.equal(rows.length, framework.themes.length);
  assert.match(rows[0], /^Governance and planning\t1\.0\t\S+\t−1\.0$/);
  assert.match(await table.locator('caption').innerText(), /“Expected” is the median of /);
  assert.match(await page.locator('.cmm-board .cmm-chart').getAttribute('aria-label'), /in the table beside it/);
  const footer = await page.locator('.cmm-board__footer').innerText();
  assert.match(footer, new RegExp(`version ${framework.version.replace(/\./g, '\\.')}\\.$`));
  assert.deepEqual(await axe(page), [], 'board summary');
  await page.context().close();

  // A learner's own assessment has no organisation: the date alone, not "Assessment started …".
  const learner = await env.newPage();
  await openWith(learner, env.server.url, seeded({ organisation: '' }), { current: 'now', route: 'board' });
  await learner.getByRole('heading', { level: 1, name: 'Board summary' }).waitFor();
  assert.equal(await learner.locator('.cmm-caption').innerText(), '20 November 2026');
  await learner.context().close();
});

test('a share link offers the board summary, which works with nothing saved and leaves focus where it was', async () => {
  const owner = await env.newPage({ reducedMotion: 'reduce' });
  await openWith(owner, env.server.url, seeded(), { current: 'now', route: 'results' });
  await owner.getByRole('button', { name: 'Create a share link' }).click();
  const link = await owner.getByLabel('Share link').inputValue();
  await owner.context().close();

  const viewer = await env.newPage({ reducedMotion: 'reduce' });
  await viewer.goto(link);
  await viewer.getByRole('heading', { level: 1, name: 'Shared results' }).waitFor();
  await viewer.getByRole('button', { name: 'Board summary (one page)' }).click();
  await viewer.getByRole('heading', { level: 1, name: 'Board summary' }).waitFor();
  await viewer.waitForFunction(() => document.activeElement?.id === 'cmm-board-heading');
  assert.equal(await viewer.locator('.cmm-caption').innerText(), 'Anytown Council, 20 November 2026');
  assert.equal(await viewer.locator('.cmm-board__table tbody tr').count(), framework.themes.length);
  assert.equal(await viewer.evaluate(() => localStorage.getItem('cmm:data')), null, 'nothing saved');
  await viewer.getByRole('button', { name: 'Back to results' }).click();
  await viewer.getByRole('heading', { level: 1, name: 'Shared results' }).waitFor();
  await viewer.waitForFunction(() => document.activeElement?.id === 'cmm-board-open');
  await viewer.context().close();
});

test('focus moves to what an import shows, and stays on the language switch after switching', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cmm-board-'));
  const file = join(dir, 'backup.json');
  await writeFile(file, seeded());
  const page = await env.newPage();
  await page.goto(env.server.url);
  await press(page, 'Your assessments');
  await page.getByLabel('Choose a file exported from this tool').setInputFiles(file);
  await page.waitForFunction(() => document.activeElement?.id === 'cmm-import-preview');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'cmm-import-file');
  await page.getByLabel('Choose a file exported from this tool').setInputFiles(file);
  await page.waitForFunction(() => document.activeElement?.id === 'cmm-import-preview');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'cmm-import-done');
  assert.match(await page.locator('#cmm-import-done').innerText(), /Imported\. New: 2\./);

  await page.getByRole('button', { name: 'Cymraeg' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Eich asesiadau' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'cmm-language-switch');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'English');
  assert.equal(await activeId(page), 'cmm-language-switch');
  await page.context().close();
});
