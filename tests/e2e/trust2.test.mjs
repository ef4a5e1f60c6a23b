// Trust, second round: the cases a hostile or careless user found. Two tabs on one assessment,
// a panic with a note waiting, one council sent as five, counts recoverable by subtraction, a
// framework changed back and forth, another tenant's folder, long link text, many returns at
// once, characters SVG cannot hold, and the cases read in the code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtemp, mkdir, symlink, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setup, axe, loadFramework, DIST } from './helpers.mjs';
import { serve } from './server.mjs';
import { answersFor, download, openWith, press, savedData, seedStorage } from './flows.mjs';

let env;
let council;
before(async () => {
  env = await setup();
  council = await loadFramework();
});
after(async () => { await env?.close(); });

const q = (t, i = 0) => council.themes[t].questions[i].id;

function assessment(id, extra = {}) {
  return {
    id, frameworkId: council.id, frameworkVersion: council.version, kind: 'full',
    created: '2026-11-01T09:00:00.000Z', updated: '2026-11-01T09:00:00.000Z',
    organisation: 'Anytown Council', answers: {}, ...extra,
  };
}

/** Stops the app through the glue module's test hook, first writing `stored` (if given) into
 * the saved data where this tab cannot have seen it (a write in the same page fires no event). */
async function panicNow(page, stored) {
  await page.evaluate(async (value) => {
    const glue = await import(document.querySelector('link[rel=modulepreload]').href);
    if (value !== undefined) localStorage.setItem('cmm:data', value);
    try { glue.__cmmTestPanic(); } catch { /* the WebAssembly stops here */ }
  }, stored);
  await page.locator('.cmm-stopped').waitFor();
}

test('two tabs on one assessment: a note typed in one and an answer picked in the other are both kept', async () => {
  const first = await env.newPage();
  await openWith(first, env.server.url, { schemaVersion: 3, assessments: [assessment('shared')] }, { current: 'shared', route: `theme/${council.themes[0].id}` });
  await first.getByRole('heading', { level: 1, name: council.themes[0].title }).waitFor();
  const second = await first.context().newPage();
  await second.goto(`${env.server.url}#/theme/${council.themes[0].id}`);
  await second.getByRole('heading', { level: 1, name: council.themes[0].title }).waitFor();

  // The note waits a moment before it is saved; the other tab's answer is saved at once.
  await first.getByLabel(/Evidence or notes/).first().fill('Tiering rules approved in June');
  await second.locator('fieldset').nth(1).locator('input[type=radio]').nth(2).check();
  await second.getByText('Saved in this browser').waitFor();
  await first.waitForTimeout(1500);

  const stored = (await savedData(first)).assessments[0];
  assert.equal(stored.answers[q(0, 0)]?.note, 'Tiering rules approved in June', 'the note is saved');
  assert.equal(stored.answers[q(0, 1)]?.rating, 3, 'the other tab\'s answer is still saved');
  assert.ok(await second.locator('fieldset').nth(1).locator('input[type=radio]').nth(2).isChecked(), 'and still shown where it was picked');
  await first.waitForTimeout(300);
  assert.ok(await first.locator('fieldset').nth(1).locator('input[type=radio]').nth(2).isChecked(), 'and in the tab that typed the note');
  await first.context().close();
});

test('a panic while a note waits writes nothing over data from a newer version', async () => {
  const page = await env.newPage();
  await openWith(page, env.server.url, { schemaVersion: 3, assessments: [assessment('mine')] }, { current: 'mine', route: `theme/${council.themes[0].id}` });
  await page.getByRole('heading', { level: 1, name: council.themes[0].title }).waitFor();
  await page.getByLabel(/Evidence or notes/).first().fill('Typed just before the crash');
  const newer = JSON.stringify({ schemaVersion: 99, assessments: [], comesFrom: 'a newer version' });
  await panicNow(page, newer);
  assert.equal(await page.evaluate(() => localStorage.getItem('cmm:data')), newer, 'the newer data is untouched');
  assert.match(await page.locator('.cmm-stopped').innerText(), /could not be saved/);
  await page.context().close();
});

