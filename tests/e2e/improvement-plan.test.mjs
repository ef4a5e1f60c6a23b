// A council's improvement plan: actions taken from the roadmap with an owner, a due date and a
// status, kept across a reload; colours worked out from the date and status; the board summary's
// counts and most overdue; the calendar file and the CSV read back; a reassessment carries the
// open actions and shows the one reached.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup, axe, loadFramework } from './helpers.mjs';
import { answersFor, answerTheme, download, openWith, press, savedData, seedStorage } from './flows.mjs';

let env;
let framework;
let dir;
before(async () => {
  env = await setup();
  framework = await loadFramework();
  dir = await mkdtemp(join(tmpdir(), 'cmm-cplan-'));
});
after(async () => { await env?.close(); });

/** A local date `offset` days from today, as the three fields and as YYYY-MM-DD. */
function day(offset) {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  const parts = [d.getDate(), d.getMonth() + 1, d.getFullYear()];
  const iso = `${parts[2]}-${String(parts[1]).padStart(2, '0')}-${String(parts[0]).padStart(2, '0')}`;
  return { parts: parts.map(String), iso };
}

function seeded() {
  const targets = Object.fromEntries(framework.themes.map((t) => [t.id, 4]));
  return {
    schemaVersion: 4,
    assessments: [{
      id: 'now', frameworkId: framework.id, frameworkVersion: framework.version, kind: 'full',
      organisation: 'Anytown Council', created: '2026-11-20T10:00:00.000Z', updated: '2026-11-20T10:00:00.000Z',
      answers: answersFor(framework, () => 2), targets,
    }],
  };
}

/** Takes a roadmap action into the plan and fills its fields. */
async function takeOn(page, question, { owner, due, status }) {
  await page.getByRole('checkbox', { name: `Add to the improvement plan for ${question}` }).check();
  await page.getByRole('textbox', { name: `Owner for ${question}` }).fill(owner);
  await page.getByRole('textbox', { name: `Owner for ${question}` }).press('Tab');
  const group = page.getByRole('group', { name: `Due date for ${question}` });
  await group.getByLabel('Day').fill(due.parts[0]);
  await group.getByLabel('Month').fill(due.parts[1]);
  await group.getByLabel('Year').fill(due.parts[2]);
  await group.getByLabel('Year').press('Tab');
  await page.getByRole('combobox', { name: `Status for ${question}` }).selectOption({ label: status });
}

const hostile = '<img src=x onerror="window.pwned=1">; Smith, J';

