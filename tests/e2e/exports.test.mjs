// Files out and in: backups that import back, import errors, CSV, chart images, the print report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup, axe, loadFramework } from './helpers.mjs';
import { download, openWith, press, savedData } from './flows.mjs';

let env;
let framework;
let dir;
before(async () => {
  env = await setup();
  framework = await loadFramework();
  dir = await mkdtemp(join(tmpdir(), 'cmm-'));
});
after(async () => { await env?.close(); });

function seeded() {
  const base = { frameworkId: 'cmm-default', frameworkVersion: framework.version, kind: 'full', organisation: 'Anytown Council' };
  const answers = (level) => Object.fromEntries(framework.themes.flatMap((t) => t.questions.map((q) => [q.id, { rating: level }])));
  const now = answers(3);
  now['gov-tiering'] = { rating: 4, note: 'Board paper, "Tiering", May 2026; =SUM(A1)' };
  now['ppl-roles'] = { rating: 'dontKnow' };
  return JSON.stringify({
    schemaVersion: 3,
    assessments: [
      { ...base, id: 'before', created: '2025-11-20T10:00:00.000Z', updated: '2025-11-20T10:00:00.000Z', answers: answers(2) },
      { ...base, id: 'now', created: '2026-11-20T10:00:00.000Z', updated: '2026-11-20T10:00:00.000Z', answers: now },
    ],
  });
}


async function openAt(page, route) {
  await openWith(page, env.server.url, seeded(), { current: 'now', route });
}

