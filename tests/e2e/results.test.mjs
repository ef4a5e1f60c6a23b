// The results screen from a seeded pair of assessments: the table's numbers, both charts, the
// benchmark chooser, progress since last time, and the roadmap following the user's targets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, axe, loadFramework } from './helpers.mjs';
import { openWith, savedData } from './flows.mjs';

let env;
let framework;
before(async () => {
  env = await setup();
  framework = await loadFramework();
});
after(async () => { await env?.close(); });

/** Governance 4,4,3,3,3; people 1,2 and two "Don't know"; every other theme 3. */
function currentAnswers() {
  const answers = {};
  for (const theme of framework.themes) {
    theme.questions.forEach((q, i) => {
      let rating = 3;
      if (theme.id === 'governance') rating = i < 2 ? 4 : 3;
      if (theme.id === 'people') rating = [1, 2, 'dontKnow', 'dontKnow'][i];
      answers[q.id] = { rating };
    });
  }
  answers['gov-tiering'].note = 'Tiering agreed by the board in May';
  return answers;
}

function seeded() {
  const base = { frameworkId: 'cmm-default', frameworkVersion: framework.version, kind: 'full', organisation: 'Anytown Council' };
  const previous = Object.fromEntries(framework.themes.flatMap((t) => t.questions.map((q) => [q.id, { rating: 2 }])));
  return JSON.stringify({
    schemaVersion: 3,
    assessments: [
      { ...base, id: 'before', created: '2025-11-20T10:00:00.000Z', updated: '2025-11-20T10:00:00.000Z', answers: previous },
      { ...base, id: 'now', created: '2026-11-20T10:00:00.000Z', updated: '2026-11-20T10:00:00.000Z', answers: currentAnswers() },
    ],
  });
}

async function openResults(page) {
  await openWith(page, env.server.url, seeded(), { current: 'now', route: 'results' });
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  await page.locator('.cmm-chart svg').nth(1).waitFor();
}

async function tableRows(page) {
  return page.locator('.cmm-table--figures tr').evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.innerText.trim())));
}

