// Offline and releases: after one visit the tool opens and a whole quick check is answered with
// the network off (Playwright's offline mode), on its own page and in an iframe; a release
// published while a tab is open waits for the visitor ("A new version is ready") and every
// answer survives the switch; the offline setting, and a host removing sw.js, take the worker
// away; script mode never registers one; the page passes Chromium's own installability check.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { setup, axe, ARGS, CHROMIUM, DIST } from './helpers.mjs';
import { answerTheme, press, savedData, start, themeHeadings } from './flows.mjs';
import { serve } from './server.mjs';
import { writeWorker } from '../../scripts/release.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** A page whose context lets service workers run (the other journeys block them). */
const workerPage = (options = {}) => env.newPage({ serviceWorkers: 'allow', ...options });

/** Waits until `check` (run in the page or frame, may be async) is true. */
async function until(target, check, arg, timeout = 30_000) {
  const end = Date.now() + timeout;
  while (!(await target.evaluate(check, arg))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${check}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** Waits until this page's (or frame's) worker has stored its whole release and is in charge
 * of the pages opened from now on (not of the page that registered it, which came from the
 * network and stays with it). */
const activated = (target) => until(target, async () => (await navigator.serviceWorker.getRegistrations())
  .some((r) => r.active?.scriptURL.endsWith('/sw.js') && r.active.state === 'activated'));

/** Waits until this page is served by the worker. */
const controlled = (target) => until(target, () => navigator.serviceWorker.controller !== null);

const registrations = (target) => target.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
/** How many releases are stored (not counting the worker's note of which page came from which). */
const stored = (target) => target.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('cmm-offline:') && !n.endsWith(':pages')).length);

/** A quick check answered from start to results, as in the first journey. */
async function quickCheck(page) {
  await start(page, { kind: 'Quick check', organisation: 'Anytown Council' });
  await page.getByRole('button', { name: 'Continue' }).click();
  for (const [i, heading] of themeHeadings.entries()) {
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await answerTheme(page, i % 2 === 0 ? 'Level 3' : 'Level 2');
    await press(page, i < 7 ? 'Next theme' : 'Check your answers');
  }
  await press(page, 'See your results');
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  await page.locator('.cmm-chart svg').nth(1).waitFor();
  assert.match(await page.locator('.cmm-app').innerText(), /Overall level: 2\.5 \(Developing\)/);
}

/** A copy of the release served on its own port, in the folder `sub` of the site ('' for the
 * site's root); `url` is the tool's folder. */
async function ownRelease(sub = '') {
  const site = await mkdtemp(join(tmpdir(), 'cmm-release-'));
  const dir = join(site, sub);
  await cp(DIST, dir, { recursive: true });
  const server = await serve(site);
  return {
    site, dir, server, url: `${server.url}${sub ? `${sub}/` : ''}`,
    async close() { await server.close(); await rm(site, { recursive: true, force: true }); },
  };
}

const NOTICE = 'A new version is ready';

