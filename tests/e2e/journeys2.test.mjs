// Journeys 2: page titles per screen in the language shown, focus kept after in-page actions,
// "Change" landing on its question, a returning user's first choice, and a radar that never
// draws a missing figure as zero.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, axe, loadFramework } from './helpers.mjs';
import { openWith, press } from './flows.mjs';

const SERVICE = 'Contract management self-assessment';
let env;
let framework;
before(async () => {
  env = await setup();
  framework = await loadFramework();
});
after(async () => { await env?.close(); });

/** One assessment with every question at level 3, except the themes listed, left unanswered. */
function seeded({ skip = [] } = {}) {
  const answers = {};
  for (const theme of framework.themes) {
    if (skip.includes(theme.id)) continue;
    for (const q of theme.questions) answers[q.id] = { rating: 3 };
  }
  return JSON.stringify({
    schemaVersion: 3,
    assessments: [{
      id: 'now', frameworkId: 'cmm-default', frameworkVersion: framework.version, kind: 'full',
      organisation: 'Anytown Council', name: 'Baseline 2026',
      created: '2026-11-20T10:00:00.000Z', updated: '2026-11-20T10:00:00.000Z', answers,
    }],
  });
}

const activeId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

test('every screen has its own title, in the language shown, with "Error:" when it shows errors', async () => {
  const page = await env.newPage();
  await page.goto(env.server.url);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await page.waitForFunction((s) => document.title === s, SERVICE);
  await openWith(page, env.server.url, seeded(), { current: 'now', route: 'results' });
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  await page.waitForFunction((s) => document.title === `Your results – ${s}`, SERVICE);
  await press(page, 'Check answers');
  await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
  await page.waitForFunction((s) => document.title === `Check your answers – ${s}`, SERVICE);
  await press(page, 'Cymraeg');
  await page.getByRole('heading', { level: 1, name: 'Gwirio eich atebion' }).waitFor();
  await page.waitForFunction(() => document.title === 'Gwirio eich atebion – Hunanasesiad rheoli contractau');
  await page.context().close();

  const broken = await env.newPage();
  await broken.goto(`${env.server.url}#cmm-share=eyJ2IjoxLCJm`);
  await broken.getByRole('alert').getByText('This share link cannot be opened').waitFor();
  await broken.waitForFunction((s) => document.title === `Error: Shared results – ${s}`, SERVICE);
  await press(broken, 'Start your own assessment');
  await broken.waitForFunction((s) => document.title === s, SERVICE);
  await broken.context().close();
});

test('a council page embedding the widget keeps its own title', async () => {
  const page = await env.newPage();
  await page.goto(`${env.server.url}demo/script.html`);
  await page.locator('[data-cmm-widget]').first().waitFor();
  const title = await page.title();
  await page.waitForTimeout(1500);
  assert.equal(await page.title(), title);
  assert.doesNotMatch(title, new RegExp(`^${SERVICE}$`));
  await page.context().close();
});

test('a theme with no answers is left off the radar, and the results say so', async () => {
  const page = await env.newPage({ reducedMotion: 'reduce' });
  const missing = framework.themes[7];
  await openWith(page, env.server.url, seeded({ skip: [missing.id] }), { current: 'now', route: 'results' });
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  await page.locator('.cmm-chart svg').nth(1).waitFor();
  const note = page.locator('.cmm-radar-left-off');
  await note.waitFor();
  assert.match(await note.innerText(), new RegExp(`does not draw the line for This assessment: it has no figure for ${missing.title}`));
  // The radar has no polygon pulled to its centre: no "This assessment" series is drawn on it.
  const legend = await page.locator('.cmm-chart').first().locator('svg text').allInnerTexts();
  assert.ok(!legend.includes('This assessment'), `radar legend: ${legend.join(' | ')}`);
  assert.deepEqual(await axe(page), [], 'results with a line left off');
  await page.context().close();
});

test('changing a target with the keyboard keeps focus on the chooser and the page in place', async () => {
  const page = await env.newPage({ reducedMotion: 'reduce' });
  await openWith(page, env.server.url, seeded(), { current: 'now', route: 'results' });
  const id = `cmm-target-${framework.themes[0].id}`;
  const select = page.locator(`#${id}`);
  await select.waitFor();
  await select.scrollIntoViewIfNeeded();
  await select.focus();
  const y = await page.evaluate(() => window.scrollY);
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction((i) => document.getElementById(i)?.value !== '', id);
  await page.waitForTimeout(300);
  assert.equal(await activeId(page), id);
  const moved = Math.abs((await page.evaluate(() => window.scrollY)) - y);
  assert.ok(moved < 50, `the page moved ${moved}px`);
  await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(300);
  assert.equal(await activeId(page), id, 'focus stays after a second change');
  await page.context().close();
});

