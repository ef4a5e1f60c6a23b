// The browser's own conventions: Back and Forward step through screens, a copied address opens
// the same screen, and inside a council's page the host's address and history are left alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, axe } from './helpers.mjs';
import { answerTheme, press, start } from './flows.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const heading = (page, name) => page.getByRole('heading', { level: 1, name }).waitFor();
const hash = (page) => new URL(page.url()).hash;

test('Back and Forward step through the screens of a quick check on the tool\'s own page', async () => {
  const page = await env.newPage();
  await page.goto(env.server.url);
  await start(page, { kind: 'Quick check' });
  assert.equal(hash(page), '#/overview');
  await page.getByRole('button', { name: 'Continue' }).click();
  await heading(page, 'Governance and planning');
  assert.equal(hash(page), '#/theme/governance');
  await answerTheme(page, 'Level 3');
  await press(page, 'Next theme');
  await heading(page, 'People and capability');
  await press(page, 'Check answers');
  await heading(page, 'Check your answers');

  await page.goBack();
  await heading(page, 'People and capability');
  assert.equal(hash(page), '#/theme/people');
  await page.goBack();
  await heading(page, 'Governance and planning');
  assert.equal(await page.locator('fieldset input[type=radio]:checked').count(), 1, 'answers are kept');
  await page.goBack();
  await heading(page, 'Your assessment');
  await page.goForward();
  await heading(page, 'Governance and planning');
  await page.goForward();
  await heading(page, 'People and capability');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Back and Forward work inside an iframe on a council page', async () => {
  // The browser's Back button walks the joint history of the page and its frames: the same
  // as history.back() on the host page.
  const page = await env.newPage();
  await page.goto(`${env.server.url}demo/iframe.html`);
  const frame = page.frameLocator('iframe[data-cmm-frame]');
  await frame.getByRole('radio', { name: 'Quick check' }).check();
  await frame.getByRole('button', { name: 'Start', exact: true }).click();
  await frame.getByRole('heading', { level: 1, name: 'Your assessment' }).waitFor();
  await frame.getByRole('button', { name: 'Continue' }).click();
  await frame.getByRole('heading', { level: 1, name: 'Governance and planning' }).waitFor();
  await frame.getByRole('link', { name: 'Next theme' }).click();
  await frame.getByRole('heading', { level: 1, name: 'People and capability' }).waitFor();
  await page.evaluate(() => history.back());
  await frame.getByRole('heading', { level: 1, name: 'Governance and planning' }).waitFor();
  await page.evaluate(() => history.back());
  await frame.getByRole('heading', { level: 1, name: 'Your assessment' }).waitFor();
  await page.evaluate(() => history.forward());
  await frame.getByRole('heading', { level: 1, name: 'Governance and planning' }).waitFor();
  assert.equal(page.url(), `${env.server.url}demo/iframe.html`, 'the host page itself stays where it is');
  await page.context().close();
});

test('a copied screen address opens that screen, in the same browser', async () => {
  const page = await env.newPage();
  await page.goto(env.server.url);
  await start(page, { kind: 'Full assessment', organisation: 'Linkton Council' });
  await press(page, 'Risk, resilience and exit');
  await heading(page, 'Risk, resilience and exit');
  const address = page.url();
  assert.match(address, /#\/theme\/risk$/);

  const other = await page.context().newPage();
  await other.goto(address);
  await heading(other, 'Risk, resilience and exit');
  assert.match(await other.locator('.cmm-app').innerText(), /Theme 6 of 8/);
  await other.goto(`${env.server.url}#/framework`);
  await heading(other, 'About the questions');
  assert.deepEqual(await axe(other), [], 'the framework page');
  // An address for a theme that does not exist lands on the overview, not a blank page.
  await other.goto(`${env.server.url}#/theme/no-such-theme`);
  await heading(other, 'Your assessment');
  assert.equal(hash(other), '#/overview');
  await page.context().close();
});

test('inside a council\'s page, a full journey leaves the host\'s address and history untouched', async () => {
  const page = await env.newPage({ reducedMotion: 'reduce' });
  await page.goto(`${env.server.url}demo/script.html`);
  const widget = page.locator('#widget-a');
  await widget.getByRole('button', { name: 'Start', exact: true }).waitFor();
  const before = { url: page.url(), length: await page.evaluate(() => history.length) };
  await widget.getByRole('radio', { name: 'Quick check' }).check();
  await widget.getByRole('button', { name: 'Start', exact: true }).click();
  await widget.getByRole('button', { name: 'Continue' }).click();
  for (let i = 0; i < 8; i++) {
    await widget.locator('fieldset input[type=radio]').nth(2).check();
    await widget.getByRole('link', { name: i < 7 ? 'Next theme' : 'Check your answers' }).click();
  }
  await widget.getByRole('link', { name: 'See your results' }).click();
  await widget.getByRole('heading', { level: 2, name: 'Your results' }).waitFor();
  await widget.getByRole('link', { name: 'Your assessments' }).click();
  await widget.getByRole('heading', { level: 2, name: 'Your assessments' }).waitFor();
  assert.equal(page.url(), before.url, 'the address is the host\'s');
  assert.equal(await page.evaluate(() => history.length), before.length, 'no history entries added');
  // A reload returns the widget to where this tab was.
  await page.reload();
  await page.locator('#widget-a').getByRole('heading', { level: 2, name: 'Your assessments' }).waitFor();
  await page.context().close();
});

test('a council\'s own button colour is kept on hover (a shade darker)', async () => {
  const page = await env.newPage();
  await page.goto(`${env.server.url}?button=%23912b88`);
  const startButton = page.getByRole('button', { name: 'Start', exact: true });
  await startButton.waitFor();
  const colour = () => startButton.evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(await colour(), 'rgb(145, 43, 136)');
  await startButton.hover();
  await page.waitForTimeout(100);
  // #912b88 mixed with 20% black: not the default green's hover.
  assert.equal(await colour(), 'rgb(116, 34, 109)');
  await page.context().close();
});