test('after one visit, the tool opens and a whole quick check is answered with the network off', async () => {
  const page = await workerPage();
  await page.goto(env.server.url);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await activated(page);
  assert.equal(await page.getByText(NOTICE).count(), 0, 'a first visit is not a new version');
  await page.context().setOffline(true);
  // What could not be had offline. The browser's own look for a new sw.js is expected to fail;
  // a request the page itself called off (ERR_ABORTED) is not a file missing.
  const failed = [];
  page.on('requestfailed', (r) => {
    if (!r.url().endsWith('/sw.js') && r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${r.url()} ${r.failure()?.errorText}`);
  });
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Contract management self-assessment' }).waitFor();
  await quickCheck(page);
  // Every file the tool asked for came from the stored release.
  assert.deepEqual(failed, []);
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: 'test-results/offline-results.png', fullPage: true });
  await page.context().close();
});

test('a host that redirects index.html to the folder: the stored page still opens offline', async () => {
  const server = await serve(DIST, { redirects: { '/index.html': '/' } });
  const page = await workerPage();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await activated(page);
  await page.context().setOffline(true);
  await page.reload();
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await controlled(page);
  assert.deepEqual(page.errors, []);
  await page.context().close();
  await server.close();
});

test('in an iframe on a council page, the tool works offline after one visit', async () => {
  const host = await mkdtemp(join(tmpdir(), 'cmm-host-'));
  const hostPage = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Anytown Council</title></head>
<body><h1>Anytown Council</h1><iframe title="Contract management self-assessment" style="width:100%;height:1600px"
src="${env.server.url}index.html?namespace=offline-frame&amp;org=Anytown%20Council"></iframe></body></html>`;
  await writeFile(join(host, 'host.html'), hostPage);
  const hostServer = await serve(host);
  const page = await workerPage();
  await page.goto(`${hostServer.url}host.html`);
  const frame = page.frameLocator('iframe');
  await frame.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await activated(page.frames()[1]);
  await page.context().setOffline(true);
  // The council's own page is not the tool's to keep; here it comes from the test itself.
  await page.route(`${hostServer.url}host.html`, (route) => route.fulfill({ contentType: 'text/html', body: hostPage }));
  await page.reload();
  await frame.getByRole('button', { name: 'Start', exact: true }).waitFor();
  assert.equal(await frame.getByLabel('Council or organisation (optional)').inputValue(), 'Anytown Council', 'settings from the iframe address');
  await frame.getByRole('radio', { name: 'Quick check' }).check();
  await frame.getByRole('button', { name: 'Start', exact: true }).click();
  await frame.getByRole('heading', { level: 1, name: 'Your assessment' }).waitFor();
  await frame.getByRole('button', { name: 'Continue' }).click();
  const inner = page.frames()[1];
  for (const [i, heading] of themeHeadings.entries()) {
    await frame.getByRole('heading', { level: 1, name: heading }).waitFor();
    await answerTheme(inner, 'Level 3');
    await frame.getByRole('link', { name: i < 7 ? 'Next theme' : 'Check your answers' }).or(frame.getByRole('button', { name: i < 7 ? 'Next theme' : 'Check your answers' })).first().click();
  }
  await frame.getByRole('link', { name: 'See your results' }).or(frame.getByRole('button', { name: 'See your results' })).first().click();
  await frame.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  await frame.locator('.cmm-chart svg').nth(1).waitFor();
  assert.match(await frame.locator('.cmm-app').innerText(), /Overall level: 3\.0 \(Good\)/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
  await hostServer.close();
  await rm(host, { recursive: true, force: true });
});

test('a release published while tabs are open waits for the visitor, keeps every answer, and never mixes releases', async () => {
  const release = await ownRelease();
  const page = await workerPage();
  await page.goto(release.url);
  await activated(page);
  // A returning visitor: this page, and a second tab, come from the stored release.
  await page.reload();
  await controlled(page);
  const other = await page.context().newPage();
  other.errors = [];
  other.on('pageerror', (e) => other.errors.push(String(e)));
  await other.goto(release.url);
  await other.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await controlled(other);
  await start(page, { kind: 'Quick check', organisation: 'Anytown Council' });
  await page.getByRole('button', { name: 'Continue' }).click();
  await answerTheme(page, 'Level 4', 'Evidence: the contract register');
  await until(page, () => localStorage.getItem('cmm:data')?.includes('Evidence: the contract register'));
  const answers = (await savedData(page)).assessments[0].answers;
  assert.equal(Object.keys(answers).length, 1);

  // The next release changes a word in each language.
  for (const lang of ['en', 'cy']) {
    const textFile = join(release.dir, `data/text/${lang}.json`);
    const text = JSON.parse(await readFile(textFile, 'utf8'));
    if (lang === 'en') text.about_heading = 'About the questions (next release)';
    else text.start_button = 'Dechrau (y fersiwn nesaf)';
    await writeFile(textFile, JSON.stringify(text));
    await rm(`${textFile}.br`, { force: true });
    await rm(`${textFile}.gz`, { force: true });
  }
  writeWorker(release.dir);

  // The tab looks for a new release when it is looked at again.
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  const notice = page.getByRole('status').filter({ hasText: NOTICE });
  await notice.waitFor({ timeout: 30_000 });
  assert.match(await notice.innerText(), /Your answers stay saved in this browser/);
  assert.deepEqual(await axe(page), [], 'with the message shown');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'test-results/update-ready.png', clip: { x: 0, y: 0, width: 1280, height: 500 } });
  // Until the visitor chooses, the release they started with is what runs, even after a reload.
  await page.reload();
  await notice.waitFor();
  await press(page, 'About the questions');
  await page.getByRole('heading', { level: 1, name: 'About the questions' }).waitFor();
  assert.equal(await page.getByRole('heading', { level: 1, name: 'About the questions (next release)' }).count(), 0);

  await page.getByRole('button', { name: 'Reload now' }).click();
  await page.getByRole('heading', { level: 1, name: 'About the questions (next release)' }).waitFor({ timeout: 30_000 });
  assert.equal(await notice.count(), 0, 'the new release is the one running');
  assert.deepEqual((await savedData(page)).assessments[0].answers, answers, 'every answer kept');
  assert.match(await page.locator('.cmm-app').innerText(), /This is version \d+\.\d+\.\d+ of the tool/);
  assert.deepEqual(page.errors, []);

  // The other tab still runs the release it opened with, and still gets that release's files,
  // now from the new worker: its Welsh is its own release's, not the next one's (whose words its
  // code may not know).
  await other.getByRole('button', { name: 'Cymraeg' }).or(other.getByRole('link', { name: 'Cymraeg' })).first().click();
  await other.getByRole('button', { name: 'Dechrau', exact: true }).waitFor({ timeout: 30_000 });
  assert.equal(await other.getByText('y fersiwn nesaf').count(), 0);
  assert.equal(await other.evaluate(() => navigator.serviceWorker.controller?.state), 'activated');
  assert.deepEqual(other.errors, []);
  await page.context().close();
  await release.close();
});

test('the offline setting turns the worker off, and a host that removes sw.js takes it away', async () => {
  // The tool in a folder of a council's site that has a worker of its own for the whole site.
  const release = await ownRelease('cm');
  await writeFile(join(release.site, 'site-sw.js'), "self.addEventListener('fetch', () => {});\n");
  const page = await workerPage();
  const scopes = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => new URL(r.scope).pathname).sort());
  const gone = async () => until(page, async () => !(await navigator.serviceWorker.getRegistrations()).some((r) => r.scope.endsWith('/cm/'))
    && !(await caches.keys()).some((n) => n.startsWith('cmm-offline:')));
  await page.goto(`${release.server.url}cm/?offline=off`);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.register('/site-sw.js', { scope: '/' }));
  await page.waitForLoadState('load');
  await page.waitForTimeout(1000);
  assert.deepEqual(await scopes(), ['/'], 'offline=off registers nothing');

  await page.goto(release.url);
  await activated(page);
  assert.deepEqual(await scopes(), ['/', '/cm/'], 'and without it the tool registers its own, within the same wait');
  assert.equal(await stored(page), 1);
  // A page of the tool opened from its copy asks for files (an on-demand screen) after the copy
  // is removed: no empty copy is made again.
  await page.reload();
  await controlled(page);
  await page.goto(`${release.url}?offline=off`);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await gone();
  await press(page, 'About the questions');
  await page.getByRole('heading', { level: 1, name: 'About the questions' }).waitFor();
  assert.equal(await stored(page), 0, 'no copy is made again');
  assert.deepEqual(await scopes(), ['/'], "the site's own worker is not the tool's to remove");

  await page.goto(release.url);
  await activated(page);
  await rm(join(release.dir, 'sw.js'));
  await page.reload();
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await gone();
  assert.deepEqual(await scopes(), ['/']);
  // The only complaint is the browser's, of the missing sw.js.
  assert.deepEqual(page.errors.filter((e) => !/status of 404/.test(e)), []);
  await page.context().close();
  await release.close();
});

