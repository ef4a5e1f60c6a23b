// The team view with three colleagues' files: medians, ranges, flags, its chart and export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup, axe, loadFramework } from './helpers.mjs';
import { press, savedData } from './flows.mjs';

let env;
let framework;
let dir;
before(async () => {
  env = await setup();
  framework = await loadFramework();
  dir = await mkdtemp(join(tmpdir(), 'cmm-team-'));
});
after(async () => { await env?.close(); });

/** A colleague's export: a quick check with the given level per theme (0 = Don't know). */
async function colleague(name, role, levels, extra = []) {
  const answers = Object.fromEntries(framework.quickCheck.map((id, i) => [id, { rating: levels[i] || 'dontKnow' }]));
  const mine = (created, a) => ({
    id: `${name}-${created}`, frameworkId: 'cmm-default', frameworkVersion: framework.version, kind: 'quick', role,
    organisation: 'Anytown Council', created, updated: created, answers: a,
  });
  const file = {
    format: 'cm-maturity-export', formatVersion: 1, appVersion: '0.1.0', exported: '2026-11-27T00:00:00Z',
    assessments: [mine('2026-11-01T00:00:00.000Z', answers), ...extra.map((a) => mine('2025-01-01T00:00:00.000Z', a))],
  };
  const path = join(dir, `${name}.json`);
  await writeFile(path, JSON.stringify(file));
  return path;
}

test('three colleagues\' files give medians, ranges and discussion flags, and the chart exports', async () => {
  const files = [
    await colleague('asha', 'Contract manager', [1, 3, 3, 2, 3, 3, 3, 0],
      [Object.fromEntries(framework.quickCheck.map((id) => [id, { rating: 5 }]))]),
    await colleague('ben', 'Commercial officer', [3, 3, 4, 2, 3, 3, 3, 0]),
    await colleague('cara', 'SRO', [4, 4, 3, 3, 3, 3, 3, 2]),
  ];
  const bad = join(dir, 'notes.json');
  await writeFile(bad, 'these are my notes');

  const page = await env.newPage({ reducedMotion: 'reduce' });
  await page.goto(env.server.url);
  await press(page, 'Team view');
  await page.getByRole('heading', { level: 1, name: 'Team view' }).waitFor();
  await page.getByLabel("Choose colleagues' files").setInputFiles([...files, bad]);
  await page.locator('.cmm-team__people').getByText('cara.json (Anytown Council, SRO)').waitFor();
  await page.getByRole('alert').getByText(/notes\.json: The file is not a readable export/).waitFor();

  const rows = await page.locator('.cmm-table--figures tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.innerText.trim())));
  // Asha's older assessment (all 5s) is ignored: each file counts once, with its latest.
  assert.deepEqual(rows[0], ['Governance and planning', '3', '3.0', '1.0 to 4.0', 'Yes: answers differ by 2 levels or more']);
  assert.deepEqual(rows[1], ['People and capability', '3', '3.0', '3.0 to 4.0', 'No']);
  assert.deepEqual(rows[7], ['Strategy and market', '1', '2.0', '2.0 to 2.0', 'No']);
  assert.match(await page.locator('.cmm-app').innerText(), /Themes to discuss: Governance and planning\./);
  // Question by question, with who answered what: the governance question spans levels 1 to 4.
  const first = framework.themes.flatMap((t) => t.questions).find((q) => q.id === framework.quickCheck[0]);
  const questions = page.locator('.cmm-team__question');
  assert.equal(await questions.count(), 1);
  assert.match(await page.locator('.cmm-app').innerText(), /1 question has answers two or more levels apart:/);
  const shown = await questions.first().innerText();
  assert.match(shown, new RegExp(`^${first.title.replace(/[()]/g, '.')}\\s+Governance and planning, levels 1 to 4`));
  assert.match(shown, /1 \(Initial\): asha\.json \(Anytown Council, Contract manager\)/);
  assert.match(shown, /3 \(Good\): ben\.json \(Anytown Council, Commercial officer\)/);
  assert.match(shown, /4 \(Better\): cara\.json \(Anytown Council, SRO\)/);
  await page.locator('.cmm-chart svg').waitFor();
  assert.deepEqual(await axe(page), [], 'team view');

  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the team chart as PNG' }).click()]);
  assert.match(dl.suggestedFilename(), /^contract-management-maturity-team-\d{4}-\d{2}-\d{2}\.png$/);
  const png = await readFile(await dl.path());
  assert.equal(png.subarray(1, 4).toString(), 'PNG');

  await page.getByRole('button', { name: /^Remove asha\.json/ }).click();
  await page.getByText('No theme has answers two or more levels apart.').waitFor();
  assert.equal(await savedData(page), null, 'colleagues\' files are never saved');
  await page.screenshot({ path: 'test-results/team-view.png', fullPage: true });
  await page.context().close();
});

test('a file of a person\'s own practice is refused by the council team view, with a message', async () => {
  const learner = await loadFramework('learner-framework.json');
  const file = {
    format: 'cm-maturity-export', formatVersion: 1, appVersion: '0.1.0', exported: '2026-11-27T00:00:00Z',
    assessments: [{
      id: 'me', frameworkId: learner.id, frameworkVersion: learner.version, kind: 'quick',
      created: '2026-11-01T00:00:00.000Z', updated: '2026-11-01T00:00:00.000Z',
      answers: { [learner.quickCheck[0]]: { rating: 3 } },
    }],
  };
  const path = join(dir, 'my-practice.json');
  await writeFile(path, JSON.stringify(file));
  const page = await env.newPage();
  await page.goto(`${env.server.url}#/team`);
  await page.getByLabel("Choose colleagues' files").setInputFiles([path]);
  const alert = page.getByRole('alert').filter({ hasText: 'Some files could not be used' });
  await alert.getByText(/my-practice\.json: The file holds answers to cmm-learner; this page works with cmm-default\./).waitFor();
  assert.equal(await page.locator('.cmm-team__people li').count(), 0);
  await page.context().close();
});
