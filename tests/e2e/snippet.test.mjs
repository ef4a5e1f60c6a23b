// The page that writes the embed code: settings checked as the widget checks them, and the
// code it writes works when pasted into a council page on another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup, axe } from './helpers.mjs';
import { serve } from './server.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

async function writeSnippet(page, { mode }) {
  await page.goto(env.server.url);
  await page.getByRole('link', { name: "Put this self-assessment on your council's website" }).click();
  await page.getByRole('heading', { level: 1, name: 'Put this self-assessment on your website' }).waitFor();
  await page.getByLabel('Council name').fill('Anytown Borough Council');
  assert.equal(await page.getByLabel('Storage name').inputValue(), 'anytown-borough-council');
  await page.getByLabel('Link and accent colour (optional)').fill('#ffdd00');
  await page.locator('.cmm-error-message', { hasText: /#ffdd00 has a contrast of 1\.3:1 with white/ }).waitFor();
  assert.match(await page.locator('.cmm-error-summary').innerText(), /#ffdd00 has a contrast of 1\.3:1 with white/);
  assert.deepEqual(await axe(page), [], 'snippet page with a warning');
  await page.getByLabel('Link and accent colour (optional)').fill('#005a30');
  await page.getByRole('checkbox', { name: 'Team view' }).uncheck();
  await page.getByRole('radio', { name: mode }).check();
  const code = page.getByLabel('Code to copy into your page');
  await page.waitForFunction(() => document.getElementById('cmm-embed-code').value.includes('integrity='));
  return code.inputValue();
}

test('the snippet page writes iframe code with the settings and an integrity hash', async () => {
  const page = await env.newPage();
  const code = await writeSnippet(page, { mode: 'In an iframe' });
  assert.match(code, /^<iframe data-cmm-frame title="Contract management self-assessment" src="http:\/\/127\.0\.0\.1:\d+\/index\.html\?namespace=anytown-borough-council&amp;organisation=Anytown%20Borough%20Council&amp;brand-colour=%23005a30&amp;features=share"><\/iframe>/);
  assert.match(code, /<script src="http:\/\/127\.0\.0\.1:\d+\/embed-host\.js" integrity="sha384-[A-Za-z0-9+/=]+" crossorigin="anonymous"><\/script>/);
  assert.equal(await page.getByRole('status').filter({ hasText: 'Check these settings' }).count(), 0);
  assert.deepEqual(await axe(page), [], 'snippet page');
  await page.context().close();
});

test('pasted into a page on another origin, the script-mode code runs the widget with its settings', async () => {
  const page = await env.newPage();
  const code = await writeSnippet(page, { mode: 'With a script' });
  assert.match(code, /^<div data-cmm-widget data-namespace="anytown-borough-council" data-organisation="Anytown Borough Council" data-brand-colour="#005a30" data-features="share">\n  <p>Loading the contract management self-assessment… If this message stays, the self-assessment could not start on this page\. <a href="http:\/\/127\.0\.0\.1:\d+\/index\.html\?organisation=Anytown%20Borough%20Council&amp;brand-colour=%23005a30&amp;features=share">Open the self-assessment in its own page<\/a><\/p>\n<\/div>/);
  await page.context().close();

  const dir = await mkdtemp(join(tmpdir(), 'cmm-council-'));
  await writeFile(join(dir, 'index.html'), `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' ${env.server.url} 'wasm-unsafe-eval'; style-src 'self' ${env.server.url}; connect-src 'self' ${env.server.url}; img-src 'self' data: blob:">
    <title>Anytown</title></head><body><h1>Anytown</h1>${code}</body></html>`);
  const council = await serve(dir);
  const visitor = await env.newPage();
  const violations = [];
  visitor.on('console', (m) => { if (/Content Security Policy|Refused/.test(m.text())) violations.push(m.text()); });
  await visitor.goto(council.url);
  const widget = visitor.locator('[data-cmm-widget]');
  await widget.getByRole('button', { name: 'Start', exact: true }).waitFor();
  assert.equal(await widget.getByLabel('Council or organisation (optional)').inputValue(), 'Anytown Borough Council');
  assert.equal(await widget.getByRole('link', { name: 'Team view' }).count(), 0, 'team view switched off');
  const brand = await widget.locator('.cmm-root').evaluate((el) => getComputedStyle(el).getPropertyValue('--cmm-brand').trim());
  assert.equal(brand, '#005a30');
  assert.deepEqual(violations, []);
  assert.deepEqual(visitor.errors, []);
  await visitor.context().close();
  await council.close();
});
