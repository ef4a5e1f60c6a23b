// The Word report, the Excel workbook and the board summary document, downloaded in English and
// in Welsh and read back through a zip reader (Python's zipfile): headings in Word's heading
// styles, header rows marked, both charts as real PNGs with their text alternatives, the
// document's language, a hostile name escaped; the workbook's sheets, the plan's status list,
// colour rules and native radar. The first screen does not load the writers' modules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup, loadFramework, DIST } from './helpers.mjs';
import { answersFor, download, openWith, press } from './flows.mjs';

let env;
let framework;
let en;
let cy;
let dir;
before(async () => {
  env = await setup();
  framework = await loadFramework();
  en = JSON.parse(await readFile(`${DIST}/data/text/en.json`, 'utf8'));
  cy = JSON.parse(await readFile(`${DIST}/data/text/cy.json`, 'utf8'));
  dir = await mkdtemp(join(tmpdir(), 'cmm-office-'));
});
after(async () => { await env?.close(); });

const HOSTILE = 'Anytown <img src=x onerror="window.pwned=1"> & Sons';

function seeded() {
  const ids = framework.themes.flatMap((t) => t.questions.map((q) => q.id));
  const answers = answersFor(framework, (theme, q, i) => 2 + (i % 2));
  answers[ids[0]].note = '=HYPERLINK("http://evil.example","x")';
  return {
    schemaVersion: 4,
    assessments: [{
      id: 'now', frameworkId: framework.id, frameworkVersion: framework.version, kind: 'full',
      organisation: HOSTILE, created: '2026-11-20T10:00:00.000Z', updated: '2026-11-20T10:00:00.000Z',
      answers,
      plan: { [ids[0]]: { accepted: true, owner: 'Contracts lead', due: '2026-01-15', status: 'inProgress', aim: 3 } },
    }],
  };
}

/** The named parts of a zip file, as text (or, for binary parts, their size and first bytes). */
function parts(path, names) {
  const script = `
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
out = {"names": z.namelist()}
for n in sys.argv[2:]:
    out[n] = z.read(n).decode("utf-8")
media = [n for n in z.namelist() if n.startswith("word/media/") and not n.endswith("/")]
out["media"] = [[n, len(z.read(n)), z.read(n)[:8].hex()] for n in media]
print(json.dumps(out))`;
  return JSON.parse(execFileSync('python3', ['-c', script, path, ...names], { maxBuffer: 64 << 20 }).toString());
}

const attributes = (xml, element, attribute) =>
  [...xml.matchAll(new RegExp(`<${element} [^>]*${attribute}="([^"]*)"`, 'g'))].map((m) => m[1]);
const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