test('a backup downloads, imports into an empty browser after a preview, and is recognised the second time', async () => {
  const page = await env.newPage();
  await openAt(page, 'assessments');
  await page.getByRole('heading', { level: 1, name: 'Your assessments' }).waitFor();
  const backup = await download(page, () => page.getByRole('button', { name: 'Download a backup of all assessments' }).click(), dir);
  assert.match(backup.name, /^contract-management-maturity-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const one = await download(page, () => page.getByRole('button', { name: /^Download Anytown Council: Assessment started 20 November 2026/ }).click(), dir);
  assert.equal(one.name, 'contract-management-maturity-2026-11-20.json');
  assert.equal(JSON.parse(one.bytes).assessments.length, 1);
  await page.context().close();

  const fresh = await env.newPage();
  await fresh.goto(env.server.url);
  await press(fresh, 'Your assessments');
  await fresh.getByLabel('Choose a file exported from this tool').setInputFiles(backup.path);
  const preview = fresh.getByRole('status').filter({ hasText: 'holds' });
  await preview.waitFor();
  assert.match(await preview.innerText(), new RegExp(`${backup.name} holds 2 assessments, 20 November 2025 and 20 November 2026\\.`));
  assert.equal(await savedData(fresh), null, 'nothing changes before confirming');
  assert.deepEqual(await axe(fresh), [], 'import preview');
  await fresh.getByRole('button', { name: 'Import', exact: true }).click();
  await fresh.getByText('Imported. New: 2. Kept as separate copies: 0. Already here: 0.').waitFor();
  const data = await savedData(fresh);
  assert.deepEqual(data.assessments.map((a) => a.id).sort(), ['before', 'now']);
  assert.equal(data.assessments.find((a) => a.id === 'now').answers['gov-tiering'].note, 'Board paper, "Tiering", May 2026; =SUM(A1)');

  await fresh.getByLabel('Choose a file exported from this tool').setInputFiles(backup.path);
  await fresh.getByText('Already in this browser: will be left as it is').first().waitFor();
  await fresh.getByRole('button', { name: 'Import', exact: true }).click();
  await fresh.getByText('Imported. New: 0. Kept as separate copies: 0. Already here: 2.').waitFor();
  assert.equal((await savedData(fresh)).assessments.length, 2);
  await fresh.context().close();
});

test('bad import files are refused with an error summary, shown as text, and nothing changes', async () => {
  const page = await env.newPage();
  await openAt(page, 'assessments');
  await page.getByRole('heading', { level: 1, name: 'Your assessments' }).waitFor();
  const before = await savedData(page);
  const cases = [
    ['<b>broken.json', '{"format": "cm-maturity-export", ', /<b>broken\.json: The file is not a readable export/],
    ['future.json', JSON.stringify({ format: 'cm-maturity-export', formatVersion: 9, assessments: [] }), /newer version of this tool \(export format 9\)/],
    ['other.json', JSON.stringify({ format: 'cm-maturity-export', formatVersion: 1, appVersion: '1', exported: 'x', assessments: [{
      id: 'x', frameworkId: 'someone-else', frameworkVersion: '1', kind: 'full', created: 't', updated: 't', answers: {} }] }),
      /framework this tool does not have \("someone-else"\)/],
    ['big.json', `{"format":"cm-maturity-export","pad":"${'x'.repeat(5 * 1024 * 1024)}"}`, /too large/],
    ['photo.json', 'not json at all', /not a readable export/],
  ];
  for (const [name, content, message] of cases) {
    const path = join(dir, name);
    await writeFile(path, content);
    await page.getByLabel('Choose a file exported from this tool').setInputFiles(path);
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    await summary.getByText(message).waitFor();
    assert.equal(await page.locator('.cmm-error-summary b').count(), 0, 'file text is never markup');
  }
  assert.deepEqual(await axe(page), [], 'import error');
  assert.deepEqual(await savedData(page), before, 'nothing was changed by a bad file');
  await page.context().close();
});

test('results download as CSV, PNG and SVG with names and content that say what they are', async () => {
  const page = await env.newPage({ reducedMotion: 'reduce' });
  await openAt(page, 'results');
  await page.locator('.cmm-chart svg').nth(1).waitFor();

  const csv = await download(page, () => page.getByRole('button', { name: 'Download your answers (CSV)' }).click(), dir);
  assert.equal(csv.name, 'contract-management-maturity-2026-11-20.csv');
  const text = csv.bytes.toString('utf8').replace(/^\uFEFF/, '');
  const lines = text.split('\r\n').filter(Boolean);
  assert.equal(lines[0], 'Theme,Question,Level,Level name,Answer,Note');
  assert.equal(lines.length, 1 + framework.themes.reduce((n, t) => n + t.questions.length, 0));
  const tiering = framework.themes[0].questions[0].levels[3].statement;
  assert.ok(lines[1].startsWith(`Governance and planning,Contract tiering,4,Better,"${tiering}`) || lines[1].startsWith(`Governance and planning,Contract tiering,4,Better,${tiering}`), lines[1]);
  assert.ok(lines[1].endsWith(',"Board paper, ""Tiering"", May 2026; =SUM(A1)"'), lines[1]);
  assert.match(lines.find((l) => l.startsWith('People and capability')), /,Don't know,$/);

  const png = await download(page, () => page.getByRole('button', { name: 'Download the radar chart as PNG' }).click(), dir);
  assert.equal(png.name, 'contract-management-maturity-radar-2026-11-20.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(png.bytes.readUInt32BE(16), 2000, 'twice the width');
  assert.equal(png.bytes.readUInt32BE(20), 1440, 'twice the height');
  // The corner pixel is white, not transparent: decode it in the browser.
  const corner = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    return [...g.getImageData(2, 2, 1, 1).data];
  }, png.bytes.toString('base64'));
  assert.deepEqual(corner, [255, 255, 255, 255]);

  const svg = await download(page, () => page.getByRole('button', { name: 'Download the bar chart as SVG' }).click(), dir);
  assert.equal(svg.name, 'contract-management-maturity-bars-2026-11-20.svg');
  // Read as any program would, in a blank page (the app's strict CSP would refuse the styles a
  // parsed SVG document carries, though the file itself is fine).
  const reader = await page.context().newPage();
  const parsed = await reader.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
    return { error: !!doc.querySelector('parsererror'), root: doc.documentElement.nodeName, text: doc.documentElement.textContent };
  }, svg.bytes.toString('utf8'));
  await reader.close();
  assert.equal(parsed.error, false);
  assert.equal(parsed.root, 'svg');
  assert.match(parsed.text, /Level by theme against the benchmark/);
  assert.match(parsed.text, /Anytown Council, 20 November 2026\. Compared with Framework expectation/);
  assert.match(parsed.text, /Source: This framework's own definition of level 3/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the print stylesheet turns the results into a report', async () => {
  const page = await env.newPage({ reducedMotion: 'reduce', viewport: { width: 794, height: 1123 } });
  await openAt(page, 'results');
  await page.locator('.cmm-chart svg').nth(1).waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.cmm-nav').isVisible(), false, 'no navigation');
  assert.equal(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible(), false, 'no buttons');
  assert.equal(await page.getByRole('heading', { name: 'Your answers' }).isVisible(), true, 'answers are in the report');
  assert.match(await page.locator('.cmm-print-only').innerText(), /Note: Board paper/);
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/print-report.png', fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 1 && pages <= 3, `one to three A4 pages (${pages})`);
  await page.context().close();
});

test('a file dropped on the import area is previewed like a picked one', async () => {
  const page = await env.newPage();
  await page.goto(env.server.url);
  await press(page, 'Your assessments');
  const file = { format: 'cm-maturity-export', formatVersion: 1, appVersion: '0.1.0', exported: 'x',
    assessments: JSON.parse(seeded()).assessments.slice(0, 1) };
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, JSON.stringify(file));
  await page.locator('.cmm-import .cmm-dropzone').dispatchEvent('dragover', { dataTransfer: transfer });
  await page.locator('.cmm-import .cmm-dropzone').dispatchEvent('drop', { dataTransfer: transfer });
  await page.getByText('dropped.json holds 1 assessment, 20 November 2025.').waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText('Imported. New: 1. Kept as separate copies: 0. Already here: 0.').waitFor();
  await page.context().close();
});