test('a council takes three actions into its plan, keeps them, sees their colours and downloads them', async () => {
  for (const width of [1280, 375]) {
    const page = await env.newPage({ reducedMotion: 'reduce', viewport: { width, height: 900 } });
    await openWith(page, env.server.url, seeded(), { current: 'now', route: 'results' });
    await page.getByRole('heading', { level: 2, name: 'Your improvement plan' }).waitFor();
    assert.match(await page.locator('.cmm-cplan').innerText(), /No actions are in the plan yet/);
    // Each action's help: the legislation its question cites, as ordinary https links.
    const links = page.locator('.cmm-roadmap__items .cmm-resources a');
    assert.ok(await links.count() > 5, 'actions link to the law they cite');
    const hrefs = await links.evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.rel, a.target]));
    for (const [href, rel, target] of hrefs) {
      assert.match(href, /^https:\/\/www\.(legislation\.gov\.uk|gov\.uk)\//);
      assert.equal(rel, 'noopener noreferrer');
      assert.equal(target, '');
    }
    const questions = framework.themes.slice(0, 3).map((t) => t.questions[0].title);
    const [late, soon, stuck] = [day(-1), day(10), day(90)];
    await takeOn(page, questions[0], { owner: 'Head of Procurement', due: soon, status: 'In progress' });
    await takeOn(page, questions[1], { owner: hostile, due: late, status: 'Not started' });
    await takeOn(page, questions[2], { owner: 'Contracts team', due: stuck, status: 'Blocked' });
    await page.getByRole('textbox', { name: `Note (optional) for ${questions[2]}` }).fill('Waiting for the new template');
    await page.getByRole('textbox', { name: `Note (optional) for ${questions[2]}` }).press('Tab');
    await page.locator('.cmm-roadmap__item', { has: page.locator('.cmm-cplan__fields') }).first()
      .screenshot({ path: `test-results/cplan-roadmap-item-${width}.png` });
    // Focus stays where the user is: the plan's fields are not redrawn under them.
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'INPUT');

    const plan = page.locator('.cmm-cplan');
    await plan.locator('tbody tr').nth(2).waitFor();
    assert.match(await plan.innerText(), /2 red, 1 amber, 0 green, 0 with no date/);
    const rows = await plan.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText.trim())));
    assert.equal(rows.length, 3);
    assert.match(rows[0][0], new RegExp(questions[1].replace(/[?()]/g, '.')), 'soonest due first');
    assert.equal(rows[0][1], hostile, 'the owner is shown as typed, as text');
    assert.deepEqual(rows.map((r) => r[4]), ['Red', 'Amber', 'Red']);
    assert.deepEqual(rows.map((r) => r[3]), ['Not started', 'In progress', 'Blocked']);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.match(await plan.innerText(), /worked out, never chosen/);
    // Filters: by status, then by owner; the choice keeps focus and the counts stay whole.
    const status = page.getByRole('combobox', { name: 'Status', exact: true });
    const chooser = await status.elementHandle();
    await status.focus();
    await status.selectOption({ label: 'Blocked' });
    await plan.getByText('Actions shown: 1 of 3.').waitFor();
    assert.equal(await plan.locator('tbody tr').count(), 1);
    assert.match(await plan.locator('tbody').innerText(), /Contracts team/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'cmm-cplan-filter-status');
    assert.ok(await chooser.evaluate((el) => el.isConnected), 'the filter is not drawn again when chosen');
    await status.selectOption({ label: 'Every status' });
    await page.getByRole('combobox', { name: 'Owner', exact: true }).selectOption({ label: 'Head of Procurement' });
    await plan.getByText('Actions shown: 1 of 3.').waitFor();
    assert.match(await plan.locator('tbody').innerText(), /Head of Procurement/);
    await page.getByRole('combobox', { name: 'Owner', exact: true }).selectOption({ label: 'Every owner' });
    await plan.locator('tbody tr').nth(2).waitFor();
    assert.match(await plan.innerText(), /2 red, 1 amber, 0 green, 0 with no date/);
    if (width === 375) {
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 375, `the plan reflows at 375 px (${wide} px)`);
    }
    assert.deepEqual(await axe(page), [], `results with a plan at ${width}`);
    await page.locator('.cmm-cplan').screenshot({ path: `test-results/cplan-${width}.png` });

    await page.waitForTimeout(700);
    const steps = (await savedData(page)).assessments[0].plan;
    const q0 = framework.themes[0].questions[0].id;
    assert.deepEqual(steps[q0], { due: soon.iso, status: 'inProgress', owner: 'Head of Procurement', accepted: true, aim: 3 });

    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Your improvement plan' }).waitFor();
    await plan.locator('tbody tr').nth(2).waitFor();
    assert.equal(await page.getByRole('textbox', { name: `Owner for ${questions[1]}` }).inputValue(), hostile);
    assert.equal(await page.getByRole('group', { name: `Due date for ${questions[0]}` }).getByLabel('Day').inputValue(), soon.parts[0]);
    assert.equal(await page.getByRole('combobox', { name: `Status for ${questions[2]}` }).inputValue(), 'Blocked');

    if (width === 1280) {
      const ics = await download(page, () => page.getByRole('button', { name: 'Download reminders (calendar file)' }).click(), dir);
      assert.match(ics.name, /reminders.*\.ics$/);
      const events = parseIcs(ics.text);
      assert.equal(events.length, 4, 'three actions and the reassessment');
      assert.deepEqual(events.slice(0, 3).map((e) => e['DTSTART;VALUE=DATE']), [late, soon, stuck].map((d) => d.iso.replaceAll('-', '')));
      assert.equal(events[3]['DTSTART;VALUE=DATE'], '20271120', 'reassess a year after the assessment');
      assert.match(events[0].DESCRIPTION, /Owner: <img src=x onerror="window.pwned=1">; Smith, J\./);

      const csv = await download(page, () => page.getByRole('button', { name: 'Download the plan (CSV)' }).click(), dir);
      assert.match(csv.name, /improvement-plan/);
      const lines = csv.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
      assert.equal(lines[0], 'Theme,Question,Level now,Next level,Action,Owner,Due,Status,Colour,Note (optional)');
      assert.equal(lines.length, 4);
      assert.match(lines[3], /Contracts team,\d{4}-\d\d-\d\d,Blocked,Red,Waiting for the new template$/);

      // On paper: the plan's table, without its controls.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await plan.locator('table').isVisible(), true, 'the plan is in the printed report');
      assert.equal(await page.getByRole('checkbox', { name: `Add to the improvement plan for ${questions[0]}` }).isVisible(), false);
      assert.equal(await plan.locator('.cmm-cplan__filters').isVisible(), false);
      await page.emulateMedia({ media: 'screen' });

      await page.getByRole('link', { name: 'Board summary (one page)' }).click();
      await page.getByRole('heading', { level: 1, name: 'Board summary' }).waitFor();
      const board = await page.locator('.cmm-board__plan').innerText();
      assert.match(board, /Actions: 2 red, 1 amber, 0 green, 0 with no date/);
      assert.match(board, /Most overdue/);
      assert.equal(await page.locator('.cmm-board__overdue li').count(), 1, 'only the one past its date');
      assert.match(board, /owner: <img src=x/);
      assert.deepEqual(await axe(page), [], 'board summary with a plan');
      if (width === 1280) {
        // The picture carries the plan too (its layout is tested natively; this one is kept to
        // be looked at).
        const png = await download(page, () => page.getByRole('button', { name: 'Download as a picture (PNG)' }).click(), dir);
        assert.deepEqual([...png.bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'PNG signature');
        assert.deepEqual([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)], [3200, 1800]);
        await copyFile(png.path, 'test-results/board-plan.png');
      }
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('a reassessment brings the open actions across and shows the one its answers reached', async () => {
  const page = await env.newPage({ reducedMotion: 'reduce' });
  const data = seeded();
  const [q0, q1, q2] = framework.themes.slice(0, 3).map((t) => t.questions[0]);
  data.assessments[0].plan = {
    [q0.id]: { due: '2027-03-31', status: 'inProgress', owner: 'Head of Procurement', accepted: true, aim: 3 },
    [q1.id]: { due: '2027-01-31', status: 'blocked', owner: 'Contracts team', accepted: true, aim: 3 },
    [q2.id]: { due: '2026-12-31', status: 'done', owner: 'Finance', accepted: true, aim: 3 },
  };
  await openWith(page, env.server.url, data, { current: 'now', route: 'assessments' });
  await page.getByRole('button', { name: /^Reassess/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Your assessment' }).waitFor();
  const saved = await savedData(page);
  const next = saved.assessments[1];
  assert.deepEqual(Object.keys(next.plan).sort(), [q0.id, q1.id].sort(), 'open actions come across; the done one stays');
  assert.equal(next.plan[q0.id].carried, true);

  // The council now answers level 3 on the first question: the action aimed at 3 is achieved.
  await press(page, framework.themes[0].title);
  await page.getByRole('heading', { level: 1, name: framework.themes[0].title }).waitFor();
  await answerTheme(page, 'Level 3', undefined, 1);
  await press(page, 'Results');
  await page.getByRole('heading', { level: 2, name: 'Your improvement plan' }).waitFor();
  const plan = page.locator('.cmm-cplan');
  await plan.locator('.cmm-cplan__achieved li').waitFor();
  const achieved = await plan.locator('.cmm-cplan__achieved').innerText();
  assert.match(achieved, new RegExp(`${q0.title.replace(/[?()]/g, '.')} \\(achieved since the last assessment\\)`));
  const rows = await plan.locator('tbody tr').count();
  assert.equal(rows, 1, 'the blocked action is still open');
  assert.match(await plan.locator('tbody').innerText(), /From the last assessment/);
  assert.deepEqual(await axe(page), [], 'plan after a reassessment');

  // Its next rung, taken on, starts fresh: nothing of the achieved step's owner or status.
  await page.getByRole('checkbox', { name: `Add to the improvement plan for ${q0.title}` }).check();
  assert.equal(await page.getByRole('textbox', { name: `Owner for ${q0.title}` }).inputValue(), '');
  assert.equal(await page.getByRole('combobox', { name: `Status for ${q0.title}` }).inputValue(), 'NotStarted');
  await page.waitForTimeout(700);
  const step = (await savedData(page)).assessments[1].plan[q0.id];
  assert.equal(step.aim, 4);
  assert.equal(step.accepted, true);
  assert.equal(step.owner, undefined);
  assert.equal(step.status, undefined);
  assert.deepEqual(step.earlier.map((e) => e.aim), [3], 'the rung reached is kept with it');
  // And the plan still says the rung reached was achieved.
  assert.match(await plan.locator('.cmm-cplan__achieved').innerText(),
    new RegExp(`${q0.title.replace(/[?()]/g, '.')} \\(achieved since the last assessment\\)`));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** A strict reading of the calendar file: CRLF lines of at most 75 octets, unfolded, events. */
function parseIcs(text) {
  assert.ok(text.endsWith('\r\n'));
  const raw = text.slice(0, -2).split('\r\n');
  for (const line of raw) assert.ok(Buffer.byteLength(line) <= 75, `line too long: ${line}`);
  const lines = [];
  for (const line of raw) {
    if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.equal(lines.at(-1), 'END:VCALENDAR');
  const events = [];
  let event;
  for (const line of lines) {
    const i = line.indexOf(':');
    const [name, value] = [line.slice(0, i), line.slice(i + 1)];
    if (line === 'BEGIN:VEVENT') event = {};
    else if (line === 'END:VEVENT') { events.push(event); event = undefined; }
    else if (event) {
      assert.ok(!/(^|[^\\])[;,]/.test(['SUMMARY', 'DESCRIPTION'].includes(name) ? value : ''), `unescaped in ${line}`);
      event[name] = value.replace(/\\([\\;,nN])/g, (_, c) => (c === 'n' || c === 'N' ? '\n' : c));
    }
  }
  return events;
}

test('in Welsh the plan, its colours, the rule and the fields are in Welsh', async () => {
  const page = await env.newPage({ reducedMotion: 'reduce' });
  const data = seeded();
  const [q0, q1] = framework.themes.slice(0, 2).map((t) => t.questions[0]);
  data.assessments[0].plan = {
    [q0.id]: { due: day(-3).iso, status: 'notStarted', owner: 'Pennaeth Caffael', accepted: true, aim: 3 },
    [q1.id]: { due: day(200).iso, status: 'done', owner: 'Cyllid', accepted: true, aim: 3 },
  };
  await seedStorage(page, env.server.url, { 'cmm:data': JSON.stringify(data), 'cmm:last': 'now', 'cmm:lang': 'cy' });
  await page.goto(`${env.server.url}#/results`);
  await page.getByRole('heading', { level: 2, name: 'Eich cynllun gweithredu' }).waitFor();
  const plan = page.locator('.cmm-cplan');
  await plan.locator('tbody tr').nth(1).waitFor();
  const text = await plan.innerText();
  assert.match(text, /1 coch, 0 ambr, 1 gwyrdd, 0 heb ddyddiad/);
  assert.match(text, /Caiff lliw pob cam ei gyfrifo, nid ei ddewis/);
  assert.match(text, /Heb ddechrau/);
  assert.match(text, /Wedi’i wneud/);
  assert.doesNotMatch(text, /\b(Owner|Due|Status|Colour|Red|Green|Not started|Done)\b/, 'no English left in the plan');
  const q0cy = (await loadFramework('framework.json', 'cy')).themes[0].questions[0].title;
  const due = page.getByRole('group', { name: `Dyddiad dyledus ar gyfer ${q0cy}` });
  assert.deepEqual(await due.locator('label').allInnerTexts(), ['Diwrnod', 'Mis', 'Blwyddyn']);
  assert.equal(await page.getByRole('textbox', { name: `Perchennog ar gyfer ${q0cy}` }).inputValue(), 'Pennaeth Caffael');
  assert.deepEqual(await axe(page), [], 'the plan in Welsh');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a council’s own resources file adds its templates to the actions; a foreign or unsafe one is refused with the reason', async () => {
  const q = framework.themes[0].questions[0];
  const good = {
    format: 'cm-maturity-resources', formatVersion: 1, languages: ['en', 'cy'],
    publisher: { en: 'Anytown Council', cy: 'Cyngor Anytown' },
    resources: [{ question: q.id, title: { en: 'Our tiering template', cy: 'Ein templed haenu' },
      url: 'https://intranet.anytown.gov.uk/tiering.docx', kind: 'template' }],
  };
  const bad = { ...good, resources: [{ ...good.resources[0], url: 'javascript:alert(1)' }] };
  const fetched = [];
  const open = async (resources, lang = 'en') => {
    const page = await env.newPage({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
    for (const [name, body] of [['good', good], ['bad', bad]]) {
      await page.route(`**/council-${name}.json`, (route) => { fetched.push(name); route.fulfill({ contentType: 'application/json', body: JSON.stringify(body) }); });
    }
    await page.route('https://evil.example/**', (route) => { fetched.push('evil'); route.abort(); });
    await seedStorage(page, env.server.url, { 'cmm:data': JSON.stringify(seeded()), 'cmm:last': 'now', 'cmm:lang': lang });
    await page.goto(`${env.server.url}?resources=${encodeURIComponent(resources)}#/results`);
    await page.getByRole('heading', { level: 2, name: lang === 'cy' ? 'Eich cynllun gwella' : 'Your improvement plan' }).waitFor();
    return page;
  };

  let page = await open('council-good.json');
  const link = page.getByRole('link', { name: 'Our tiering template (template, from Anytown Council)' }).first();
  assert.equal(await link.getAttribute('href'), 'https://intranet.anytown.gov.uk/tiering.docx');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(await page.getByRole('link', { name: /Our tiering template/ }).count(), 1, 'on its own question only');
  assert.match(await page.getByRole('note').first().innerText(), /The council’s own resources come from http:\/\/127\.0\.0\.1:\d+\/council-good\.json, not from this tool/);
  assert.deepEqual(await axe(page), [], 'results with a council’s resources');
  assert.deepEqual(page.errors, []);
  await page.context().close();

  page = await open('council-good.json', 'cy');
  await page.getByRole('link', { name: 'Ein templed haenu (templed; ffynhonnell: Cyngor Anytown)' }).first().waitFor();
  await page.context().close();

  page = await open('council-bad.json');
  const notice = page.getByText("Your council's own resources were not added");
  await notice.waitFor();
  assert.doesNotMatch(await page.locator('.cmm-app').innerText(), /resources come from/, 'a file not used is not named as a source');
  const text = await page.locator('.cmm-app').innerText();
  assert.match(text, /council-bad\.json has problems/);
  assert.match(text, /resources\[0\]\.url/);
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
  assert.ok(await page.locator('.cmm-roadmap__items .cmm-resources a').count() > 5, 'the framework’s own help is still there');
  await page.context().close();

  page = await open('https://evil.example/r.json');
  assert.match(await page.locator('.cmm-app').innerText(), /evil\.example\/r\.json.*another website/);
  assert.equal(await page.getByRole('link', { name: /Our tiering template/ }).count(), 0);
  await page.context().close();
  assert.deepEqual(fetched, ['good', 'good', 'bad'], 'nothing was fetched from another site');
});

test('a council’s resources file that fails when the council framework loads later (a learner’s assessment open first) still says why', async () => {
  const learner = await loadFramework('learner-framework.json');
  const page = await env.newPage({ reducedMotion: 'reduce' });
  await page.route('**/council-broken.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"format": "cm-maturity-resources", "formatVersion": 1,' }));
  const data = {
    schemaVersion: 4,
    assessments: [{
      id: 'mine', frameworkId: learner.id, frameworkVersion: learner.version, kind: 'full',
      created: '2026-11-20T10:00:00.000Z', updated: '2026-11-20T10:00:00.000Z', answers: answersFor(learner, () => 2),
    }],
  };
  await seedStorage(page, env.server.url, { 'cmm:data': JSON.stringify(data), 'cmm:last': 'mine' });
  await page.goto(`${env.server.url}?resources=council-broken.json#/overview`);
  await page.getByRole('heading', { level: 1, name: 'Your assessment' }).waitFor();
  assert.equal(await page.getByText("Your council's own resources were not added").count(), 0, 'not asked for yet');
  // The about page lists every framework, so the council's loads now, with its resources file.
  await press(page, 'About the questions');
  await page.getByRole('heading', { level: 1, name: 'About the questions' }).waitFor();
  await page.getByText("Your council's own resources were not added").waitFor();
  assert.match(await page.locator('.cmm-app').innerText(), /council-broken\.json/);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});
