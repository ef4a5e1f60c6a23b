// Trust: the widget cannot be turned against the council that embeds it, and faults never leave
// a blank space. Each test is a hostile or careless case: a link pointing at another site's
// content, a changed framework, a host page that breaks ECharts, a failed download, a panic,
// an old cached loader, a sandboxed iframe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup, axe, loadFramework, DIST } from './helpers.mjs';
import { serve } from './server.mjs';
import { answersFor, openWith, press, savedData } from './flows.mjs';

let env;
let framework;
before(async () => {
  env = await setup();
  framework = await loadFramework();
});
after(async () => { await env?.close(); });

async function tempSite(files) {
  const dir = await mkdtemp(join(tmpdir(), 'cmm-site-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return serve(dir);
}

test('a link asking for another site\'s framework or benchmarks is refused with a message', async () => {
  const evil = JSON.parse(JSON.stringify(framework));
  evil.title = 'Send your bank details to win';
  const stranger = await tempSite({ 'framework.json': JSON.stringify(evil), 'benchmarks.json': '{}' });
  const page = await env.newPage();
  await page.goto(`${env.server.url}?framework=${encodeURIComponent(`${stranger.url}framework.json`)}&benchmarks=${encodeURIComponent(`${stranger.url}benchmarks.json`)}`);
  const notice = page.getByRole('status').filter({ hasText: 'Some settings for this assessment were not used' });
  await notice.waitFor();
  const text = await notice.innerText();
  assert.match(text, /framework: ".*framework\.json" is on another website, so its questions or figures are not shown here/);
  assert.match(text, /benchmarks: ".*benchmarks\.json" is on another website/);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  assert.doesNotMatch(await page.locator('.cmm-app').innerText(), /bank details/);
  assert.deepEqual(stranger.requests, [], 'the other site is never asked for anything');
  assert.deepEqual(await axe(page), []);
  await page.context().close();
  await stranger.close();
});

test('content from a file the council chose on its own site is labelled with where it came from', async () => {
  const page = await env.newPage();
  await page.goto(`${env.server.url}?framework=data/framework.json`);
  await page.getByText(/The questions come from http:\/\/127\.0\.0\.1:\d+\/data\/framework\.json, not from this tool\./).waitFor();
  await page.context().close();
});

test('a framework too large to be real is refused with a clear message', async () => {
  const page = await env.newPage();
  await page.route('**/data/huge.json', (r) => r.fulfill({ contentType: 'application/json', body: `{"pad":"${'x'.repeat(3 * 1024 * 1024)}"}` }));
  await page.goto(`${env.server.url}?framework=data/huge.json`);
  await page.getByText(/huge\.json is larger than the 2 MB this tool reads\./).waitFor();
  await page.getByRole('button', { name: 'Try again' }).waitFor();
  await page.context().close();
});

test('a framework with renamed and dropped questions changes only the assessment being edited, and set-aside answers come back', async () => {
  const renamed = JSON.parse(JSON.stringify(framework));
  renamed.version = '2.1.0';
  const governance = renamed.themes.find((t) => t.id === 'governance');
  const planning = governance.questions.find((q) => q.id === 'gov-planning');
  planning.id = 'gov-plans';
  planning.formerIds = ['gov-planning'];
  const people = renamed.themes.find((t) => t.id === 'people');
  people.questions = people.questions.filter((q) => q.id !== 'ppl-support');

  const answers = answersFor(framework, () => 3);
  answers['gov-planning'] = { rating: 4 };
  answers['ppl-support'] = { rating: 2, note: 'Helpdesk set up in May' };
  const base = { frameworkId: framework.id, frameworkVersion: framework.version, kind: 'full' };
  const data = {
    schemaVersion: 3,
    assessments: [
      { ...base, id: 'edited', created: '2026-11-01T09:00:00.000Z', updated: '2026-11-01T09:00:00.000Z', answers, targets: { governance: 4, retired: 5 } },
      { ...base, id: 'other', created: '2026-10-01T09:00:00.000Z', updated: '2026-10-01T09:00:00.000Z', answers },
    ],
  };
  const page = await env.newPage();
  await page.route('**/data/renamed.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(renamed) }));
  await openWith(page, env.server.url, data, { current: 'edited' });
  // One change with the shipped framework, so storage holds the app's own form of both.
  await press(page, 'Strategy and market');
  await page.locator('fieldset input[type=radio]').nth(4).check();
  await page.getByText('Saved in this browser').waitFor();
  const stored = () => page.evaluate(() => localStorage.getItem('cmm:data'));
  const otherOf = (raw) => raw.slice(raw.indexOf('{"id":"other"'));
  const otherBefore = otherOf(await stored());
  assert.ok(otherBefore.startsWith('{"id":"other"'));

  await page.goto(`${env.server.url}?framework=data/renamed.json#/overview`);
  await page.getByRole('heading', { level: 2, name: 'Answers to questions this framework no longer asks' }).waitFor();
  const setAside = await page.locator('.cmm-set-aside').innerText();
  assert.match(setAside, new RegExp(`ppl-support \\(version ${framework.version.replaceAll('.', '\\.')}\\): Level 2: Developing`));
  assert.match(setAside, /Helpdesk set up in May/);
  // An answer in the edited assessment saves it; the other one is byte-for-byte as it was.
  await press(page, 'Governance and planning');
  await page.locator('fieldset').nth(1).locator('input[type=radio]').nth(4).check();
  await page.getByText('Saved in this browser').waitFor();
  const saved = await savedData(page);
  const edited = saved.assessments.find((a) => a.id === 'edited');
  assert.equal(edited.answers['gov-plans'].rating, 5, 'the renamed question carries the answer');
  assert.deepEqual(edited.targets, { governance: 4, retired: 5 }, 'targets are never deleted');
  assert.equal(otherOf(await stored()), otherBefore, 'the other assessment is byte-for-byte as it was');

  // Back on the shipped framework, the dropped question is asked again: its answer returns.
  await page.goto(`${env.server.url}#/theme/people`);
  await page.getByRole('heading', { level: 1, name: 'People and capability' }).waitFor();
  await page.locator('fieldset').first().waitFor();
  const notes = await page.locator('textarea').evaluateAll((ts) => ts.map((t) => t.value));
  assert.ok(notes.includes('Helpdesk set up in May'), 'the note is shown with its question again');
  // Opening a page writes nothing; the first change saves the assessment brought in line with
  // the shipped framework, the restored answer with it.
  await page.locator('fieldset').first().locator('input[type=radio]').nth(1).check();
  await page.waitForFunction((v) => JSON.parse(localStorage.getItem('cmm:data')).assessments.find((a) => a.id === 'edited').frameworkVersion === v, framework.version);
  const back = (await savedData(page)).assessments.find((a) => a.id === 'edited');
  assert.equal(back.frameworkVersion, framework.version);
  assert.equal(back.answers['ppl-support'].rating, 2);
  assert.equal(back.answers['ppl-support'].note, 'Helpdesk set up in May');
  await page.context().close();
});

/** A council page (script mode) on its own origin, with the given extra markup. */
async function councilPage(extra, { csp = true } = {}) {
  const policy = csp ? `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' ${env.server.url} 'wasm-unsafe-eval'; style-src 'self' ${env.server.url}; connect-src 'self' ${env.server.url}; img-src 'self' data: blob:">` : '';
  return tempSite({
    'index.html': `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">${policy}<title>Anytown</title></head>
      <body><h1>Anytown</h1>${extra}
      <div data-cmm-widget data-namespace="hostile"><p>Loading the self-assessment…</p></div>
      <script type="module" src="${env.server.url}embed.js"></script></body></html>`,
    'old-echarts.js': 'window.echarts = { version: "3.0.0", init() { throw new Error("an old ECharts"); } };',
  });
}

test('a host element with id="echarts", a host\'s own older ECharts and a failed chart download leave a working widget', async () => {
  const host = await councilPage('<div id="echarts">Our charts</div><div id="__cmmECharts"></div><script src="old-echarts.js"></script>');
  const page = await env.newPage({ reducedMotion: 'reduce' });
  let aborted = 0;
  await page.route('**/vendor/echarts-*.min.js', (route) => {
    if (aborted++ === 0) return route.abort();
    return route.continue();
  });
  await page.goto(host.url);
  const widget = page.locator('[data-cmm-widget]');
  await widget.getByRole('radio', { name: 'Quick check' }).check();
  await widget.getByRole('button', { name: 'Start', exact: true }).click();
  await widget.getByRole('button', { name: 'Continue' }).click();
  await widget.locator('fieldset input[type=radio]').nth(2).check();
  await widget.getByRole('link', { name: 'Results', exact: true }).click();
  await widget.getByRole('heading', { level: 2, name: 'Your results' }).waitFor();
  // The first download of the chart library failed: a message, and the figures are still there.
  const failed = widget.getByRole('alert').filter({ hasText: 'The chart could not be drawn' }).first();
  await failed.waitFor();
  assert.ok(await widget.locator('.cmm-table--figures').isVisible(), 'the figures table is shown');
  await failed.getByRole('button', { name: 'Try again' }).click();
  await widget.locator('.cmm-chart svg').nth(1).waitFor();
  assert.equal(await page.evaluate(() => window.echarts.version), '3.0.0', 'the host\'s own ECharts is left alone');
  assert.equal(await page.locator('#echarts').innerText(), 'Our charts');
  assert.deepEqual(page.errors.filter((e) => !/an old ECharts|net::ERR_FAILED|Failed to load resource/.test(e)), []);
  await page.context().close();
  await host.close();
});

test('a panic shows a plain message in the widget instead of a frozen screen', async () => {
  const page = await env.newPage();
  await page.goto(env.server.url);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await page.evaluate(async () => {
    const glue = await import(document.querySelector('link[rel=modulepreload]').href);
    try { glue.__cmmTestPanic(); } catch { /* the WebAssembly stops here */ }
  });
  const message = page.locator('.cmm-stopped');
  await message.waitFor();
  assert.match(await message.innerText(), /has stopped\. Your answers up to your last change are saved in this browser\. Reload the page/);
  assert.equal(await message.getAttribute('role'), 'alert');
  await page.context().close();
});

test('an old cached loader meeting a changed release shows a message, not a blank', async () => {
  const page = await env.newPage();
  // The loader from an earlier release names code files that the new release has replaced.
  const current = await readFile(join(DIST, 'embed.js'), 'utf8');
  const old = current.replace(/cm-maturity-[0-9a-f]{12}/g, 'cm-maturity-000000000000');
  await page.route('**/embed.js', (r) => r.fulfill({ contentType: 'text/javascript', body: old }));
  await page.goto(`${env.server.url}demo/script.html`);
  const widget = page.locator('#widget-a');
  await widget.getByRole('alert').getByText(/The self-assessment could not start/).waitFor();
  assert.equal(await widget.getByRole('link', { name: 'Open the self-assessment in its own page' }).count(), 1);
  await page.context().close();
});

test('until the widget starts, the council\'s own fallback text is shown; if the loader is blocked, it stays', async () => {
  const host = await councilPage('');
  const page = await env.newPage();
  await page.route('**/embed.js', (r) => r.abort());
  await page.goto(host.url);
  await page.waitForTimeout(500);
  assert.equal(await page.locator('[data-cmm-widget]').innerText(), 'Loading the self-assessment…');
  await page.context().close();
  await host.close();
});

test('a sandboxed iframe without allow-same-origin or allow-downloads explains itself', async () => {
  const host = await tempSite({
    'index.html': `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Sandbox</title></head><body>
      <iframe data-cmm-frame sandbox="allow-scripts" title="Self-assessment" src="${env.server.url}index.html"></iframe>
      <script src="${env.server.url}embed-host.js"></script></body></html>`,
  });
  const page = await env.newPage();
  await page.goto(host.url);
  const frame = page.frameLocator('iframe[data-cmm-frame]');
  const notice = frame.getByRole('status').filter({ hasText: 'Some features are switched off by the page this tool sits in' });
  await notice.waitFor();
  const text = await notice.innerText();
  assert.match(text, /allow-same-origin/);
  assert.match(text, /allow-downloads/);
  await frame.getByRole('button', { name: 'Start', exact: true }).click();
  await frame.getByRole('link', { name: 'Results', exact: true }).click();
  await frame.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  assert.equal(await frame.getByRole('button', { name: /^Download/ }).count(), 0, 'no download buttons that would do nothing');
  await page.context().close();
  await host.close();
});

test('a split module that fails to load shows a message, and trying again loads it', async () => {
  const page = await env.newPage();
  let failing = true;
  const refused = [];
  await page.route(/\/chunk_\d+-[0-9a-f]+\.wasm$/, (r) => {
    if (failing) {
      refused.push(r.request().url());
      return r.abort('connectionreset');
    }
    return r.continue();
  });
  await page.goto(env.server.url);
  await page.getByRole('radio', { name: 'Quick check' }).check();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Your assessment' }).waitFor();
  await page.getByRole('link', { name: 'Check answers' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'This part of the tool could not be loaded' });
  await alert.waitFor();
  assert.ok(refused.length > 0, 'the module was asked for and refused');
  assert.match(await alert.innerText(), /Your answers are saved/);
  // The rest of the tool still works while the part is missing.
  assert.equal(await page.getByRole('link', { name: 'Overview' }).isVisible(), true);

  failing = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
  // Some refusals are logged by the browser itself; no error comes from the app.
  assert.deepEqual(page.errors.filter((e) => !/Failed to load resource|net::ERR|chunk_|fetch/i.test(e)), []);
  await page.context().close();
});
