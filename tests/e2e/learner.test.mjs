// A learner's own journey: a quick check of their practice, results against a chosen
// expectation (never councils' figures), a development plan with dates and ticks that is kept,
// downloaded and printed; and each assessment keeps its own framework.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup, axe, loadFramework } from './helpers.mjs';
import { answersFor, answerTheme, COUNCIL, download, LEARNER, openWith, press, savedData, start } from './flows.mjs';

let env;
let learner;
let council;
let dir;
before(async () => {
  env = await setup();
  learner = await loadFramework('learner-framework.json');
  council = await loadFramework();
  dir = await mkdtemp(join(tmpdir(), 'cmm-learner-'));
});
after(async () => { await env?.close(); });


test('a learner rates their own practice, compares with an expectation and keeps a dated plan', async () => {
  for (const width of [1280, 375]) {
    const page = await env.newPage({ reducedMotion: 'reduce', viewport: { width, height: 900 } });
    await page.goto(env.server.url);
    await page.getByRole('radio', { name: LEARNER }).check();
    if (width === 1280) assert.deepEqual(await axe(page), [], 'start page, learner chosen');
    await page.screenshot({ path: `test-results/learner-start-${width}.png`, fullPage: true });
    await start(page, { framework: LEARNER, kind: 'Quick check' });
    assert.match(await page.locator('.cmm-app').innerText(), /Questions answered: 0 of 8\./);
    await page.getByRole('button', { name: 'Continue' }).click();
    for (const [i, theme] of learner.themes.entries()) {
      await page.getByRole('heading', { level: 1, name: theme.title }).waitFor();
      if (i === 0) {
        // The learner's rungs are in the first person and named for a person, not a council.
        const text = await page.locator('.cmm-app').innerText();
        assert.match(text, /New to this/);
        assert.match(text, /\bI\b/);
        if (width === 1280) assert.deepEqual(await axe(page), [], 'learner theme page');
        await page.screenshot({ path: `test-results/learner-theme-${width}.png`, fullPage: true });
      }
      await answerTheme(page, i < 4 ? 'Level 2' : 'Level 3');
      await press(page, i < learner.themes.length - 1 ? 'Next theme' : 'Check your answers');
    }
    await press(page, 'See your results');
    await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
    await page.getByRole('radio', { name: /^Practitioner expectation/ }).check();
    await page.locator('.cmm-chart svg').nth(1).waitFor();
    const results = await page.locator('.cmm-app').innerText();
    assert.match(results, /Practitioner expectation/);
    assert.doesNotMatch(results, /councils|Councils' median|Pioneer/i, 'no council figures for a learner');
    assert.doesNotMatch(results, /Send your results to the programme/, 'no programme return for a learner');

    // The plan: one step for each of the eight questions, all below Practitioner (4).
    const plan = page.locator('.cmm-plan');
    assert.equal(await plan.locator('.cmm-plan__item').count(), 8);
    const first = learner.quickCheck[0];
    const firstTitle = learner.themes[0].questions.find((q) => q.id === first).title;
    // The GOV.UK date input: day, month and year, in that order, whatever the browser's locale.
    const due = page.getByRole('group', { name: `Target date for ${firstTitle}` });
    const fields = await due.locator('input').evaluateAll((els) => els.map((e) => e.labels[0].textContent));
    assert.deepEqual(fields, ['Day', 'Month', 'Year']);
    await due.getByLabel('Day').fill('31');
    await due.getByLabel('Month').fill('3');
    await due.getByLabel('Year').fill('2027');
    await due.getByLabel('Year').blur();
    await page.getByRole('checkbox', { name: `Done for ${firstTitle}` }).check();
    if (width === 1280) assert.deepEqual(await axe(page), [], 'learner results with plan');
    await page.screenshot({ path: `test-results/learner-results-${width}.png`, fullPage: true });

    await page.waitForTimeout(700);
    const saved = (await savedData(page)).assessments[0];
    assert.equal(saved.frameworkId, learner.id);
    assert.deepEqual(saved.plan[first], { due: '2027-03-31', status: 'done' });

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
    assert.deepEqual(
      [await due.getByLabel('Day').inputValue(), await due.getByLabel('Month').inputValue(), await due.getByLabel('Year').inputValue()],
      ['31', '3', '2027'],
    );
    assert.equal(await page.getByRole('checkbox', { name: `Done for ${firstTitle}` }).isChecked(), true);

    if (width === 1280) {
      const csv = await download(page, () => page.getByRole('button', { name: 'Download the plan (CSV)' }).click(), dir);
      assert.match(csv.name, /development-plan/);
      const rows = csv.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
      assert.equal(rows[0], 'Theme,Question,Level now,Next level,Action,Target date,Done');
      assert.equal(rows.length, 9);
      assert.match(rows.find((r) => r.includes('2027-03-31')), /2 Learning,3 Foundation,.*,2027-03-31,Done$/);

      await page.emulateMedia({ media: 'print' });
      const printed = await page.locator('.cmm-plan').innerText();
      assert.match(printed, /Target date: 31 March 2027/);
      // The step's question sits on its own line, above (never run into) the words of its step.
      const apart = await page.locator('.cmm-plan__item').evaluateAll((items) => items.map((li) => {
        const title = li.querySelector('.cmm-plan__question').getBoundingClientRect();
        const step = li.querySelector('.cmm-roadmap__action').getBoundingClientRect();
        return step.top - title.bottom;
      }));
      assert.ok(apart.every((gap) => gap >= 0), `every step below its question on paper: ${apart}`);
      assert.doesNotMatch(printed, /[a-z][A-Z][a-z]/, 'no words run together on paper');
      assert.match(printed, /Done/);
      assert.equal(await due.getByLabel('Day').isVisible(), false, 'no inputs on paper');
      await page.emulateMedia({ media: 'screen' });
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('a date that is not real, or not whole, is said at its field and the date kept before stays', async () => {
  const page = await env.newPage({ reducedMotion: 'reduce', viewport: { width: 375, height: 900 } });
  const mine = {
    id: 'mine', frameworkId: learner.id, frameworkVersion: learner.version, kind: 'full',
    created: '2026-11-01T09:00:00.000Z', updated: '2026-11-01T09:00:00.000Z', organisation: '', role: 'Contract manager',
    answers: answersFor(learner, () => 2),
  };
  await openWith(page, env.server.url, { schemaVersion: 3, assessments: [mine] }, { current: 'mine', route: 'results' });
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  await page.getByRole('radio', { name: /^Practitioner expectation/ }).check();
  const first = page.locator('.cmm-plan__item fieldset').first();
  const day = first.getByLabel('Day');
  const month = first.getByLabel('Month');
  const year = first.getByLabel('Year');
  await day.fill('30'); await month.fill('4'); await year.fill('2027');
  await year.press('Tab');
  await page.waitForTimeout(700);
  const stored = async () => Object.values((await savedData(page)).assessments[0].plan ?? {})[0]?.due;
  assert.equal(await stored(), '2027-04-30');

  // Moving between the three fields is never an error.
  await day.fill('');
  await day.press('Tab');
  assert.equal(await first.locator('.cmm-error-message').count(), 0, 'no message while still in the group');

  const cases = [
    [['29', '2', '2027'], 'The date must be a real date', ['Day', 'Month', 'Year']],
    [['31', '4', '2027'], 'The date must be a real date', ['Day', 'Month', 'Year']],
    [['', '4', '2027'], 'The date must include a day', ['Day']],
    [['1', '4', '27'], 'The year must have 4 numbers', ['Year']],
    [['1', '', ''], 'Enter the date as a day, a month and a year', ['Day', 'Month', 'Year']],
  ];
  for (const [[d, m, y], message, wrong] of cases) {
    await day.fill(d); await month.fill(m); await year.fill(y);
    await year.press('Tab');
    await first.locator('.cmm-error-message').waitFor();
    assert.match(await first.locator('.cmm-error-message').innerText(), new RegExp(`^Error:\\s*${message}$`), `${d}/${m}/${y}`);
    const marked = [];
    for (const [name, field] of [['Day', day], ['Month', month], ['Year', year]]) {
      if ((await field.getAttribute('aria-invalid')) === 'true') marked.push(name);
    }
    assert.deepEqual(marked, wrong, `fields marked for ${d}/${m}/${y}`);
    assert.match(await first.getAttribute('aria-describedby') ?? '', /-hint .*-error$/, 'the message is read with the group');
    await page.waitForTimeout(700);
    assert.equal(await stored(), '2027-04-30', `${d}/${m}/${y} keeps the date before`);
  }
  assert.deepEqual(await axe(page), [], 'plan with a date error');
  await page.screenshot({ path: 'test-results/learner-date-error-375.png', fullPage: false });

  // Emptying all three clears the date; a real one puts the message away.
  await day.fill(''); await month.fill(''); await year.fill('');
  await year.press('Tab');
  await page.waitForTimeout(700);
  assert.equal(await stored(), undefined);
  await day.fill('1'); await month.fill('5'); await year.fill('2027');
  await year.press('Tab');
  assert.equal(await first.locator('.cmm-error-message').count(), 0);
  await page.waitForTimeout(700);
  assert.equal(await stored(), '2027-05-01');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('each assessment keeps its framework when the learner also rates their council', async () => {
  const page = await env.newPage();
  const mine = {
    id: 'mine', frameworkId: learner.id, frameworkVersion: learner.version, kind: 'full',
    created: '2026-11-01T09:00:00.000Z', updated: '2026-11-01T09:00:00.000Z', organisation: '', role: 'Contract manager',
    answers: answersFor(learner, () => 2),
  };
  const ours = {
    id: 'ours', frameworkId: council.id, frameworkVersion: council.version, kind: 'full',
    created: '2026-11-02T09:00:00.000Z', updated: '2026-11-02T09:00:00.000Z', organisation: 'Anytown Council', role: '',
    answers: answersFor(council, () => 3),
  };
  await openWith(page, env.server.url, { schemaVersion: 3, assessments: [mine, ours] }, { current: 'mine', route: 'results' });
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  assert.match(await page.locator('.cmm-app').innerText(), /Your development plan/);
  assert.match(await page.locator('.cmm-app').innerText(), /2\.0 \(Learning\)/);

  await press(page, 'Your assessments');
  await page.getByRole('heading', { level: 1, name: 'Your assessments' }).waitFor();
  const history = await page.locator('.cmm-history').innerText();
  assert.match(history, new RegExp(LEARNER));
  assert.match(history, new RegExp(COUNCIL));
  await page.getByRole('button', { name: /^Open Anytown Council/ }).click();
  await press(page, 'Results');
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  const councilResults = await page.locator('.cmm-app').innerText();
  assert.match(councilResults, /3\.0 \(Good\)/);
  assert.match(councilResults, /Your improvement roadmap/);
  assert.doesNotMatch(councilResults, /Your development plan|expectation: level 4 \(Practitioner\)/);

  const data = await savedData(page);
  assert.deepEqual(data.assessments.map((a) => [a.id, a.frameworkId]), [['mine', learner.id], ['ours', council.id]]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
