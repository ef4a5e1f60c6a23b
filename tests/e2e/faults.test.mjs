// Faults in saved data and storage: each gives a clear message and loses nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setup, axe } from './helpers.mjs';
import { answerTheme, start, savedData, seedStorage } from './flows.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const seed = (page, entries) => seedStorage(page, env.server.url, entries);

async function download(page, buttonName) {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName }).click(),
  ]);
  return { name: dl.suggestedFilename(), text: await readFile(await dl.path(), 'utf8') };
}

const EARLIER = JSON.stringify({
  schemaVersion: 2,
  current: 'earlier',
  assessments: [{
    id: 'earlier', frameworkId: 'cmm-default', frameworkVersion: '1.0.0', kind: 'quick',
    created: '2026-03-01T09:00:00.000Z', updated: '2026-03-01T09:30:00.000Z',
    organisation: 'Anytown Council',
    answers: { 'gov-tiering': { rating: 2, note: 'Only adult social care tiers its contracts' } },
  }],
});

test('when storage is blocked the app runs in memory and says so', async () => {
  const page = await env.newPage();
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await page.goto(env.server.url);
  await start(page, { kind: 'Quick check' }).catch(() => {});
  const status = page.locator('.cmm-save-status');
  await status.getByText(/not letting the tool save/).waitFor();
  assert.match(await status.innerText(), /kept only until you close this page/);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('fieldset input[type=radio]').nth(2).check();
  await page.getByRole('button', { name: 'Check answers' }).click();
  assert.match(await page.locator('.cmm-app').innerText(), /Level 3: Good/, 'answers are kept in memory');
  const backup = await download(page, 'Download a backup of all assessments');
  assert.match(backup.name, /^contract-management-maturity-backup-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(JSON.parse(backup.text).assessments[0].answers['gov-tiering'].rating, 3);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('when storage is full the user is told, can download a backup, and the earlier save is kept', async () => {
  const page = await env.newPage();
  await seed(page, { 'cmm:data': EARLIER });
  await page.addInitScript(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === 'cmm:data') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.call(this, key, value);
    };
  });
  await page.goto(env.server.url);
  await page.getByRole('heading', { level: 1, name: 'Your assessment' }).waitFor();
  // Continue goes to the first theme not yet completed: People and capability.
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: 'People and capability' }).waitFor();
  await page.locator('fieldset input[type=radio]').nth(3).check();
  await page.getByText(/storage is full, so your latest change was not saved/).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('cmm:data')), EARLIER, 'the earlier save is untouched');
  const backup = await download(page, 'Download a backup of all assessments');
  const data = JSON.parse(backup.text);
  assert.equal(data.assessments[0].answers['ppl-roles'].rating, 4, 'the backup has the latest answer');
  assert.equal(data.assessments[0].answers['gov-tiering'].rating, 2);
  assert.equal(data.assessments[0].answers['gov-tiering'].note, 'Only adult social care tiers its contracts');
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

for (const [label, raw, message] of [
  ['corrupt', '{"schemaVersion": 2, "assessments": [{"id": ', /could not be read/],
  ['future-version', JSON.stringify({ schemaVersion: 99, assessments: [], fromTheFuture: true }), /newer version of this tool \(schema 99/],
]) {
  test(`${label} saved data is kept in a backup, the user is told, and it can be downloaded`, async () => {
    const page = await env.newPage();
    await seed(page, { 'cmm:data': raw });
    await page.goto(env.server.url);
    const notice = page.getByRole('alert');
    await notice.getByText('Your earlier answers could not be opened').waitFor();
    assert.match(await notice.innerText(), message);
    assert.equal(await page.evaluate(() => localStorage.getItem('cmm:backup')), raw, 'kept under the backup key');
    assert.deepEqual(await axe(page), []);
    const file = await download(page, 'Download the saved data that could not be opened');
    assert.equal(file.text, raw);

    // Starting afresh never touches the backup.
    await start(page, { kind: 'Quick check' });
    await page.getByRole('button', { name: 'Continue' }).click();
    await answerTheme(page, 'Level 2');
    assert.equal(await page.evaluate(() => localStorage.getItem('cmm:backup')), raw);
    assert.equal((await savedData(page)).assessments.length, 1);
    await page.context().close();
  });
}

test('a second tab follows changes made in the first instead of overwriting them', async () => {
  const first = await env.newPage();
  await first.goto(env.server.url);
  await start(first, { kind: 'Quick check' });
  await first.getByRole('button', { name: 'Continue' }).click();
  await answerTheme(first, 'Level 2');

  const second = await first.context().newPage();
  await second.goto(env.server.url);
  await second.getByRole('heading', { level: 1, name: 'Governance and planning' }).waitFor();
  await second.getByRole('button', { name: 'Next theme' }).click();
  await answerTheme(second, 'Level 4');

  // The first tab hears about the change and shows it.
  await first.getByText('Your answers were changed in another tab or window.').waitFor();
  await first.getByRole('button', { name: 'Next theme' }).click();
  await first.getByRole('heading', { level: 1, name: 'People and capability' }).waitFor();
  assert.equal(await first.locator('fieldset input[type=radio]:checked').count(), 1);

  // An answer in the first tab now keeps the second tab's answer too.
  await first.getByRole('button', { name: 'Next theme' }).click();
  await answerTheme(first, 'Level 5');
  const answers = (await savedData(first)).assessments[0].answers;
  assert.deepEqual(
    Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, v.rating])),
    { 'gov-tiering': 2, 'ppl-roles': 4, 'adm-register': 5 },
  );
  await first.context().close();
});
