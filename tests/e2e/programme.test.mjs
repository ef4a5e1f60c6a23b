// The programme's journey: a council makes a return from its results; the programme team reads
// many councils' returns on the Programme page, sees honest figures, downloads the benchmark
// file; a council's results then compare with it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup, axe, loadFramework } from './helpers.mjs';
import { answersFor, download, openWith, press } from './flows.mjs';

let env;
let council;
let learner;
let dir;
before(async () => {
  env = await setup();
  council = await loadFramework();
  learner = await loadFramework('learner-framework.json');
  dir = await mkdtemp(join(tmpdir(), 'cmm-programme-'));
});
after(async () => { await env?.close(); });


/** A council's return with every question at `level`. */
function councilReturn(name, assessed, level, stage) {
  return {
    format: 'cm-maturity-return', formatVersion: 1, made: `${assessed}T12:00:00Z`,
    frameworkId: council.id, frameworkVersion: council.version, organisation: name,
    context: { councilType: 'district', region: 'southWest', stage },
    assessmentId: `${name}-${assessed}`, assessed: `${assessed}T09:00:00Z`, kind: 'full',
    answers: Object.fromEntries(Object.entries(answersFor(council, () => level)).map(([id, a]) => [id, a.rating])),
  };
}

test('a council makes a return from its results with levels and context but no notes', async () => {
  const page = await env.newPage();
  const ours = {
    id: 'ours', frameworkId: council.id, frameworkVersion: council.version, kind: 'full',
    created: '2026-11-02T09:00:00.000Z', updated: '2026-11-02T09:00:00.000Z', organisation: 'Anytown Council', role: 'Head of commercial',
    context: { councilType: 'unitary', region: 'london', stage: 'after' },
    answers: answersFor(council, (t, q, i) => (i === 0 ? 3 : 2)),
  };
  ours.answers[council.themes[0].questions[0].id].note = 'Ask Jane Smith about the register';
  await openWith(page, env.server.url, { schemaVersion: 3, assessments: [ours] }, { current: 'ours', route: 'results' });
  await page.getByRole('heading', { name: 'Send your results to the programme' }).waitFor();
  const plain = await download(page, () => page.getByRole('button', { name: 'Download the return file' }).click(), dir);
  assert.match(plain.name, /programme-return/);
  const r = JSON.parse(plain.text);
  assert.equal(r.format, 'cm-maturity-return');
  assert.equal(r.organisation, 'Anytown Council');
  assert.deepEqual(r.context, { councilType: 'unitary', region: 'london', stage: 'after' });
  assert.equal(Object.keys(r.answers).length, Object.keys(ours.answers).length);
  assert.doesNotMatch(plain.text, /Jane|Head of commercial/);
  await page.getByRole('checkbox', { name: /Include my job role/ }).check();
  const withRole = JSON.parse((await download(page, () => page.getByRole('button', { name: 'Download the return file' }).click(), dir)).text);
  assert.equal(withRole.role, 'Head of commercial');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the programme reads many returns, leaves out small groups and publishes a file councils compare with', async () => {
  const files = [];
  const write = async (name, body) => {
    const path = join(dir, name);
    await writeFile(path, typeof body === 'string' ? body : JSON.stringify(body));
    files.push(path);
  };
  // Six councils rise from 2 to 3; a seventh sends three returns (4, 1, 2): it fell, once.
  for (let n = 1; n <= 6; n++) {
    await write(`c${n}-before.json`, councilReturn(`Council ${n}`, '2025-01-10', 2, 'before'));
    await write(`c${n}-after.json`, councilReturn(`Council ${n}`, '2026-01-10', 3, 'after'));
  }
  await write('c7-a.json', councilReturn('Council 7', '2025-01-10', 4, 'before'));
  await write('c7-b.json', councilReturn('Council 7', '2025-06-10', 1, 'during'));
  await write('c7-c.json', councilReturn('Council 7', '2026-01-10', 2, 'after'));
  await write('c1-again.json', councilReturn('Council 1', '2026-01-10', 3, 'after'));
  await write('notes.json', 'these are my notes');
  await write('learner.json', { ...councilReturn('Me', '2026-01-10', 3, 'after'), frameworkId: learner.id });

  const page = await env.newPage({ reducedMotion: 'reduce' });
  // The footer links to the Programme page only where the programme's own settings ask.
  await page.goto(env.server.url);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Programme benchmarks' }).count(), 0);
  await page.goto(`${env.server.url}index.html?programme=on`);
  await press(page, 'Programme benchmarks');
  await page.getByRole('heading', { level: 1, name: 'Programme benchmarks' }).waitFor();
  await page.getByLabel("Councils' returns").setInputFiles(files);
  await page.getByText(/Using 15 returns from 7 councils\. 1 duplicate return was skipped\./).waitFor();
  const text = await page.locator('.cmm-app').innerText();
  assert.match(text, /notes\.json: /);
  assert.match(text, /learner\.json: The file holds answers to cmm-learner/);
  // One council fell: fewer than five, so hidden; and the six that rose are withheld, or seven
  // minus six would show it.
  assert.match(await page.getByRole('row', { name: /^Rose/ }).innerText(), /withheld\s+withheld/);
  assert.match(await page.getByRole('row', { name: /^Fell/ }).innerText(), /fewer than 5\s+fewer than 5/);
  // Before: seven councils at 2 or 4 (six at 2, one at 4 — hidden as fewer than five).
  const before = await page.getByRole('row', { name: /^Before starting the programme/ }).innerText();
  assert.match(before, /7 councils/);
  assert.match(before, /fewer than 5/);
  assert.doesNotMatch(await page.locator('.cmm-app').innerText(), /Council 7|Council 1\b/, 'no council is named');
  await page.locator('.cmm-chart svg').first().waitFor();
  assert.deepEqual(await axe(page), [], 'programme page');
  await page.screenshot({ path: 'test-results/programme-1280.png', fullPage: true });

  const file = await download(page, () => page.getByRole('button', { name: 'Download the benchmark file' }).click(), dir);
  const published = JSON.parse(file.text);
  assert.equal(published.format, 'cm-maturity-benchmarks');
  assert.equal(published.frameworkId, council.id);
  const all = published.benchmarks.find((b) => b.id === 'programme-all');
  assert.equal(all.sampleSize, 7);
  assert.ok(published.benchmarks.every((b) => b.sampleSize >= 5));
  assert.doesNotMatch(file.text, /Council \d/);

  // A council's widget pointed at the published file (same site) compares with it.
  const viewer = await env.newPage();
  await viewer.route('**/published/benchmarks.json', (route) => route.fulfill({ contentType: 'application/json', body: file.text }));
  const ours = {
    id: 'ours', frameworkId: council.id, frameworkVersion: council.version, kind: 'full',
    created: '2026-11-02T09:00:00.000Z', updated: '2026-11-02T09:00:00.000Z', organisation: 'Anytown Council',
    answers: answersFor(council, () => 3),
  };
  await openWith(viewer, env.server.url, { schemaVersion: 3, assessments: [ours] }, { current: 'ours' });
  await viewer.goto(`${env.server.url}?benchmarks=published/benchmarks.json#/results`);
  await viewer.getByRole('radio', { name: /^All programme councils/ }).waitFor();
  assert.match(await viewer.locator('.cmm-app').innerText(), /All programme councils/);
  assert.deepEqual(viewer.errors, []);
  await viewer.context().close();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('files chosen while others are still being read are not silently dropped: the page says to wait', async () => {
  const many = await mkdtemp(join(dir, 'many-'));
  const files = [];
  for (let n = 1; n <= 600; n++) {
    const path = join(many, `r${n}.json`);
    await writeFile(path, JSON.stringify(councilReturn(`Council ${n}`, '2026-01-10', 1 + (n % 5), 'after')));
    files.push(path);
  }
  const page = await env.newPage({ reducedMotion: 'reduce' });
  await page.goto(`${env.server.url}index.html?programme=on#/programme`);
  await page.getByRole('heading', { level: 1, name: 'Programme benchmarks' }).waitFor();
  const input = page.getByLabel("Councils' returns");
  await input.setInputFiles(files);
  await page.locator('.cmm-progress').waitFor();
  await input.setInputFiles(files.slice(0, 1));
  await page.getByText('The page is still reading the files you chose before. Choose more when it has finished.').first().waitFor();
  await page.getByText(/Using 600 returns from 600 councils/).waitFor({ timeout: 60_000 });
  assert.equal(await page.getByText('The page is still reading the files you chose before.').count(), 0, 'the message goes once reading has finished');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