test('the figures table, summary and progress match a seeded assessment', async () => {
  const page = await env.newPage({ reducedMotion: 'reduce' });
  await openResults(page);
  const text = await page.locator('.cmm-app').innerText();
  // Governance 3.4, people 1.5, six themes at 3: overall (3.4 + 1.5 + 18) / 8 = 2.8625.
  assert.match(text, /Overall level: 2\.9, nearly Good/);
  assert.match(text, /47% of the way from Initial to Best/);
  assert.match(text, /Your strongest theme: Governance and planning\./);
  assert.match(text, /Your weakest theme: People and capability\./);
  assert.match(text, /Below Framework expectation: Good \(3\) on every theme: People and capability by 1\.5\./);
  assert.match(text, /You answered "Don't know" 2 times/);
  assert.match(text, /Compared with your assessment of 20 November 2025\./);

  const rows = await tableRows(page);
  assert.deepEqual(rows[0], ['Theme', 'Level', 'Expected level', 'Previous (20 November 2025)', 'Change']);
  assert.deepEqual(rows[1], ['Governance and planning', '3.4 (Good)', '3.0', '2.0', '+1.4']);
  assert.deepEqual(rows[2], ['People and capability', '1.5 (Initial)', '3.0', '2.0', '−0.5']);
  assert.deepEqual(rows[3], ['Administration and data', '3.0 (Good)', '3.0', '2.0', '+1.0']);
  assert.equal(rows.length, 9);

  assert.equal(await page.locator('.cmm-chart svg').count(), 2, 'radar and bar charts render');
  assert.deepEqual(await axe(page), [], 'results with the framework expectation');
  await page.screenshot({ path: 'test-results/results-seeded-1280.png', fullPage: true });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('switching benchmark updates the table and the chart, and labels illustrative figures', async () => {
  const page = await env.newPage({ reducedMotion: 'reduce' });
  await openResults(page);
  const barChart = page.locator('.cmm-chart').nth(1);
  const before = await barChart.innerHTML();
  assert.doesNotMatch(before, /Middle half of organisations/);

  const entry = page.getByRole('radio', { name: /Cohort at entry \(illustrative\)/ });
  assert.match(await page.locator('.cmm-compare').innerText(), /Illustrative figures[\s\S]*24 organisations/);
  await entry.check();
  await page.getByRole('caption').getByText('compared with Cohort at entry (illustrative)').waitFor();
  let rows = await tableRows(page);
  assert.deepEqual(rows[0].slice(0, 4), ['Theme', 'Level', 'Illustrative median (invented, not real data)', 'Middle half']);
  assert.deepEqual(rows[1].slice(0, 4), ['Governance and planning', '3.4 (Good)', '2.0', '1.5 to 2.5']);
  await barChart.getByText('Middle half of organisations').first().waitFor();
  // The legend says the figures are illustrative, not "Benchmark median".
  await barChart.getByText('Illustrative median (invented, not real data)').first().waitFor();
  assert.notEqual(await barChart.innerHTML(), before, 'the chart is redrawn');
  assert.deepEqual(await axe(page), [], 'results with the cohort at entry');

  await page.getByRole('radio', { name: /Cohort after the programme/ }).check();
  await page.getByRole('caption').getByText('compared with Cohort after the programme (illustrative: the improvement is invented)').waitFor();
  rows = await tableRows(page);
  assert.deepEqual(rows[8].slice(0, 4), ['Strategy and market', '3.0 (Good)', 'No figure', 'No figure']);
  assert.deepEqual(await axe(page), [], 'results with the cohort after the programme');
  await page.context().close();
});

test('the roadmap puts the largest gap first and follows the targets the user sets', async () => {
  const page = await env.newPage({ reducedMotion: 'reduce' });
  await openResults(page);
  const roadmap = async () => page.locator('.cmm-roadmap__theme').allInnerTexts();
  const priorities = await page.locator('.cmm-roadmap__priorities li').allInnerTexts();
  assert.equal(priorities.length, 1);
  assert.match(priorities[0], /^People and capability, /);
  let themes = await roadmap();
  assert.match(themes[1], /People and capability[\s\S]*Level 1\.5, target 3\.0[\s\S]*You are at level 1 \(Initial\)\. To reach level 2 \(Developing\):/);
  assert.match(themes[1], /Find out where you stand on /);

  // Raise the target for governance to Best: its rungs below 5 now have actions.
  await page.getByLabel('Target for Governance and planning').selectOption('5');
  await page.locator('.cmm-roadmap__theme').first().getByText('Level 3.4, target 5.0.').waitFor();
  themes = await roadmap();
  assert.match(themes[0], /Contract tiering[\s\S]*You are at level 4 \(Better\)/);
  const saved = await savedData(page);
  assert.deepEqual(saved.assessments.find((a) => a.id === 'now').targets, { governance: 5 });

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  assert.equal(await page.getByLabel('Target for Governance and planning').inputValue(), '5', 'targets are kept');
  await page.context().close();
});

test('results are readable at 375 and 320 px wide without sideways scrolling', async () => {
  for (const width of [375, 320]) {
    const page = await env.newPage({ viewport: { width, height: 800 }, reducedMotion: 'reduce' });
    await openResults(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at ${width} px (overflow ${overflow})`);
    await page.screenshot({ path: `test-results/results-seeded-${width}.png`, fullPage: true });
    await page.context().close();
  }
});

test('on a slow device both charts are drawn, however the first drawing and the resize interleave', async () => {
  // Found by the benchmark: with the CPU four times slower, a second first-drawing disposed of
  // the first one's chart and the results showed two empty frames.
  for (let run = 0; run < 3; run++) {
    const page = await env.newPage({ reducedMotion: 'reduce' });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await openWith(page, env.server.url, seeded(), { current: 'now', route: 'results' });
    await page.waitForFunction(() => [...document.querySelectorAll('.cmm-chart')].every((c) => c.querySelectorAll('svg path').length > 0), null, { timeout: 20_000 });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});