test('a panic while a note waits keeps an answer another tab saved meanwhile, and the note', async () => {
  const page = await env.newPage();
  await openWith(page, env.server.url, { schemaVersion: 3, assessments: [assessment('mine')] }, { current: 'mine', route: `theme/${council.themes[0].id}` });
  await page.getByRole('heading', { level: 1, name: council.themes[0].title }).waitFor();
  await page.getByLabel(/Evidence or notes/).first().fill('Typed just before the crash');
  // Another tab's save, written where this tab cannot have seen it yet.
  const other = { schemaVersion: 3, assessments: [assessment('mine', { answers: { [q(1)]: { rating: 4 } }, updated: '2026-12-01T09:00:00.000Z' })] };
  await panicNow(page, JSON.stringify(other));
  const stored = (await savedData(page)).assessments[0];
  assert.equal(stored.answers[q(1)]?.rating, 4, 'the other tab\'s answer is kept');
  assert.equal(stored.answers[q(0)]?.note, 'Typed just before the crash', 'the waiting note is saved');
  await page.context().close();
});

/** A return from `name` for assessment `id`, every question at `level`. */
function councilReturn(name, { id = name, assessed = '2026-01-10', level = 3, stage = 'after', context = {} } = {}) {
  return {
    format: 'cm-maturity-return', formatVersion: 1, made: `${assessed}T12:00:00Z`,
    frameworkId: council.id, frameworkVersion: council.version, organisation: name,
    context: { councilType: 'district', region: 'southWest', stage, ...context },
    assessmentId: id, assessed: `${assessed}T09:00:00Z`, kind: 'full',
    answers: Object.fromEntries(Object.entries(answersFor(council, () => level)).map(([k, a]) => [k, a.rating])),
  };
}

const asFile = (name, body) => ({ name, mimeType: 'application/json', buffer: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)) });

async function programmePage() {
  const page = await env.newPage({ reducedMotion: 'reduce' });
  await page.goto(`${env.server.url}#/programme`);
  await page.getByRole('heading', { level: 1, name: 'Programme benchmarks' }).waitFor();
  return page;
}

async function readReturns(page, files) {
  await page.getByLabel("Councils' returns").setInputFiles(files);
  await page.getByText(/^Using [\d,]+ returns? from/).waitFor({ timeout: 60000 });
  return page.locator('.cmm-app').innerText();
}

