// The council register on the start page: a council chosen by keyboard alone at 375 px from
// part of its name (a former council's name offers its successor, saying why), in English or
// Welsh; the choice fills its type, region and nation, and the return carries its codes; a
// page's organisation-code setting chooses it in advance, and an unknown code says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup, axe } from './helpers.mjs';
import { answerTheme, download, press, savedData } from './flows.mjs';

let env;
let dir;
before(async () => {
  env = await setup();
  dir = await mkdtemp(join(tmpdir(), 'cmm-register-'));
});
after(async () => { await env?.close(); });

const LABEL = 'Council or organisation (optional)';

test('a council is chosen from the register by keyboard at 375 px, and its return carries its codes', async () => {
  const page = await env.newPage({ viewport: { width: 375, height: 800 } });
  await page.goto(env.server.url);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await page.getByRole('radio', { name: 'Quick check' }).check();
  const input = page.getByRole('combobox', { name: LABEL });
  await input.focus();
  await page.keyboard.type('Allerd');
  const list = page.getByRole('listbox');
  await list.waitFor();
  const first = list.getByRole('option').first();
  assert.match(await first.innerText(), /Cumberland Council/);
  assert.match(await first.innerText(), /former Allerdale/, 'says why a former name offers it');
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  await page.getByRole('status').filter({ hasText: /council matches|councils match/ }).waitFor();
  assert.deepEqual(await axe(page), [], 'axe with the list open');
  // The list fits the narrow screen.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'no sideways scrolling');
  await page.keyboard.press('ArrowDown');
  assert.equal(await input.getAttribute('aria-activedescendant'), await first.getAttribute('id'));
  assert.equal(await first.getAttribute('aria-selected'), 'true');
  await page.keyboard.press('Enter');
  // Enter chose the council; it did not start the assessment.
  assert.equal(await input.inputValue(), 'Cumberland Council');
  assert.equal(await list.isVisible(), false);
  await page.getByText('Chosen from the register of local authorities (ONS code E06000063).', { exact: false }).waitFor();
  await page.getByText('About your council (optional)').click();
  const facts = page.locator('.cmm-summary');
  assert.match(await facts.innerText(), /Unitary[\s\S]*North West[\s\S]*England/);
  assert.equal(await page.locator('#cmm-council-type').count(), 0, 'type is not a choice once the register gives it');
  assert.deepEqual(await axe(page), [], 'axe after choosing');
  await press(page, 'Start');
  await page.getByRole('heading', { level: 1, name: 'Your assessment' }).waitFor();
  const saved = await savedData(page);
  const a = saved.assessments[0];
  assert.deepEqual(a.council, { code: 'CBD', gss: 'E06000063' });
  assert.equal(a.organisation, 'Cumberland Council');
  assert.deepEqual(a.context, { councilType: 'unitary', region: 'northWest', nation: 'england' });
  // The return carries the codes.
  await page.getByRole('button', { name: 'Continue' }).click();
  for (let i = 0; i < 8; i++) {
    await answerTheme(page, 'Level 3');
    await press(page, i < 7 ? 'Next theme' : 'Check your answers');
  }
  await press(page, 'See your results');
  await page.getByRole('heading', { name: 'Send your results to the programme' }).waitFor();
  const file = await download(page, () => page.getByRole('button', { name: 'Download the return file' }).click(), dir);
  const r = JSON.parse(file.text);
  assert.equal(r.formatVersion, 3);
  assert.match(r.appVersion, /^\d+\.\d+\.\d+$/, 'the release that made it');
  assert.deepEqual(r.council, { code: 'CBD', gss: 'E06000063' });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('typing again un-chooses; a body not in the register keeps its typed name', async () => {
  const page = await env.newPage();
  await page.goto(env.server.url);
  const input = page.getByRole('combobox', { name: LABEL });
  await input.fill('Cheshire E');
  await page.getByRole('option', { name: /Cheshire East Council/ }).click();
  assert.equal(await input.inputValue(), 'Cheshire East Council');
  await input.fill('Anytown Joint Waste Committee');
  await page.getByRole('status').filter({ hasText: 'No council in the register matches' }).waitFor();
  assert.equal(await page.getByText('Chosen from the register', { exact: false }).count(), 0);
  await page.getByRole('radio', { name: 'Quick check' }).check();
  await press(page, 'Start');
  await page.getByRole('heading', { level: 1, name: 'Your assessment' }).waitFor();
  const a = (await savedData(page)).assessments[0];
  assert.equal(a.organisation, 'Anytown Joint Waste Committee');
  assert.equal(a.council, undefined);
  await page.context().close();
});

test('in Welsh, a Welsh council is offered and chosen by its Welsh name', async () => {
  const page = await env.newPage();
  await page.goto(env.server.url);
  await page.getByRole('button', { name: 'Cymraeg' }).click();
  await page.locator('html[lang="cy"], .cmm-root[lang="cy"]').first().waitFor();
  // The screens are rebuilt in Welsh: type into the new field, once its label is Welsh.
  await page.getByRole('heading', { level: 1, name: 'Hunanasesiad rheoli contractau' }).waitFor();
  const input = page.locator('#cmm-organisation');
  await input.fill('ynys mon');
  const option = page.getByRole('option', { name: /Cyngor Sir Ynys Môn/ }).first();
  await option.waitFor();
  assert.match(await option.innerText(), /Cyngor Sir Ynys Môn/);
  await option.click();
  assert.equal(await input.inputValue(), 'Cyngor Sir Ynys Môn');
  await page.getByText('Wedi’i ddewis o’r gofrestr', { exact: false }).waitFor();
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test('an organisation-code setting chooses the council; an unknown code says so and keeps the field free', async () => {
  const page = await env.newPage();
  await page.goto(`${env.server.url}index.html?organisation-code=E06000063`);
  const input = page.getByRole('combobox', { name: LABEL });
  await page.waitForFunction(() => document.getElementById('cmm-organisation')?.value === 'Cumberland Council');
  await page.getByText('ONS code E06000063', { exact: false }).waitFor();
  await page.getByRole('radio', { name: 'Quick check' }).check();
  await press(page, 'Start');
  await page.getByRole('heading', { level: 1, name: 'Your assessment' }).waitFor();
  assert.deepEqual((await savedData(page)).assessments[0].council, { code: 'CBD', gss: 'E06000063' });
  await page.context().close();

  const other = await env.newPage();
  await other.goto(`${env.server.url}index.html?organisation-code=ZZZ`);
  await other.getByText('name council code ZZZ, which is not in the register', { exact: false }).waitFor();
  assert.equal(await other.getByRole('combobox', { name: LABEL }).inputValue(), '');
  await other.context().close();
  void input;
});
