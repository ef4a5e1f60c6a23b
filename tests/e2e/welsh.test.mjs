// Cymraeg: the whole quick check in Welsh (axe clean, lang="cy" on the root), switching
// language mid-assessment without losing anything, and the outputs (PNG, CSV, print) in Welsh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup, axe, loadFramework, DIST } from './helpers.mjs';
import { answerTheme, answersFor, download, openWith, press, savedData } from './flows.mjs';

let env;
let cy;
let council;
let english;
let dir;
before(async () => {
  env = await setup();
  cy = JSON.parse(await readFile(`${DIST}/data/text/cy.json`, 'utf8'));
  council = await loadFramework('framework.json', 'cy');
  english = await loadFramework();
  dir = await mkdtemp(join(tmpdir(), 'cmm-cy-'));
});
after(async () => { await env?.close(); });

const fill = (template, args) => template.replace(/\{(\w+)\}/g, (_, k) => String(args[k]));

async function answerThemeCy(page, level) {
  const groups = page.locator('fieldset.cmm-fieldset');
  await groups.first().waitFor();
  const n = await groups.count();
  for (let i = 0; i < n; i++) {
    const hint = page.locator('.cmm-radios__hint', { hasText: new RegExp(`^Lefel ${level}:`) });
    await groups.nth(i).locator('.cmm-radios__item', { has: hint }).getByRole('radio').check();
  }
  await page.getByText(cy.saved).first().waitFor();
}

test('the full quick check in Welsh, with every screen in Welsh and axe clean', async () => {
  const page = await env.newPage({ reducedMotion: 'reduce' });
  await page.goto(`${env.server.url}?lang=cy`);
  await page.getByRole('button', { name: cy.start_button, exact: true }).waitFor();
  assert.equal(await page.locator('.cmm-root').getAttribute('lang'), 'cy');
  assert.equal(await page.locator('html').getAttribute('lang'), 'cy', 'the page of its own is Welsh too');
  assert.deepEqual(await axe(page), [], 'start page');
  await page.getByRole('radio', { name: cy.kind_quick }).check();
  await page.getByRole('button', { name: cy.start_button, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: cy.overview_heading }).waitFor();
  await page.getByRole('button', { name: cy.overview_continue }).click();
  for (const [i, theme] of council.themes.entries()) {
    await page.getByRole('heading', { level: 1, name: theme.title }).waitFor();
    if (i === 0) {
      assert.deepEqual(await axe(page), [], 'theme page');
      await page.screenshot({ path: 'test-results/cy-theme-1280.png', fullPage: true });
    }
    await answerThemeCy(page, i % 2 === 0 ? 3 : 2);
    const next = i < council.themes.length - 1 ? cy.next_theme : cy.to_check;
    await press(page, next);
  }
  await page.getByRole('heading', { level: 1, name: cy.check_heading }).waitFor();
  assert.deepEqual(await axe(page), [], 'check answers');
  await press(page, cy.see_results, { exact: false });
  await page.getByRole('heading', { level: 1, name: cy.results_heading }).waitFor();
  await page.locator('.cmm-chart svg').nth(1).waitFor();
  const text = await page.locator('.cmm-app').innerText();
  assert.doesNotMatch(text, /\b(Your|Download|Theme|Level \d|Overall level|Print)\b/, 'no English left on the results screen');
  assert.match(text, /2\.5/);
  assert.deepEqual(await axe(page), [], 'results');
  await page.screenshot({ path: 'test-results/cy-results-1280.png', fullPage: true });

  // The outputs are in Welsh: the CSV's headers, the PNG's file name, the print report.
  const downloadFrom = (name) => download(page, () => page.getByRole('button', { name }).click(), dir);
  const csv = await downloadFrom(cy.csv_download);
  assert.match(csv.name, new RegExp(`^${cy.file_prefix}`));
  const header = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0];
  assert.ok(header.startsWith(cy.csv_theme), header);
  const png = await downloadFrom(fill(cy.download_png, { chart: cy.radar_short }));
  assert.match(png.name, /\.png$/);
  assert.equal(png.bytes.readUInt32BE(0), 0x89504e47);
  await page.emulateMedia({ media: 'print' });
  const printed = await page.locator('.cmm-app').innerText();
  assert.match(printed, new RegExp(cy.results_heading));
  assert.doesNotMatch(printed, /\bYour answers\b|\bOverall level\b/);
  await page.emulateMedia({ media: null });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('switching language mid-assessment keeps every answer, the screen and the place on it', async () => {
  const page = await env.newPage();
  await page.goto(env.server.url);
  await page.getByRole('radio', { name: 'Full assessment' }).check();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: english.themes[0].title }).waitFor();
  await answerTheme(page, 'Level 4', undefined, 3);
  const before = await savedData(page);
  await page.evaluate(() => window.scrollTo(0, 600));
  const y = await page.evaluate(() => window.scrollY);

  // Pressed where it is, without Playwright scrolling it into view first.
  await page.getByRole('button', { name: 'Cymraeg' }).dispatchEvent('click');
  await page.getByRole('heading', { level: 1, name: council.themes[0].title }).waitFor();
  await page.waitForTimeout(200);
  assert.equal(await page.locator('.cmm-root').getAttribute('lang'), 'cy');
  assert.equal(await page.locator('fieldset input[type=radio]:checked').count(), 3, 'answers still ticked');
  assert.ok(Math.abs((await page.evaluate(() => window.scrollY)) - y) < 80, 'the same place on the screen');
  const after = await savedData(page);
  assert.deepEqual(after.assessments, before.assessments, 'nothing about the answers changed');
  // The switch to English is marked as English for screen readers.
  assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('lang'), 'en-GB');

  // Remembered for this namespace: a reload stays in Welsh.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: council.themes[0].title }).waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: english.themes[0].title }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a share link made in Welsh opens in Welsh, unless the reader chose English', async () => {
  const page = await env.newPage();
  const answers = Object.fromEntries(english.quickCheck.map((id) => [id, { rating: 3 }]));
  const data = {
    schemaVersion: 3,
    assessments: [{ id: 'mine', frameworkId: english.id, frameworkVersion: english.version, kind: 'quick',
      created: '2026-11-20T10:00:00.000Z', updated: '2026-11-20T10:00:00.000Z', organisation: 'Cyngor Sir Ynys Môn', answers }],
  };
  await openWith(page, env.server.url, data, { current: 'mine', route: 'results' });
  await page.getByRole('button', { name: 'Cymraeg' }).click();
  await page.getByRole('heading', { level: 1, name: cy.results_heading }).waitFor();
  await page.getByRole('button', { name: cy.share_create }).click();
  const link = await page.getByLabel(cy.share_link_label).inputValue();
  await page.context().close();

  const reader = await env.newPage();
  await reader.goto(link);
  await reader.getByText('Cyngor Sir Ynys Môn').first().waitFor();
  assert.equal(await reader.locator('.cmm-root').getAttribute('lang'), 'cy');
  await reader.context().close();

  // A reader who chose English on this site reads it in English.
  const chooser = await env.newPage();
  await chooser.goto(env.server.url);
  await chooser.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await chooser.evaluate(() => localStorage.setItem('cmm:lang', 'en'));
  await chooser.goto(`${env.server.url}#/start`);
  await chooser.goto(link);
  await chooser.reload();
  await chooser.getByText('Cyngor Sir Ynys Môn').first().waitFor();
  assert.equal(await chooser.locator('.cmm-root').getAttribute('lang'), 'en-GB');
  await chooser.context().close();
});

