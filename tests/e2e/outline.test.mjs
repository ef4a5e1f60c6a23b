// Journeys 2, the remaining points: the widget's headings fit the host page's outline, the
// navigation folds behind a Menu on a narrow widget, the snippet page follows the GOV.UK error
// pattern, an assessment can carry a label, the start page has no council level names, and the
// return file says where it goes (and a link cannot change that).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, axe, loadFramework } from './helpers.mjs';
import { openWith, seedStorage, start, press, LEARNER } from './flows.mjs';

let env;
let framework;
before(async () => {
  env = await setup();
  framework = await loadFramework();
});
after(async () => { await env?.close(); });

function seeded() {
  const answers = {};
  framework.themes.forEach((theme, i) => {
    for (const q of theme.questions) answers[q.id] = { rating: 1 + (i % 5) };
  });
  return JSON.stringify({
    schemaVersion: 3,
    assessments: [{
      id: 'now', frameworkId: 'cmm-default', frameworkVersion: framework.version, kind: 'full',
      organisation: 'Anytown Council', created: '2026-11-20T10:00:00.000Z', updated: '2026-11-20T10:00:00.000Z', answers,
    }],
  });
}

/** The levels of the headings inside `root`, in order, as [level, text]. */
async function outline(root) {
  return root.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => [Number(h.tagName[1]), h.textContent.trim()]));
}

test('in a council page the widget starts at h2 (or the heading-level set), on its own page at h1', async () => {
  const page = await env.newPage();
  await page.goto(`${env.server.url}demo/script.html`);
  const a = page.locator('#widget-a');
  const b = page.locator('#widget-b');
  await a.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await b.getByRole('button', { name: 'Start', exact: true }).waitFor();
  assert.equal(await page.locator('h1').count(), 1, 'only the host page\'s own h1');
  const outA = await outline(a);
  assert.deepEqual(outA[0], [2, 'Contract management self-assessment']);
  assert.ok(outA.slice(1).every(([l]) => l === 3), JSON.stringify(outA));
  const outB = await outline(b);
  assert.deepEqual(outB[0], [3, 'Contract management self-assessment'], 'data-heading-level="3" under the page\'s h2');
  assert.ok(outB.slice(1).every(([l]) => l === 4), JSON.stringify(outB));
  await page.context().close();

  const own = await env.newPage();
  await own.goto(env.server.url);
  await own.getByRole('button', { name: 'Start', exact: true }).waitFor();
  const outOwn = await outline(own.locator('.cmm-app'));
  assert.deepEqual(outOwn[0], [1, 'Contract management self-assessment']);
  await own.context().close();

  const wrong = await env.newPage();
  await wrong.goto(`${env.server.url}?heading-level=7`);
  await wrong.getByText(/should be a heading level from 1 to 4/).waitFor();
  assert.match(await wrong.locator('.cmm-app').innerText(), /heading-level: .?7.? should be a heading level from 1 to 4/);
  await wrong.context().close();
});

test('at 375 px the navigation folds behind a Menu button beside the language switch; at 1280 it is one row', async () => {
  const page = await env.newPage({ viewport: { width: 375, height: 800 } });
  await openWith(page, env.server.url, seeded(), { current: 'now', route: 'overview' });
  await page.getByRole('heading', { level: 1, name: 'Your assessment' }).waitFor();
  const menu = page.getByRole('button', { name: 'Menu' });
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.getByRole('link', { name: 'Results', exact: true }).count(), 0, 'links folded away');
  const row = await page.evaluate(() => {
    const m = document.querySelector('.cmm-nav__toggle').getBoundingClientRect();
    const l = document.querySelector('.cmm-language__switch').getBoundingClientRect();
    return { overlap: m.top < l.bottom && l.top < m.bottom, header: document.querySelector('.cmm-header').getBoundingClientRect().height };
  });
  assert.ok(row.overlap, `Menu and the language switch share a row: ${JSON.stringify(row)}`);
  assert.ok(row.header < 60, `the header is one row: ${row.header}px`);
  await menu.focus();
  await page.keyboard.press('Enter');
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  const results = page.getByRole('link', { name: 'Results', exact: true });
  await results.waitFor();
  assert.deepEqual(await axe(page), [], 'menu open at 375');
  await results.click();
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  assert.equal(await menu.getAttribute('aria-expanded'), 'false', 'moving to a screen closes the menu');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('link', { name: 'Check answers' }).waitFor();
  assert.equal(await menu.isVisible(), false, 'no Menu button where the links fit');
  const tops = await page.locator('.cmm-nav__link').evaluateAll((ls) => ls.map((l) => Math.round(l.getBoundingClientRect().top)));
  assert.equal(new Set(tops).size, 1, `one row at 1280: ${tops}`);
  await page.context().close();

  // With nothing started there is one link, which fits without a menu.
  const fresh = await env.newPage({ viewport: { width: 375, height: 800 } });
  await fresh.goto(env.server.url);
  await fresh.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await fresh.getByRole('link', { name: 'Your assessments' }).waitFor();
  assert.equal(await fresh.getByRole('button', { name: 'Menu' }).isVisible(), false);
  await fresh.context().close();
});

