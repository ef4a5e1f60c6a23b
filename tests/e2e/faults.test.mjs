// Faults in saved data and storage: each gives a clear message and loses nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, axe } from './helpers.mjs';
import { answerTheme, currentId, download, openWith, press, start, savedData, seedStorage } from './flows.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const seed = (page, entries) => seedStorage(page, env.server.url, entries);

const EARLIER = JSON.stringify({
  schemaVersion: 3,
  assessments: [{
    id: 'earlier', frameworkId: 'cmm-default', frameworkVersion: '2.0.0', kind: 'quick',
    created: '2026-03-01T09:00:00.000Z', updated: '2026-03-01T09:30:00.000Z',
    organisation: 'Anytown Council',
    answers: { 'gov-tiering': { rating: 2, note: 'Only adult social care tiers its contracts' } },
  }],
});

const backupKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cmm:backup')));

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
  await press(page, 'Check answers');
  // The check-answers screen may still be loading its module: wait for it before reading.
  await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
  assert.match(await page.locator('.cmm-app').innerText(), /Level 3: Good/, 'answers are kept in memory');
  const backup = await download(page, () => page.getByRole('button', { name: 'Download a backup of all assessments' }).click());
  assert.match(backup.name, /^contract-management-maturity-backup-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(JSON.parse(backup.text).assessments[0].answers['gov-tiering'].rating, 3);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('when a save does not fit the user is told, can download a backup, and the earlier save is kept', async () => {
  const page = await env.newPage();
  await seed(page, { 'cmm:data': EARLIER, 'cmm:last': 'earlier' });
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
  const backup = await download(page, () => page.getByRole('button', { name: 'Download a backup of all assessments' }).click());
  const data = JSON.parse(backup.text);
  assert.equal(data.assessments[0].answers['ppl-roles'].rating, 4, 'the backup has the latest answer');
  assert.equal(data.assessments[0].answers['gov-tiering'].note, 'Only adult social care tiers its contracts');
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test('storage filled by another key at start-up still shows the saved assessments, with a "full" message', async () => {
  const page = await env.newPage();
  await seed(page, { 'cmm:data': EARLIER, 'cmm:last': 'earlier' });
  // Every write fails for lack of space, the probe's included: storage is full, not blocked.
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto(`${env.server.url}#/assessments`);
  await page.getByRole('heading', { level: 1, name: 'Your assessments' }).waitFor();
  const text = await page.locator('.cmm-app').innerText();
  assert.match(text, /Anytown Council/, 'the saved assessment is listed');
  assert.match(text, /storage is full/, 'the message names the real problem');
  assert.doesNotMatch(text, /not letting the tool save/, 'it does not blame the browser');
  await page.context().close();
});

for (const [label, raw, message, canStartAgain] of [
  ['corrupt', '{"schemaVersion": 3, "assessments": [{"id": ', /could not be read/, true],
  ['future-version', JSON.stringify({ schemaVersion: 99, assessments: [], fromTheFuture: true }), /newer version of this tool \(schema 99/, false],
]) {
  test(`${label} saved data is kept in one backup however often it is opened, and can be downloaded`, async () => {
    const page = await env.newPage();
    await seed(page, { 'cmm:data': raw });
    await page.goto(env.server.url);
    const notice = page.getByRole('alert').filter({ hasText: 'Your earlier answers could not be opened' });
    await notice.waitFor();
    assert.match(await notice.innerText(), message);
    for (let i = 0; i < 2; i++) {
      await page.reload();
      await notice.waitFor();
    }
    const keys = await backupKeys(page);
    assert.equal(keys.length, 1, `three openings, one backup (${keys})`);
    assert.match(keys[0], /^cmm:backup:[0-9a-f]{16}:\d{4}-\d{2}-\d{2}$/);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), keys[0]), raw);
    assert.equal(await page.evaluate(() => localStorage.getItem('cmm:data')), raw, 'the data itself is left alone');
    assert.deepEqual(await axe(page), []);

    // The backups have a permanent place on "Your assessments".
    await notice.getByRole('link', { name: 'See the backups kept in this browser' }).click();
    await page.getByRole('heading', { level: 2, name: 'Backups of data that could not be opened' }).waitFor();
    const file = await download(page, () => page.locator('.cmm-backups__item').getByRole('button', { name: /^Download/ }).click());
    assert.equal(file.text, raw);
    assert.match(file.name, /^contract-management-maturity-unreadable-\d{4}-\d{2}-\d{2}\.txt$/);

    if (canStartAgain) {
      // Starting afresh never touches the backup.
      await press(page, 'Start a new assessment');
      await start(page, { kind: 'Quick check' });
      await page.getByRole('button', { name: 'Continue' }).click();
      await answerTheme(page, 'Level 2');
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), keys[0]), raw);
      assert.equal((await savedData(page)).assessments.length, 1);
    } else {
      // Data from a newer version is never written over: this page stops saving and says so.
      assert.match(await page.locator('.cmm-save-status').innerText(), /stopped saving/);
      assert.equal(await page.evaluate(() => localStorage.getItem('cmm:data')), raw);
    }
    await page.context().close();
  });
}