for (const [lang, words] of [['en', () => en], ['cy', () => cy]]) {
  test(`the Word report and Excel workbook download and read back (${lang})`, async () => {
    const t = words();
    const page = await env.newPage({ reducedMotion: 'reduce' });
    const wasm = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
    await openWith(page, `${env.server.url}?lang=${lang}`, seeded(), { current: 'now', route: 'results' });
    await page.getByRole('heading', { level: 1, name: t.results_heading }).waitFor();
    await page.locator('.cmm-chart svg').nth(1).waitFor();
    const before = wasm.length;

    const word = await download(page, () => press(page, t.office_docx_download), dir);
    assert.match(word.name, new RegExp(`^${t.file_prefix}-2026-11-20\\.docx$`));
    assert.ok(wasm.length > before, 'the writer came as a module of its own, when asked for');
    const doc = parts(word.path, ['word/document.xml', 'word/styles.xml', 'docProps/core.xml']);
    const body = doc['word/document.xml'];
    assert.ok(doc['word/styles.xml'].includes('<w:name w:val="heading 1" />'));
    for (const heading of [t.board_overall_label, t.office_answers_heading, t.cplan_heading, t.charts_and_figures_heading, t.roadmap_heading]) {
      assert.match(body, new RegExp(`<w:pStyle w:val="Heading2" />.*?${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), heading);
    }
    assert.equal((body.match(/<w:tblHeader \/>/g) ?? []).length, (body.match(/<w:tbl>/g) ?? []).length, 'every table has its header row marked');
    // Both charts as real pictures, each with its own id and its text alternative.
    assert.equal(doc.media.length, 2, JSON.stringify([doc.media, doc.names]));
    for (const [, size, head] of doc.media) {
      assert.equal(head, '89504e470d0a1a0a', 'a PNG');
      assert.ok(size > 10_000, `a drawn chart, not a blank (${size} bytes)`);
    }
    const benchmark = (await page.locator('.cmm-chart').first().getAttribute('aria-label')) ?? '';
    const alts = attributes(body, 'wp:docPr', 'descr').map(unescape);
    assert.equal(alts.length, 2);
    assert.equal(alts[0], benchmark, 'the radar is described as on screen');
    assert.deepEqual([...new Set(attributes(body, 'wp:docPr', 'id'))].length, 2);
    const tag = lang === 'cy' ? 'cy-GB' : 'en-GB';
    assert.ok(doc['word/styles.xml'].includes(`<w:lang w:val="${tag}"`), 'the document language');
    assert.ok(doc['docProps/core.xml'].includes(`<dc:language>${tag}</dc:language>`));
    assert.ok(!body.includes('<img') && body.includes('&lt;img'), 'the name is text, never markup');

    const excel = await download(page, () => press(page, t.office_xlsx_download), dir);
    assert.match(excel.name, /\.xlsx$/);
    const book = parts(excel.path, ['xl/workbook.xml', 'xl/worksheets/sheet4.xml', 'xl/charts/chart1.xml', 'xl/sharedStrings.xml']);
    const sheets = attributes(book['xl/workbook.xml'], 'sheet', 'name').map(unescape);
    assert.deepEqual(sheets, [t.summary_heading, t.office_sheet_answers, t.themes_heading, t.office_sheet_plan]);
    const plan = book['xl/worksheets/sheet4.xml'];
    assert.ok(plan.includes('<dataValidation type="list"'), 'status from a list');
    assert.ok(plan.includes(`&quot;${t.plan_status_done}&quot;`) || plan.includes(`"${t.plan_status_done}"`), 'the colour formula uses the words shown');
    assert.ok(book['xl/charts/chart1.xml'].includes('<c:radarChart>'));
    assert.ok(book['xl/sharedStrings.xml'].includes('=HYPERLINK('), 'the note is kept as typed, as text');
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('the board summary downloads as a one-page Word document with its radar', async () => {
  const page = await env.newPage({ reducedMotion: 'reduce' });
  await openWith(page, env.server.url, seeded(), { current: 'now', route: 'board' });
  await page.getByRole('heading', { level: 1, name: en.board_heading }).waitFor();
  await page.locator('.cmm-chart svg').first().waitFor();
  const word = await download(page, () => press(page, en.office_board_docx), dir);
  assert.match(word.name, /board-summary-2026-11-20\.docx$/);
  const doc = parts(word.path, ['word/document.xml']);
  const body = doc['word/document.xml'];
  assert.equal(doc.media.length, 1);
  assert.deepEqual(attributes(body, 'wp:docPr', 'descr').map(unescape), [en.board_chart_label]);
  assert.ok(body.includes(en.board_footer.split(':')[0]), 'how the figures were made');
  assert.equal((body.match(/<w:tblHeader \/>/g) ?? []).length, 1, 'the figures table');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a learner downloads a development plan document and workbook', async () => {
  const learner = await loadFramework('learner-framework.json');
  const page = await env.newPage({ reducedMotion: 'reduce' });
  const data = {
    schemaVersion: 4,
    assessments: [{
      id: 'me', frameworkId: learner.id, frameworkVersion: learner.version, kind: 'full',
      created: '2026-11-20T10:00:00.000Z', updated: '2026-11-20T10:00:00.000Z',
      answers: answersFor(learner, () => 2),
    }],
  };
  await openWith(page, env.server.url, data, { current: 'me', route: 'results' });
  await page.getByRole('heading', { level: 1, name: en.results_heading }).waitFor();
  await page.locator('.cmm-chart svg').nth(1).waitFor();
  const word = await download(page, () => press(page, en.office_docx_download), dir);
  const body = parts(word.path, ['word/document.xml'])['word/document.xml'];
  assert.ok(body.includes(en.plan_heading), 'the development plan');
  assert.ok(!body.includes(en.cplan_heading), 'not a council plan');
  const excel = await download(page, () => press(page, en.office_xlsx_download), dir);
  const book = parts(excel.path, ['xl/workbook.xml']);
  assert.deepEqual(attributes(book['xl/workbook.xml'], 'sheet', 'name'),
    [en.summary_heading, en.office_sheet_answers, en.themes_heading, en.office_sheet_plan]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
