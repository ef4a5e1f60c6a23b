// Whole journeys in Chromium against the release build: a quick check from start to results,
// resuming after a reload, reassessing, deleting with undo; with axe-core on every screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, axe } from './helpers.mjs';
import { answerTheme, currentId, press, start, savedData, themeHeadings } from './flows.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

test('a full quick check, from the start page to results, passes axe on every screen', async () => {
  const page = await env.newPage();
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(env.server.url);
  await page.getByRole('heading', { level: 1, name: 'Contract management self-assessment' }).waitFor();
  assert.match(await page.locator('.cmm-app').innerText(), /never sent anywhere|Nothing is sent anywhere/);
  assert.deepEqual(await axe(page), [], 'start page');

  await start(page, { kind: 'Quick check', organisation: 'Anytown Council', role: 'Contract manager' });
  assert.match(await page.locator('.cmm-app').innerText(), /Questions answered: 0 of 8\./);
  assert.equal(await page.getByText('Not started').count(), 8);
  assert.deepEqual(await axe(page), [], 'overview');

  await page.getByRole('button', { name: 'Continue' }).click();
  for (const [i, heading] of themeHeadings.entries()) {
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    // Focus moves to the heading on each step.
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    if (i === 0) assert.deepEqual(await axe(page), [], 'theme page');
    await answerTheme(page, i % 2 === 0 ? 'Level 3' : 'Level 2', i === 0 ? 'Evidence: tiering rules' : undefined);
    await press(page, i < 7 ? 'Next theme' : 'Check your answers');
  }
  await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
  const check = await page.locator('.cmm-app').innerText();
  assert.doesNotMatch(check, /Not answered/);
  assert.match(check, /Note: Evidence: tiering rules/);
  assert.deepEqual(await axe(page), [], 'check answers');
  assert.ok(!requested.some((p) => p.includes('echarts')), 'ECharts must not load before results');

  await press(page, 'See your results');
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  await page.locator('.cmm-chart svg').nth(1).waitFor();
  assert.ok(requested.some((p) => /\/vendor\/echarts-[0-9a-f]+\.min\.js$/.test(p)), 'ECharts loads for results');
  // Four themes at 3 and four at 2: overall 2.5, in the Developing band.
  assert.match(await page.locator('.cmm-app').innerText(), /Overall level: 2\.5 \(Developing\)/);
  assert.match(await page.getByRole('row', { name: /Governance and planning/ }).innerText(), /3\.0 \(Good\)/);
  assert.deepEqual(await axe(page), [], 'results');
  await page.screenshot({ path: 'test-results/results-1280.png', fullPage: true });

  await press(page, 'Your assessments');
  await page.getByRole('heading', { level: 1, name: 'Your assessments' }).waitFor();
  assert.match(await page.locator('.cmm-history').innerText(), /Anytown Council[\s\S]*Quick check[\s\S]*2\.5 \(Developing\)/);
  assert.deepEqual(await axe(page), [], 'history');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a reload mid-way returns to the same theme with every answer kept', async () => {
  const page = await env.newPage();
  await page.goto(env.server.url);
  await start(page, { kind: 'Full assessment' });
  await page.getByRole('button', { name: 'Continue' }).click();
  await answerTheme(page, 'Level 4');
  await press(page, 'Next theme');
  await page.getByRole('heading', { level: 1, name: themeHeadings[1] }).waitFor();
  await answerTheme(page, 'Level 1', undefined, 2);
  const before = await savedData(page);

  await page.reload();
  await page.getByRole('heading', { level: 1, name: themeHeadings[1] }).waitFor();
  const checked = await page.locator('fieldset input[type=radio]:checked').count();
  assert.equal(checked, 2, 'two answers on this theme are restored');
  assert.deepEqual(await savedData(page), before, 'nothing saved was changed by reloading');
  await press(page, 'Overview');
  await page.getByText(/Questions answered: 7 of 36\./).waitFor();
  assert.equal(await page.getByText('Completed').count(), 1);
  assert.equal(await page.getByText('In progress').count(), 1);
  await page.context().close();
});

test('reassessing starts a new assessment prefilled from the earlier one', async () => {
  const page = await env.newPage();
  await page.goto(env.server.url);
  await start(page, { kind: 'Quick check' });
  await page.getByRole('button', { name: 'Continue' }).click();
  await answerTheme(page, 'Level 2');
  await press(page, 'Your assessments');
  await page.getByRole('button', { name: /^Reassess/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Your assessment' }).waitFor();
  const data = await savedData(page);
  assert.equal(data.assessments.length, 2);
  const [first, second] = data.assessments;
  assert.notEqual(first.id, second.id);
  assert.equal(await currentId(page), second.id, 'this tab now works on the reassessment');
  assert.deepEqual(second.answers, first.answers, 'earlier answers carried into the reassessment');
  // Changing the new one leaves the old one alone.
  await press(page, 'Governance and planning');
  await answerTheme(page, 'Level 4');
  const after = await savedData(page);
  assert.deepEqual(after.assessments[0].answers, first.answers);
  assert.notDeepEqual(after.assessments[1].answers, first.answers);
  await page.context().close();
});

test('deleting asks for confirmation and can be undone', async () => {
  const page = await env.newPage();
  await page.goto(env.server.url);
  await start(page, { kind: 'Quick check', organisation: 'Borough of Example' });
  await page.getByRole('button', { name: 'Continue' }).click();
  await answerTheme(page, 'Level 5');
  await press(page, 'Your assessments');
  const saved = await savedData(page);

  await page.getByRole('button', { name: /^Rename/ }).click();
  await page.getByLabel('New name').fill('Baseline 2026');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: /Baseline 2026/ }).waitFor();

  await page.getByRole('button', { name: /^Delete/ }).click();
  await page.getByText('Delete "Baseline 2026"? You can undo this straight away.').waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.equal((await savedData(page)).assessments.length, 1, 'cancel keeps it');

  await page.getByRole('button', { name: /^Delete/ }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await page.getByText('"Baseline 2026" was deleted.').waitFor();
  assert.equal((await savedData(page)).assessments.length, 0);
  assert.deepEqual(await axe(page), [], 'history after delete');

  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('heading', { name: /Baseline 2026/ }).waitFor();
  const restored = await savedData(page);
  assert.equal(restored.assessments.length, 1);
  assert.deepEqual(restored.assessments[0].answers, saved.assessments[0].answers);
  assert.equal(restored.assessments[0].name, 'Baseline 2026');
  await page.context().close();
});