test('a backup can be deleted, and no more than five are kept', async () => {
  const page = await env.newPage();
  const entries = {};
  for (let i = 0; i < 5; i++) entries[`cmm:backup:${String(i).repeat(16)}:2026-0${i + 1}-01`] = `{"broken": ${i}`;
  await seed(page, { ...entries, 'cmm:data': '{"schemaVersion": 3, "assessments": [' });
  await page.goto(`${env.server.url}#/assessments`);
  await page.getByText(/There are 5 backups, the most this tool keeps/).waitFor();
  assert.equal((await backupKeys(page)).length, 5, 'the sixth unreadable value is not copied');
  assert.match(await page.locator('.cmm-save-status').innerText(), /stopped saving/, 'and so nothing is written over it');
  await page.locator('.cmm-backups__item').first().getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Yes, delete this backup' }).click();
  await page.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith('cmm:backup')).length === 4);
  assert.equal(await page.locator('.cmm-backups__item').count(), 4);
  await page.context().close();
});

test('a second tab works on its own assessment, and each tab takes in the other\'s saves', async () => {
  const first = await env.newPage();
  await first.goto(env.server.url);
  await start(first, { kind: 'Quick check', organisation: 'First' });
  const firstId = await currentId(first);
  await first.getByRole('button', { name: 'Continue' }).click();
  await answerTheme(first, 'Level 2');

  // A second tab opens on the same assessment (the one opened last), then starts another.
  const second = await first.context().newPage();
  await second.goto(`${env.server.url}#/theme/people`);
  await second.getByRole('heading', { level: 1, name: 'People and capability' }).waitFor();
  await answerTheme(second, 'Level 4');
  await first.getByText('Your answers were changed in another tab or window.').waitFor();
  await press(second, 'Your assessments');
  await press(second, 'Start a new assessment');
  await start(second, { kind: 'Quick check', organisation: 'Second' });
  const secondId = await currentId(second);
  assert.notEqual(secondId, firstId);

  // The first tab is still on its own assessment, and its answers keep the second tab's.
  await press(first, 'Next theme');
  await first.getByRole('heading', { level: 1, name: 'People and capability' }).waitFor();
  assert.equal(await first.locator('fieldset input[type=radio]:checked').count(), 1);
  await press(first, 'Next theme');
  await answerTheme(first, 'Level 5');
  assert.equal(await currentId(first), firstId);
  const data = await savedData(first);
  assert.equal(data.assessments.length, 2, 'the second tab\'s new assessment is kept');
  const mine = data.assessments.find((a) => a.id === firstId);
  assert.deepEqual(
    Object.fromEntries(Object.entries(mine.answers).map(([k, v]) => [k, v.rating])),
    { 'gov-tiering': 2, 'ppl-roles': 4, 'adm-register': 5 },
  );
  await first.context().close();
});

test('an old tab that sees data from a newer version stops writing and offers a reload', async () => {
  const old = await env.newPage();
  await old.goto(env.server.url);
  await start(old, { kind: 'Quick check' });
  await old.getByRole('button', { name: 'Continue' }).click();
  await answerTheme(old, 'Level 2');
  // Another tab, running a newer release, saves data in a newer schema.
  const newer = JSON.stringify({ schemaVersion: 99, assessments: [], fromTheNextRelease: true });
  const other = await old.context().newPage();
  await other.goto(`${env.server.url}data/benchmarks.json`);
  await other.evaluate((v) => localStorage.setItem('cmm:data', v), newer);
  await old.getByText(/newer version of this tool \(schema 99/).waitFor();
  await old.getByRole('button', { name: 'Reload the page' }).first().waitFor();
  // An answer in the old tab is kept on screen but never written over the newer data.
  await press(old, 'Next theme');
  await old.locator('fieldset input[type=radio]').first().check();
  await old.getByText(/stopped saving/).waitFor();
  assert.equal(await old.evaluate(() => localStorage.getItem('cmm:data')), newer);
  await old.context().close();
});
