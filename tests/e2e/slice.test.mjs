// The thin end-to-end slice: start, answer, reload, see the answer kept, see the radar chart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, axe } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

test('the start page loads the default framework and has no accessibility violations', async () => {
  const page = await env.newPage();
  await page.goto(env.server.url);
  await page.getByRole('heading', { level: 1, name: 'Contract management maturity self-assessment' }).waitFor();
  assert.ok(await page.getByRole('button', { name: /Start a quick check \(8 questions\)/ }).isVisible());
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an answer survives a reload and the radar chart renders', async () => {
  const page = await env.newPage();
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(env.server.url);
  await page.getByRole('button', { name: /Start a quick check/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Governance and planning' }).waitFor();

  const question = page.getByRole('group', { name: /Which contracts need the closest management|How does your council decide which contracts/ });
  await question.getByRole('radio', { name: /Every contract over an agreed threshold has a tier/ }).check();
  await page.getByText('Saved in this browser').waitFor();

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Governance and planning' }).waitFor();
  const kept = page.getByRole('radio', { name: /Every contract over an agreed threshold has a tier/ });
  assert.equal(await kept.isChecked(), true, 'the answer should be restored after a reload');
  assert.ok(!requested.some((p) => p.includes('echarts')), 'ECharts must not load before results');

  // Walk to the results through every theme page.
  for (let i = 0; i < 8; i++) {
    const label = i < 7 ? 'Next theme' : 'See your results';
    await page.getByRole('button', { name: label }).click();
  }
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  await page.locator('.cmm-chart svg').waitFor();
  assert.ok(requested.some((p) => p.endsWith('/vendor/echarts.min.js')), 'ECharts loads for results');
  const row = page.getByRole('row', { name: /Governance and planning/ });
  assert.match(await row.innerText(), /3\.0 \(Good\)/);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: 'test-results/slice-results.png', fullPage: true });
  await page.context().close();
});
