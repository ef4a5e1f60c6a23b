// Share links: made from results, opened read-only elsewhere, saved as a copy; damaged links refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, axe } from './helpers.mjs';
import { currentId, openWith, press, savedData } from './flows.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const SEEDED = JSON.stringify({
  schemaVersion: 3,
  assessments: [{
    id: 'mine', frameworkId: 'cmm-default', frameworkVersion: '2.0.0', kind: 'quick',
    created: '2026-11-20T10:00:00.000Z', updated: '2026-11-20T10:00:00.000Z', organisation: 'Anytown Council',
    answers: {
      'gov-tiering': { rating: 4, note: 'Private: board paper draft' }, 'ppl-roles': { rating: 2 }, 'adm-register': { rating: 3 },
      'prf-kpis': { rating: 'dontKnow' }, 'rel-meetings': { rating: 3 }, 'rsk-register': { rating: 1 },
      'dev-review': { rating: 2 }, 'str-strategy': { rating: 5 },
    },
  }],
});

async function makeLink(page, { notes }) {
  await openWith(page, env.server.url, SEEDED, { current: 'mine', route: 'results' });
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  if (notes) await page.getByLabel('Include my evidence notes').check();
  await page.getByRole('button', { name: 'Create a share link' }).click();
  return page.getByLabel('Share link').inputValue();
}

const figures = (page) => page.locator('.cmm-table--figures tbody tr').allInnerTexts();

test('a share link shows the same results read-only in another browser and can be saved as a copy', async () => {
  const owner = await env.newPage({ reducedMotion: 'reduce' });
  const link = await makeLink(owner, { notes: false });
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#cmm-share=[A-Za-z0-9_-]+$/);
  assert.ok(link.length < 600, `levels-only links are short (${link.length})`);
  const original = await figures(owner);
  await owner.context().close();

  const viewer = await env.newPage({ reducedMotion: 'reduce' });
  const requests = [];
  viewer.on('request', (r) => requests.push(r.url()));
  await viewer.goto(link);
  await viewer.getByText('You are looking at results someone shared with you.').waitFor();
  // Shared results speak of the people who made them, not to the reader.
  await viewer.getByRole('heading', { level: 1, name: 'Shared results' }).waitFor();
  const shown = await viewer.locator('.cmm-app').innerText();
  assert.match(shown, /Their (strongest|weakest) theme/);
  assert.doesNotMatch(shown, /Your (strongest|weakest) theme|Your improvement roadmap|your last assessment/);
  assert.deepEqual(await figures(viewer), original, 'the same figures');
  assert.ok(requests.every((u) => !u.includes('cmm-share')), 'the fragment never reaches the server');
  assert.equal(await viewer.getByLabel(/^Target for/).first().isVisible(), false, 'targets cannot be changed');
  assert.equal(await viewer.getByRole('button', { name: 'Create a share link' }).count(), 0);
  assert.doesNotMatch(await viewer.locator('.cmm-app').textContent(), /Private: board paper draft/, 'notes stay out by default');
  assert.equal(await savedData(viewer), null, 'nothing is saved just by looking');
  assert.deepEqual(await axe(viewer), [], 'shared view');

  await viewer.getByRole('button', { name: 'Save a copy to this browser' }).click();
  await viewer.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  const saved = await savedData(viewer);
  assert.equal(saved.assessments.length, 1);
  assert.equal(saved.assessments[0].answers['str-strategy'].rating, 5);
  // The link has done its job: the address now names the saved copy's results.
  assert.equal(new URL(viewer.url()).hash, '#/results');
  assert.equal(saved.assessments[0].organisation, 'Anytown Council');
  assert.deepEqual(viewer.errors, []);
  await viewer.context().close();
});

test('notes travel only when the sharer ticks the box', async () => {
  const owner = await env.newPage();
  const link = await makeLink(owner, { notes: true });
  await owner.context().close();
  const viewer = await env.newPage();
  await viewer.goto(link);
  await viewer.getByText('You are looking at results someone shared with you.').waitFor();
  assert.match(await viewer.locator('.cmm-print-only').textContent(), /Private: board paper draft/);
  await viewer.context().close();
});

test('a damaged share link is refused with a clear message', async () => {
  const page = await env.newPage();
  await page.goto(`${env.server.url}#cmm-share=eyJ2IjoxLCJm`);
  const alert = page.getByRole('alert');
  await alert.getByText('This share link cannot be opened').waitFor();
  assert.match(await alert.innerText(), /damaged: part of it may have been cut off/);
  assert.deepEqual(await axe(page), [], 'share error');
  await press(page, 'Start your own assessment');
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await page.context().close();
});

test('saving a copy twice, with a reload between, leaves one copy', async () => {
  const owner = await env.newPage();
  const link = await makeLink(owner, { notes: false });
  await owner.context().close();

  const viewer = await env.newPage();
  await viewer.goto(link);
  await viewer.getByRole('button', { name: 'Save a copy to this browser' }).click();
  await viewer.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  const copy = await currentId(viewer);
  // Opening the same link again (a reload of it, or the link followed a second time) offers
  // the copy already kept, not another.
  await viewer.goto(link);
  await viewer.reload();
  await viewer.getByText(/You saved a copy of these results in this browser on/).waitFor();
  assert.equal(await viewer.getByRole('button', { name: 'Save a copy to this browser' }).count(), 0);
  await viewer.getByRole('button', { name: 'Open your copy' }).click();
  await viewer.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  const saved = await savedData(viewer);
  assert.equal(saved.assessments.length, 1, 'one copy');
  assert.equal(saved.assessments[0].id, copy);
  await viewer.context().close();
});