test('one return sent five times with invisible characters in the name counts as one council', async () => {
  const page = await programmePage();
  const names = ['Anytown Council', 'Anytown\u200b Council', 'Any\u00adtown Council', 'ANYTOWN  COUNCIL\ufeff', 'Anytown\u2060 Council'];
  const text = await readReturns(page, names.map((n, i) => asFile(`r${i}.json`, councilReturn(n, { id: 'one-assessment' }))));
  assert.match(text, /from 1 council\b/);
  assert.match(text, /There is no benchmark yet/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an export of unnamed assessments is refused from the figures, with the reason', async () => {
  const page = await programmePage();
  const unnamed = {
    format: 'cm-maturity-export', formatVersion: 1, appVersion: '0.1.0', exported: '2026-11-01T09:00:00Z',
    assessments: [1, 2, 3, 4, 5].map((n) => assessment(`a${n}`, { organisation: '', answers: answersFor(council, () => 3) })),
  };
  const text = await readReturns(page, [asFile('five.json', unnamed)]);
  assert.match(text, /five\.json: .*(does not name its|do not name their) council/);
  assert.match(text, /There is no benchmark yet/);
  await page.context().close();
});

test('no count below five can be worked out from the totals or the other counts', async () => {
  const page = await programmePage();
  const files = [];
  // Six councils rise from 2 to 3; a seventh falls from 4 to 2.
  for (let n = 1; n <= 6; n++) {
    files.push(asFile(`c${n}a.json`, councilReturn(`Council ${n}`, { id: `c${n}a`, assessed: '2025-01-10', level: 2, stage: 'before' })));
    files.push(asFile(`c${n}b.json`, councilReturn(`Council ${n}`, { id: `c${n}b`, assessed: '2026-01-10', level: 3, stage: 'after' })));
  }
  files.push(asFile('c7a.json', councilReturn('Council 7', { id: 'c7a', assessed: '2025-01-10', level: 4, stage: 'before' })));
  files.push(asFile('c7b.json', councilReturn('Council 7', { id: 'c7b', assessed: '2026-01-10', level: 2, stage: 'after' })));
  await readReturns(page, files);
  const rose = await page.getByRole('row', { name: /^Rose/ }).innerText();
  const fell = await page.getByRole('row', { name: /^Fell/ }).innerText();
  assert.doesNotMatch(fell, /\b1\b/, `fell: ${fell}`);
  assert.doesNotMatch(rose, /\b6\b|86%/, `rose (7 minus it would give the hidden count): ${rose}`);
  const beforeRow = await page.getByRole('row', { name: /^Before starting the programme/ }).innerText();
  assert.doesNotMatch(beforeRow.replace(/\(7 councils\)/, ''), /\b6\b/, `before: ${beforeRow}`);
  assert.match(await page.locator('.cmm-app').innerText(), /so that a hidden count cannot be worked out/);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test('a group that differs from all councils by fewer than five is not published beside it', async () => {
  const page = await programmePage();
  const files = [];
  for (let n = 1; n <= 6; n++) {
    const region = n === 6 ? 'southEast' : 'london';
    files.push(asFile(`c${n}.json`, councilReturn(`Council ${n}`, { level: 1 + (n % 3), context: { region } })));
  }
  await readReturns(page, files);
  const file = await download(page, () => page.getByRole('button', { name: 'Download the benchmark file' }).click());
  const ids = JSON.parse(file.text).benchmarks.map((b) => b.id);
  assert.ok(ids.includes('programme-all'), ids.join());
  assert.ok(!ids.includes('programme-region-london'), `London (5) differs from all (6) by one council: ${ids.join()}`);
  await page.context().close();
});

test('a return dated in the future is refused with the reason', async () => {
  const page = await programmePage();
  const text = await readReturns(page, [asFile('future.json', councilReturn('Anytown', { assessed: '2999-01-10' }))]);
  assert.match(text, /future\.json: .*in the future/);
  await page.context().close();
});

test('a thousand returns are read with a progress bar, and too many files are refused with a reason', async () => {
  const page = await programmePage();
  const files = [];
  for (let n = 0; n < 1000; n++) files.push(asFile(`r${n}.json`, councilReturn(`Council ${n}`, { level: 1 + (n % 5) })));
  // Everything the page says while it works, as it says it (the bar and the words come and go).
  await page.evaluate(() => {
    window.__seen = { bars: [], words: new Set() };
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('progress')) window.__seen.bars.push([bar.value, bar.max]);
      for (const s of document.querySelectorAll('[role="status"]')) window.__seen.words.add(s.textContent.trim());
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.getByLabel("Councils' returns").setInputFiles(files);
  await page.getByText(/Using 1,?000 returns from 1,?000 councils/).waitFor({ timeout: 60000 });
  assert.match(await page.locator('.cmm-app').innerText(), /All programme councils: 1,?000 councils/);
  const seen = await page.evaluate(() => ({ bars: window.__seen.bars, words: [...window.__seen.words] }));
  assert.ok(seen.bars.some(([value, max]) => max === 1000 && value > 0 && value < 1000), `the bar moved part way: ${JSON.stringify(seen.bars.slice(0, 5))}`);
  assert.ok(seen.words.some((w) => /^Reading files: \d[\d,]* of 1,000/.test(w)), `the files were counted aloud: ${seen.words}`);
  assert.ok(seen.words.includes('Working out the figures…'), `the figures were said to be under way: ${seen.words}`);
  assert.equal(await page.getByRole('progressbar').count(), 0, 'the bar goes when reading ends');
  await page.context().close();

  const again = await programmePage();
  const many = [];
  for (let n = 0; n < 10001; n++) many.push(asFile(`r${n}.json`, '{}'));
  await again.getByLabel("Councils' returns").setInputFiles(many);
  await again.getByText(/at most 10,?000 files/).waitFor({ timeout: 60000 });
  await again.context().close();

  // More than 100 MB chosen together is refused whole, before anything is read.
  const large = await programmePage();
  await large.getByLabel("Councils' returns").evaluate((input) => {
    const chosen = new DataTransfer();
    for (const name of ['a.json', 'b.json']) chosen.items.add(new File([new Uint8Array(51 * 1024 * 1024)], name));
    input.files = chosen.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await large.getByText(/more than 100 MB together/).waitFor({ timeout: 20000 });
  assert.doesNotMatch(await large.locator('.cmm-app').innerText(), /Using \d+ returns/);
  assert.equal(await large.getByRole('progressbar').count(), 0, 'nothing was read');
  await large.context().close();
});

/** A site with the widget in /cm/ and another tenant's folder beside it. */
async function sharedHost() {
  const dir = await mkdtemp(join(tmpdir(), 'cmm-host-'));
  await symlink(resolve(DIST), join(dir, 'cm'));
  await mkdir(join(dir, 'other'));
  const foreign = JSON.parse(await readFile(join(DIST, 'data/framework.json'), 'utf8'));
  foreign.title = { en: 'Another tenant’s questions', cy: 'Cwestiynau tenant arall' };
  await writeFile(join(dir, 'other', 'framework.json'), JSON.stringify(foreign));
  return serve(dir);
}

test('a link cannot load a framework from another folder of the same site', async () => {
  const host = await sharedHost();
  const page = await env.newPage();
  for (const link of ['/other/framework.json', '../other/framework.json', 'data/%2e%2e/%2e%2e/other/framework.json']) {
    await page.goto(`${host.url}cm/?framework=${encodeURIComponent(link)}`);
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
    const text = await page.locator('.cmm-app').innerText();
    assert.match(text, /is not in this tool.s own folder/, link);
    assert.doesNotMatch(text, /Another tenant/, link);
  }
  assert.ok(!host.requests.includes('/other/framework.json'), 'the other folder is never asked');
  await page.context().close();
  await host.close();
});

test('a link\'s long text is cut short and shown as code, in the settings notice and the start-up failure', async () => {
  const long = `<b>${'x'.repeat(1650)}</b>`;
  const page = await env.newPage();
  await page.goto(`${env.server.url}?lang=${encodeURIComponent(long)}`);
  const notice = page.getByRole('status').filter({ hasText: 'Some settings for this assessment were not used' });
  await notice.waitFor();
  assert.ok((await notice.innerText()).length < 400, 'the notice stays short');
  const code = notice.locator('code');
  assert.ok((await code.first().innerText()).length <= 61);
  assert.equal(await notice.locator('b').count(), 0);

  await page.goto(`${env.server.url}?namespace=${encodeURIComponent(long)}`);
  const failure = page.locator('.cmm-error-summary');
  await failure.waitFor();
  assert.ok((await failure.innerText()).length < 400, 'the failure message stays short');
  assert.ok((await failure.locator('code').first().innerText()).length <= 61);
  await page.context().close();
});

test('a framework changed back and forth keeps the answers the user gave to a split question\'s successors', async () => {
  const page = await env.newPage();
  const [a, b] = [q(6, 0), q(6, 1)];
  const newer = JSON.parse(JSON.stringify(council));
  newer.version = '9.1.0';
  newer.carryOver = [...(newer.carryOver ?? []), { from: 'old-combined', to: [a, b] }];
  const older = JSON.parse(JSON.stringify(council));
  older.version = '9.0.0';
  const theme = older.themes[6];
  theme.questions = [{ ...theme.questions[0], id: 'old-combined', formerIds: [] }, ...theme.questions.slice(2)];
  older.quickCheck = older.quickCheck.map((id) => (id === a || id === b ? 'old-combined' : id));
  older.carryOver = [];
  for (const [name, body] of [['newer', newer], ['older', older]]) {
    await page.route(`**/data/${name}.json`, (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(body) }));
  }
  const mine = assessment('mine', {
    frameworkVersion: '9.1.0',
    answers: { [a]: { rating: 5, note: 'Our own answer' }, [b]: { rating: 4 } },
    setAside: [{ questionId: 'old-combined', frameworkVersion: '9.0.0', answer: { rating: 2 } }],
  });
  await openWith(page, env.server.url, { schemaVersion: 3, assessments: [mine] }, { current: 'mine' });
  const openIt = async (link) => {
    await page.goto(`${env.server.url}?framework=${link}#/assessments`);
    await page.getByRole('heading', { level: 1, name: 'Your assessments' }).waitFor();
    await page.getByRole('button', { name: /^Open/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Your assessment' }).waitFor();
  };
  await openIt('data/older.json');
  await openIt('data/newer.json');
  const kept = (await savedData(page)).assessments[0].answers;
  assert.equal(kept[a]?.rating, 5);
  assert.equal(kept[a]?.note, 'Our own answer');
  assert.equal(kept[b]?.rating, 4);
  await page.context().close();
});

test('a link naming a framework does not change saved data by being opened', async () => {
  const page = await env.newPage();
  const renamed = JSON.parse(JSON.stringify(council));
  renamed.version = '9.2.0';
  renamed.themes[0].questions[0] = { ...renamed.themes[0].questions[0], id: 'renamed-first', formerIds: [q(0)] };
  renamed.quickCheck = renamed.quickCheck.map((id) => (id === q(0) ? 'renamed-first' : id));
  await page.route('**/data/renamed.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(renamed) }));
  const data = JSON.stringify({ schemaVersion: 3, assessments: [assessment('mine', { answers: { [q(0)]: { rating: 3 } } })] });
  await seedStorage(page, env.server.url, { 'cmm:data': data, 'cmm:last': 'mine' });
  await page.goto(`${env.server.url}?framework=data/renamed.json#/overview`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => localStorage.getItem('cmm:data')), data, 'opening a link writes nothing');
  await page.context().close();
});

test('an "expectation" benchmark cannot carry figures from councils', async () => {
  const page = await env.newPage();
  const file = JSON.parse(await readFile(join(DIST, 'data/benchmarks.json'), 'utf8'));
  const sneaky = {
    ...file,
    benchmarks: [{
      id: 'two-councils', title: 'Two councils', kind: 'expectation', source: 'Two councils', date: '2026-11-01',
      themes: council.themes.map((t) => ({ id: t.id, median: 2.35, lowerQuartile: 2.1, upperQuartile: 2.6 })),
    }],
  };
  await page.route('**/data/sneaky.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(sneaky) }));
  await openWith(page, env.server.url, { schemaVersion: 3, assessments: [assessment('mine', { answers: answersFor(council, () => 3) })] }, { current: 'mine' });
  await page.goto(`${env.server.url}?benchmarks=data/sneaky.json#/results`);
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  await page.getByText(/an expectation is a level the framework describes/).waitFor();
  assert.doesNotMatch(await page.locator('.cmm-app').innerText(), /Two councils/);
  await page.context().close();
});

test('text a user typed is never read as a placeholder', async () => {
  const page = await env.newPage();
  await openWith(page, env.server.url, { schemaVersion: 3, assessments: [assessment('mine', { organisation: '{name}' })] }, { current: 'mine', route: 'assessments' });
  await page.getByRole('heading', { level: 1, name: 'Your assessments' }).waitFor();
  assert.match(await page.locator('.cmm-history').innerText(), /\{name\}: Assessment started 1 November 2026/);
  await page.context().close();
});

test('the board summary picture downloads when the organisation name holds characters SVG cannot', async () => {
  const page = await env.newPage();
  const name = 'Any\uffff\ufffetown\u0001 Council';
  await openWith(page, env.server.url, { schemaVersion: 3, assessments: [assessment('mine', { organisation: name, answers: answersFor(council, () => 3) })] }, { current: 'mine', route: 'board' });
  await page.getByRole('button', { name: 'Download as a picture (PNG)' }).waitFor();
  const png = await download(page, () => page.getByRole('button', { name: 'Download as a picture (PNG)' }).click());
  assert.equal(png.bytes.subarray(1, 4).toString('latin1'), 'PNG');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a content file without a length is cut off at the size limit, not read to the end', async () => {
  // A server that never stops sending (no Content-Length), beside the release.
  const inner = await serve(DIST);
  const server = createServer((req, res) => {
    if (req.url.startsWith('/data/endless.json')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const push = () => { if (!res.destroyed) res.write(chunk, () => setTimeout(push, 1)); };
      res.write('{"pad":"');
      push();
      return;
    }
    fetch(`${inner.url}${req.url.slice(1)}`, { headers: { 'accept-encoding': 'identity' } }).then(async (r) => {
      res.writeHead(r.status, Object.fromEntries([...r.headers].filter(([k]) => k !== 'content-encoding' && k !== 'content-length')));
      res.end(Buffer.from(await r.arrayBuffer()));
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}/`;
  const page = await env.newPage();
  await page.goto(`${url}?framework=data/endless.json`);
  await page.getByText(/endless\.json is larger than the 2 MB this tool reads\./).waitFor({ timeout: 15000 });
  await page.context().close();
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
  await inner.close();
});

test('the tool\'s own page has a strict Content-Security-Policy and runs under it', async () => {
  const page = await env.newPage();
  const violations = [];
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text()); });
  await page.goto(env.server.url);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /default-src 'self'/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
  assert.deepEqual(violations, []);
  await page.context().close();
});