test('after "Yes, delete" focus is on Undo, and after Undo on the restored assessment', async () => {
  const page = await env.newPage();
  await openWith(page, env.server.url, seeded(), { current: 'now', route: 'assessments' });
  await page.getByRole('button', { name: /^Delete/ }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  const undo = page.getByRole('button', { name: 'Undo' });
  await undo.waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Undo');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: /Baseline 2026/ }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'cmm-history-now');
  await page.context().close();
});

test('"Change" lands on its question with a way back; unanswered rows offer "Answer"', async () => {
  const page = await env.newPage();
  const missing = framework.themes[7];
  await openWith(page, env.server.url, seeded({ skip: [missing.id] }), { current: 'now', route: 'check' });
  await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
  const q = framework.themes[2].questions[1];
  await page.getByRole('link', { name: `Change answer to ${q.title}` }).click();
  await page.getByRole('heading', { level: 1, name: framework.themes[2].title }).waitFor();
  await page.waitForFunction((i) => document.activeElement?.id === i, `cmm-q-${q.id}-group`);
  const box = await page.locator(`#cmm-q-${q.id}-group`).boundingBox();
  assert.ok(box.y < 900 && box.y + 40 > 0, `the question is in view (y ${box.y})`);
  await press(page, 'Return to check your answers');
  await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
  const m = missing.questions[0];
  const answer = page.getByRole('link', { name: `Answer the question ${m.title}` });
  await answer.waitFor();
  // Unanswered rows are quiet (grey), not red, and keep the columns in line.
  const row = page.locator('.cmm-summary__row--missing').first();
  const colour = await row.locator('strong').evaluate((e) => getComputedStyle(e).color);
  assert.notEqual(colour, 'rgb(212, 53, 28)');
  const lefts = await page.locator('.cmm-summary__key').evaluateAll((ks) => [...new Set(ks.map((k) => Math.round(k.getBoundingClientRect().left)))]);
  assert.equal(lefts.length, 1, `question column starts at ${lefts.join(', ')}`);
  // Arriving from anywhere else shows no return link.
  await press(page, 'Overview');
  await page.getByRole('heading', { level: 1, name: 'Your assessment' }).waitFor();
  await page.getByRole('link', { name: new RegExp(framework.themes[0].title) }).first().click();
  await page.getByRole('heading', { level: 1, name: framework.themes[0].title }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Return to check your answers' }).count(), 0);
  await page.context().close();
});

test('a returning user is offered to continue first, and starting again second', async () => {
  const page = await env.newPage();
  await openWith(page, env.server.url, seeded(), { current: 'now', route: 'start' });
  await page.getByRole('heading', { level: 1, name: SERVICE }).waitFor();
  const first = page.locator('.cmm-app .cmm-button').first();
  assert.equal((await first.innerText()).trim(), 'Continue your current assessment');
  assert.match(await page.locator('.cmm-panel--continue').innerText(), /in progress: Baseline 2026/);
  const again = page.getByRole('button', { name: 'Start a new assessment' });
  assert.match(await again.getAttribute('class'), /cmm-button--secondary/);
  assert.deepEqual(await axe(page), [], 'start page for a returning user');
  await first.click();
  await page.getByRole('heading', { level: 1, name: 'Your assessment' }).waitFor();
  await page.context().close();
});

test('results put the summary and the roadmap before the charts, with a contents list that moves focus', async () => {
  const page = await env.newPage({ reducedMotion: 'reduce' });
  await openWith(page, env.server.url, seeded(), { current: 'now', route: 'results' });
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  await page.locator('.cmm-chart svg').first().waitFor();
  const order = await page.locator('.cmm-app h2').allInnerTexts();
  const at = (name) => order.indexOf(name);
  assert.ok(at('Contents') < at('Summary'), order.join(' | '));
  assert.ok(at('Summary') < at('Your improvement roadmap'), order.join(' | '));
  assert.ok(at('Your improvement roadmap') < at('Your improvement plan'), order.join(' | '));
  assert.ok(at('Your improvement plan') < at('Charts and figures'), order.join(' | '));
  assert.ok(at('Charts and figures') < at('Download and share'), order.join(' | '));
  const contents = page.getByRole('navigation', { name: 'Contents' });
  assert.deepEqual(await contents.getByRole('link').allInnerTexts(),
    ['Summary', 'Your improvement roadmap', 'Your improvement plan', 'Charts and figures', 'Download and share']);
  const url = page.url();
  await contents.getByRole('link', { name: 'Download and share' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'cmm-downloads-heading');
  assert.equal(page.url(), url, 'the address is left alone');
  assert.deepEqual(await axe(page), [], 'results in their new order');
  await page.context().close();
});

test('a learner sees the first five steps, the rest behind "Show all", every step in print, and no team view', async () => {
  const page = await env.newPage();
  const learner = await loadFramework('learner-framework.json');
  const answers = {};
  for (const theme of learner.themes) for (const q of theme.questions) answers[q.id] = { rating: 2 };
  const mine = {
    id: 'mine', frameworkId: learner.id, frameworkVersion: learner.version, kind: 'full',
    created: '2026-11-01T09:00:00.000Z', updated: '2026-11-01T09:00:00.000Z', answers,
  };
  await openWith(page, env.server.url, { schemaVersion: 3, assessments: [mine] }, { current: 'mine', route: 'results' });
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  const items = page.locator('.cmm-plan__item');
  await items.first().waitFor();
  const total = await items.count();
  assert.ok(total > 5, `${total} steps`);
  const visible = async () => (await items.evaluateAll((els) => els.filter((e) => e.offsetParent !== null).length));
  assert.equal(await visible(), 5);
  const more = page.getByRole('button', { name: `Show all ${total} steps` });
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  await more.click();
  assert.equal(await visible(), total);
  await page.waitForFunction(() => document.activeElement?.classList.contains('cmm-plan__more'));
  await page.getByRole('button', { name: 'Show the first steps only' }).click();
  assert.equal(await visible(), 5);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await visible(), total, 'every step on paper');
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.getByRole('navigation', { name: 'Assessment sections' }).getByRole('link', { name: 'Team view' }).count(), 0);
  await page.context().close();
});

test('theme pages say the cumulative rule once, and details show the disclosure triangle', async () => {
  const page = await env.newPage();
  await openWith(page, env.server.url, seeded(), { current: 'now', route: `theme/${framework.themes[0].id}` });
  await page.getByRole('heading', { level: 1, name: framework.themes[0].title }).waitFor();
  const text = await page.locator('.cmm-app').innerText();
  assert.equal(text.split('Each statement includes the ones before it').length - 1, 1);
  const marker = await page.locator('.cmm-details__summary').first().evaluate((e) => {
    const s = getComputedStyle(e, '::before');
    return { content: s.content, width: s.borderLeftWidth };
  });
  assert.equal(marker.content, '""');
  assert.notEqual(marker.width, '0px');
  await page.context().close();
});

test('the snippet page writes no code while a setting is wrong, and only https folders (or its own origin)', async () => {
  const page = await env.newPage();
  await page.goto(`${env.server.url}#/embed`);
  await page.getByRole('heading', { level: 1, name: 'Put this self-assessment on your website' }).waitFor();
  const code = page.locator('#cmm-embed-code');
  await code.waitFor();
  const base = page.getByLabel('Address the widget is hosted at');
  for (const bad of ['ftp://example', 'http://cm.example/', 'https://cm.example/"><script>', 'https://cm.example/?x=1']) {
    await base.fill(bad);
    await page.locator('#cmm-embed-code-waiting').waitFor();
    assert.equal(await code.count(), 0, `no code for ${bad}`);
    assert.equal(await base.getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#cmm-embed-base-error').textContent(), /^Error: Enter/);
  }
  assert.deepEqual(await axe(page), [], 'snippet page with a wrong address');
  await base.fill('https://cm.example/widget');
  await code.waitFor();
  assert.match(await code.inputValue(), /https:\/\/cm\.example\/widget\/embed-host\.js/);
  // A colour that fails contrast also holds the code back.
  await page.getByLabel('Link and accent colour (optional)').fill('#ffdd00');
  await page.locator('#cmm-embed-code-waiting').waitFor();
  await page.getByLabel('Link and accent colour (optional)').fill('#005a30');
  await code.waitFor();
  await page.context().close();
});
