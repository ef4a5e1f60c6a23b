// The law shown is the council's own: a Welsh council chosen from the register sees Welsh
// duties and no Transparency Code or Care Act; an English council the reverse; a Scottish
// council sees that the legal duties are not its law. Each page says the date of the law.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, axe } from './helpers.mjs';
import { press } from './flows.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** Starts a full assessment for the council chosen by typing `typed` and picking `name`. */
async function startAs(page, typed, name) {
  await page.goto(env.server.url);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await page.getByRole('radio', { name: 'Full assessment' }).check();
  await page.locator('#cmm-organisation').fill(typed);
  await page.getByRole('option', { name: new RegExp(name) }).first().click();
  await press(page, 'Start');
  await page.getByRole('heading', { level: 1, name: 'Your assessment' }).waitFor();
}

/** The guidance text of every question on a theme page. */
async function guidanceOf(page, theme) {
  await page.getByRole('link', { name: new RegExp(`^${theme}`) }).click();
  await page.getByRole('heading', { level: 1, name: theme }).waitFor();
  return page.locator('.cmm-app').evaluate((el) => {
    el.querySelectorAll('details').forEach((d) => { d.open = true; });
    // The legal notes and the statement of scope, not the nation-neutral guidance.
    return [...el.querySelectorAll('.cmm-law, .cmm-inset, h3')].map((n) => n.innerText).join('\n');
  });
}

test('a Welsh council sees Welsh law, an English one English law, a Scottish one that it is not theirs', async () => {
  const wales = await env.newPage();
  await startAs(wales, 'Wrexham', 'Wrexham');
  const admin = await guidanceOf(wales, 'Administration and data');
  assert.match(admin, /What the law requires in Wales/);
  assert.match(admin, /Social Partnership and Public Procurement \(Wales\) Act 2023/);
  assert.doesNotMatch(admin, /Transparency Code 2015 requires/);
  assert.match(admin, /The law is stated as it stood on 1 December 2026/);
  assert.deepEqual(await axe(wales), []);
  await wales.getByRole('link', { name: 'Back to overview' }).click();
  const strategy = await guidanceOf(wales, 'Strategy and market');
  assert.match(strategy, /Social Services and Well-being \(Wales\) Act 2014/);
  assert.doesNotMatch(strategy, /Care Act 2014 s\.5 requires/);
  await wales.context().close();

  const england = await env.newPage();
  await startAs(england, 'Cheshire East', 'Cheshire East');
  const admin2 = await guidanceOf(england, 'Administration and data');
  assert.match(admin2, /What the law requires in England/);
  assert.match(admin2, /Transparency Code 2015/);
  assert.doesNotMatch(admin2, /\(Wales\) Act 2023 requires/);
  await england.context().close();

  const scotland = await env.newPage();
  await startAs(scotland, 'Glasgow', 'Glasgow');
  const admin3 = await guidanceOf(scotland, 'Administration and data');
  assert.match(admin3, /the law stated here is not theirs/);
  assert.match(admin3, /In England:/);
  await scotland.context().close();
});
