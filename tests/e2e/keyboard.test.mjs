// Keyboard only, the three journeys: a council's quick check from start to results, a learner's
// assessment and a dated plan step, an SRO's shared results and board picture; Tab, Shift+Tab, Space, Enter and the
// arrow keys; a council's plan action with its owner, date and status; every stop has a visible focus indicator, and focus is never lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, loadFramework } from './helpers.mjs';
import { openWith } from './flows.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** Describes the focused element and whether its focus is visible. */
function focusState(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { lost: true };
    // Our focus style is the GOV.UK yellow (#ffdd00) as a background, outline or ring.
    const yellow = 'rgb(255, 221, 0)';
    let visible;
    if (el.matches('input[type=radio], input[type=checkbox]')) {
      const label = document.querySelector(`label[for="${el.id}"]`);
      visible = getComputedStyle(label, '::before').boxShadow.includes(yellow);
    } else {
      const s = getComputedStyle(el);
      visible = s.backgroundColor === yellow
        || (s.outlineStyle !== 'none' && s.outlineColor === yellow && s.outlineWidth !== '0px');
    }
    const text = (el.getAttribute('aria-label') || el.labels?.[0]?.innerText || el.innerText || '').trim();
    return { lost: false, tag: el.tagName, type: el.type, text, checked: el.checked, visible };
  });
}

/** Presses Tab until the focused element matches, checking each stop on the way. */
async function tabTo(page, matches, { back = false, limit = 60 } = {}) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focusState(page);
    assert.ok(!f.lost, 'focus must never fall back to the page body');
    assert.ok(f.visible, `focus must be visible on ${f.tag} "${f.text}"`);
    if (matches(f)) return f;
  }
  throw new Error('the wanted control was not reached by keyboard');
}

/** A button or link (navigation is links) whose text starts with `name`. */
const button = (name) => (f) => (f.tag === 'BUTTON' || f.tag === 'A') && f.text.startsWith(name);

/** Answers the first question of each of eight themes: `down` arrow presses from the first
 * rung, Space to confirm, then on to the next theme (or to check your answers). */