test('the snippet page lists problems at the top, linked to fields named by their labels, with messages at the fields', async () => {
  const page = await env.newPage();
  await page.goto(`${env.server.url}#/embed`);
  await page.getByRole('heading', { level: 1, name: 'Put this self-assessment on your website' }).waitFor();
  await page.getByLabel('Storage name').fill('Not Allowed!');
  await page.getByLabel('Link and accent colour (optional)').fill('#ffdd00');
  await page.getByLabel('Address the widget is hosted at').fill('ftp://example');
  const summary = page.locator('.cmm-error-summary');
  await summary.getByText('There is a problem').waitFor();
  const links = await summary.getByRole('link').evaluateAll((ls) => ls.map((l) => [l.getAttribute('href'), l.textContent]));
  assert.deepEqual(links.map(([h]) => h), ['#cmm-embed-namespace', '#cmm-embed-brand', '#cmm-embed-base']);
  assert.match(links[0][1], /^Enter a storage name of 1 to 40 lower-case letters/);
  assert.match(links[1][1], /^Choose a darker colour: #ffdd00 has a contrast of 1\.3:1/);
  const box = await summary.boundingBox();
  const field = await page.getByLabel('Storage name').boundingBox();
  assert.ok(box.y < field.y, 'the summary is above the fields');
  const text = await page.locator('.cmm-app').innerText();
  assert.doesNotMatch(text, /namespace:|brand-colour:|using the default/, 'no setting names, no widget fallback wording');
  assert.match(await page.locator('#cmm-embed-brand-error').textContent(), /^Error: Choose a darker colour/);
  assert.equal(await page.getByLabel('Link and accent colour (optional)').getAttribute('aria-invalid'), 'true');
  assert.match(await page.title(), /^Error: /);
  await summary.getByRole('link', { name: /^Choose a darker colour/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'cmm-embed-brand');
  assert.equal(await page.locator('#cmm-embed-code').count(), 0);
  assert.deepEqual(await axe(page), [], 'snippet page with problems');
  await page.getByLabel('Storage name').fill('anytown');
  await page.getByLabel('Link and accent colour (optional)').fill('#005a30');
  await page.getByLabel('Address the widget is hosted at').fill('https://cm.example/widget/');
  await page.locator('#cmm-embed-code').waitFor();
  assert.equal(await summary.count(), 0);
  // Script mode offers the heading level, and writes it only when it is not the default.
  await page.getByRole('radio', { name: 'With a script' }).check();
  assert.doesNotMatch(await page.locator('#cmm-embed-code').inputValue(), /heading-level/);
  await page.getByRole('radio', { name: 'Inside a section with its own heading' }).check();
  assert.match(await page.locator('#cmm-embed-code').inputValue(), /<div data-cmm-widget[^>]* data-heading-level="3"/);
  await page.context().close();
});

test('an assessment can carry a label, and the start page uses no council level name', async () => {
  const page = await env.newPage();
  await page.goto(env.server.url);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  const words = await page.locator('.cmm-app').innerText();
  assert.doesNotMatch(words, /Initial/, 'a learner reads the start page too');
  await page.getByRole('radio', { name: LEARNER }).check();
  await page.getByLabel('Label for this assessment (optional)').fill('Before training');
  await start(page, { kind: 'Quick check' });
  await press(page, 'Your assessments');
  await page.getByRole('heading', { name: /^Before training/ }).waitFor();
  await page.context().close();
});

test('the return says where to send it; a link cannot change the address, the hosting page can', async () => {
  const page = await env.newPage();
  await openWith(page, env.server.url, seeded(), { current: 'now', route: 'results' });
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  assert.match(await page.locator('#cmm-return-to').textContent(), /to your contact in the programme team/);
  await page.getByText(/What happens next: the programme team combines/).waitFor();
  await page.getByText(/the overall level is the average of the theme levels/).waitFor();

  // A link that names an address: refused, and said so.
  await page.goto(`${env.server.url}?return-to=someone%40elsewhere.example#/results`);
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  await page.getByText(/someone@elsewhere\.example.? was not used: where returns are sent can be set only by the page/).waitFor();
  assert.doesNotMatch(await page.locator('#cmm-return-to').textContent(), /elsewhere/);
  await page.context().close();

  // The council's (or programme's) own page sets it in script mode.
  const host = await env.newPage();
  await host.route('**/demo/script.html', async (route) => {
    const res = await route.fetch();
    const body = (await res.text()).replace('data-namespace="anytown-a"', 'data-namespace="anytown-a" data-return-to="cmpp@programme.example.gov.uk"');
    await route.fulfill({ response: res, body });
  });
  await seedStorage(host, env.server.url, { 'anytown-a:data': seeded(), 'anytown-a:last': 'now' });
  await host.goto(`${env.server.url}demo/script.html`);
  const widget = host.locator('#widget-a');
  const menu = widget.getByRole('button', { name: 'Menu' });
  await widget.getByRole('link', { name: 'Your assessments' }).or(menu).first().waitFor();
  if (await menu.isVisible()) await menu.click();
  await widget.getByRole('link', { name: 'Results', exact: true }).click();
  await widget.getByRole('heading', { level: 2, name: 'Your results', exact: true }).waitFor();
  assert.match(await widget.locator('#cmm-return-to').textContent(), /Send the file by email, attached as it is, to: cmpp@programme\.example\.gov\.uk/);
  assert.equal(await widget.locator('#cmm-return-to a').count(), 0, 'shown as text, not a link');
  await host.context().close();
});