test('the Welsh results summary joins three theme names with the aspirate mutation after ‘a’', async () => {
  const page = await env.newPage();
  // Strongest: governance, people and performance (4); weakest: the other five (2). The last
  // strong theme starts with P, and the weakest list ends with Strategaeth (T after ‘a’: no
  // change, as S is not a mutating letter) and includes Risg and Perthnasoedd in the middle.
  const strong = new Set(['governance', 'people', 'performance']);
  const answers = answersFor(english, (theme) => (strong.has(theme.id) ? 4 : 2));
  const data = {
    schemaVersion: 3,
    assessments: [{ id: 'mine', frameworkId: english.id, frameworkVersion: english.version, kind: 'full',
      created: '2026-11-20T10:00:00.000Z', updated: '2026-11-20T10:00:00.000Z', organisation: 'Cyngor Sir Ddinbych', answers }],
  };
  await openWith(page, `${env.server.url}?lang=cy`, data, { current: 'mine', route: 'results' });
  await page.getByRole('heading', { level: 1, name: cy.results_heading }).waitFor();
  const text = await page.locator('.cmm-app').innerText();
  const title = (id) => council.themes.find((t) => t.id === id).title;
  const strongest = fill(cy.summary_strongest_many, {
    themes: `${title('governance')}, ${title('people')} a Pherfformiad a thalu`,
  });
  assert.ok(text.includes(strongest), `expected “${strongest}” in:\n${text.slice(0, 1500)}`);
  assert.doesNotMatch(text, / a Perfformiad/, 'no unmutated P after ‘a’');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