async function answerEightThemes(page, down) {
  for (let i = 0; i < 8; i++) {
    await page.locator('h1:focus').waitFor();
    await tabTo(page, (f) => f.type === 'radio');
    for (let n = 0; n < down; n++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    assert.ok((await focusState(page)).checked);
    await tabTo(page, button(i < 7 ? 'Next theme' : 'Check your answers'));
    await page.keyboard.press('Enter');
  }
}

test('a quick check can be completed and its results read with the keyboard alone', async () => {
  const page = await env.newPage({ viewport: { width: 375, height: 800 } });
  await page.goto(env.server.url);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();

  // Past the choice of framework (the council's is chosen) to the kind of assessment.
  await tabTo(page, (f) => f.type === 'radio' && f.text === 'Full assessment');
  await page.keyboard.press('ArrowDown');
  assert.equal((await focusState(page)).text, 'Quick check');
  assert.ok((await focusState(page)).checked, 'arrow keys choose the option');
  await tabTo(page, (f) => f.tag === 'INPUT' && f.text.startsWith('Council'));
  await page.keyboard.type('Keyboard Council');
  await tabTo(page, button('Start'));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Your assessment' }).waitFor();
  assert.equal((await focusState(page)).tag, 'H1', 'focus moves to the new heading');

  await tabTo(page, button('Continue'));
  await page.keyboard.press('Enter');
  // From the first rung, two steps down is level 3.
  await answerEightThemes(page, 2);
  await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
  assert.doesNotMatch(await page.locator('.cmm-app').innerText(), /Not answered/);
  await tabTo(page, button('See your results'));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  assert.match(await page.locator('.cmm-app').innerText(), /Overall level: 3\.0 \(Good\)/);

  // Export an image with the keyboard alone.
  await tabTo(page, button('Download the radar chart as PNG'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), /^contract-management-maturity-radar-\d{4}-\d{2}-\d{2}\.png$/);

  // Back up the page with Shift+Tab to the navigation (behind its Menu button at this width),
  // open it, and return to the overview.
  await tabTo(page, button('Menu'), { back: true });
  await page.keyboard.press('Enter');
  assert.equal(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded'), 'true');
  await tabTo(page, button('Overview'));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Your assessment' }).waitFor();
  assert.equal(await page.getByText('Completed').count(), 8);
  await page.screenshot({ path: 'test-results/keyboard-overview-375.png', fullPage: true });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a learner rates their practice and dates a step of their plan with the keyboard alone', async () => {
  const page = await env.newPage({ viewport: { width: 375, height: 800 } });
  await page.goto(env.server.url);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  // The council's framework is chosen first; the arrow key moves to the learner's.
  await tabTo(page, (f) => f.type === 'radio' && f.text.startsWith('Contract management maturity'));
  await page.keyboard.press('ArrowDown');
  assert.match((await focusState(page)).text, /^Contract management practice/);
  await tabTo(page, (f) => f.type === 'radio' && f.text === 'Full assessment');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, button('Start'));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Your assessment' }).waitFor();
  await tabTo(page, button('Continue'));
  await page.keyboard.press('Enter');
  await answerEightThemes(page, 1);
  await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
  await tabTo(page, button('See your results'));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();

  // The first step of the plan: its date typed in three fields, then ticked as done.
  await tabTo(page, (f) => f.tag === 'INPUT' && f.text === 'Day', { limit: 120 });
  await page.keyboard.type('31');
  await page.keyboard.press('Tab');
  await page.keyboard.type('3');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2027');
  await tabTo(page, (f) => f.type === 'checkbox' && f.text.startsWith('Done'));
  await page.keyboard.press('Space');
  await page.waitForTimeout(700);
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('cmm:data')));
  const steps = Object.values(saved.assessments[0].plan);
  assert.deepEqual(steps, [{ due: '2027-03-31', status: 'done' }]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an SRO opens shared results, their board summary and its picture with the keyboard alone', async () => {
  const owner = await env.newPage();
  await owner.goto(env.server.url);
  await owner.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await owner.getByRole('radio', { name: 'Quick check' }).check();
  await owner.getByRole('button', { name: 'Start', exact: true }).click();
  await owner.getByRole('button', { name: 'Continue' }).click();
  for (let i = 0; i < 8; i++) {
    await owner.locator('fieldset input[type=radio]').nth(2).check();
    await owner.getByRole('link', { name: i < 7 ? 'Next theme' : 'Check your answers' }).click();
  }
  await owner.getByRole('link', { name: 'See your results' }).click();
  await owner.getByRole('button', { name: 'Create a share link' }).click();
  const link = await owner.getByLabel('Share link').inputValue();
  await owner.context().close();

  const page = await env.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: 'Shared results' }).waitFor();
  await tabTo(page, button('Board summary (one page)'), { limit: 120 });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Board summary' }).waitFor();
  await tabTo(page, button('Download as a picture (PNG)'));
  const [picture] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(picture.suggestedFilename(), /\.png$/);
  await tabTo(page, button('Back to'));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Shared results' }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a council takes an action into its plan, gives it an owner, date and status, and downloads its reminders with the keyboard alone', async () => {
  const framework = await loadFramework();
  const answers = {};
  for (const theme of framework.themes) for (const q of theme.questions) answers[q.id] = { rating: 2 };
  const data = {
    schemaVersion: 4,
    assessments: [{
      id: 'now', frameworkId: framework.id, frameworkVersion: framework.version, kind: 'full',
      organisation: 'Keyboard Council', created: '2026-11-20T10:00:00.000Z', updated: '2026-11-20T10:00:00.000Z',
      answers, targets: Object.fromEntries(framework.themes.map((t) => [t.id, 4])),
    }],
  };
  const page = await env.newPage({ viewport: { width: 375, height: 800 } });
  await openWith(page, env.server.url, data, { current: 'now', route: 'results' });
  await page.getByRole('heading', { level: 2, name: 'Your improvement plan' }).waitFor();
  const question = framework.themes[0].questions[0].title;

  const add = await tabTo(page, (f) => f.type === 'checkbox' && f.text.startsWith('Add to the improvement plan'), { limit: 200 });
  assert.match(add.text, new RegExp(`for ${question.replace(/[?()]/g, '.')}$`), 'the first action is the first question’s');
  await page.keyboard.press('Space');
  assert.ok((await focusState(page)).checked, 'Space takes the action on');
  // Its fields appear after it, in order: owner, due date, status.
  await tabTo(page, (f) => f.tag === 'INPUT' && f.text.startsWith('Owner'), { limit: 3 });
  await page.keyboard.type('Head of Procurement');
  await tabTo(page, (f) => f.tag === 'INPUT' && f.text === 'Day', { limit: 3 });
  await page.keyboard.type('31');
  await page.keyboard.press('Tab');
  await page.keyboard.type('3');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2027');
  await tabTo(page, (f) => f.tag === 'SELECT' && f.text.startsWith('Status'), { limit: 3 });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.waitForTimeout(700);
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('cmm:data')));
  const step = saved.assessments[0].plan[framework.themes[0].questions[0].id];
  assert.deepEqual(
    { owner: step.owner, due: step.due, status: step.status, accepted: step.accepted, aim: step.aim },
    { owner: 'Head of Procurement', due: '2027-03-31', status: 'inProgress', accepted: true, aim: 3 },
  );
  assert.match(await page.locator('.cmm-cplan tbody').innerText(), /Head of Procurement/);

  // On to the plan's own controls: its reminders download with Enter.
  await tabTo(page, button('Download reminders (calendar file)'), { limit: 300 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), /\.ics$/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