test('script mode, inside a council page, registers no worker', async () => {
  const page = await workerPage();
  await page.goto(`${env.server.url}demo/script.html`);
  await page.getByRole('button', { name: 'Start', exact: true }).first().waitFor();
  await page.waitForLoadState('load');
  await page.waitForTimeout(1000);
  assert.equal(await registrations(page), 0);
  // In the same wait, the tool's own page does register one.
  await page.goto(env.server.url);
  await page.waitForLoadState('load');
  await page.waitForTimeout(1000);
  assert.equal(await registrations(page), 1);
  await page.context().close();
});

test('the tool can be installed: Chromium finds no installability error, and the manifest is whole', async () => {
  // A profile of its own: Chromium never offers to install from a private window (which is what
  // an ordinary test context is).
  const profile = await mkdtemp(join(tmpdir(), 'cmm-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
  const page = context.pages()[0] ?? await context.newPage();
  await page.goto(env.server.url);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await activated(page);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const { errors, data } = await cdp.send('Page.getAppManifest');
  assert.deepEqual(errors, []);
  const manifest = JSON.parse(data);
  assert.equal(manifest.name, 'Contract management self-assessment');
  assert.ok(manifest.short_name.length <= 18, 'a short name fits under an icon');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, './');
  assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/);
  for (const size of [192, 512]) {
    const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}` && i.type === 'image/png');
    assert.ok(icon, `a ${size} px PNG icon`);
    const bytes = await readFile(join(DIST, icon.src));
    assert.equal(bytes.toString('latin1', 1, 4), 'PNG');
    assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [size, size], `${icon.src} is ${size} px square`);
  }
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'), 'a maskable icon');
  await context.close();
  await rm(profile, { recursive: true, force: true });
});
