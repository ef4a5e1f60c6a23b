// SROs' paper: the printed report's charts fit the page whatever the window, with every
// series, marker, axis label and legend inside; and a one-page board summary as a page and as
// a picture.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup, axe, loadFramework } from './helpers.mjs';
import { answersFor, download, openWith } from './flows.mjs';

let env;
let council;
let dir;
before(async () => {
  env = await setup();
  council = await loadFramework();
  dir = await mkdtemp(join(tmpdir(), 'cmm-print-'));
  await mkdir('test-results', { recursive: true });
});
after(async () => { await env?.close(); });

const MM = 96 / 25.4;
/** A4 less the report's 14 mm margins, in CSS pixels. */
const CONTENT = {
  portrait: { width: (210 - 28) * MM, height: (297 - 28) * MM },
  landscape: { width: (297 - 28) * MM, height: (210 - 28) * MM },
};

function seeded() {
  const base = { frameworkId: council.id, frameworkVersion: council.version, kind: 'full', organisation: 'Anytown Council', role: 'SRO' };
  return {
    schemaVersion: 3,
    assessments: [
      { ...base, id: 'then', created: '2026-05-12T10:00:00.000Z', updated: '2026-05-12T10:00:00.000Z', answers: answersFor(council, () => 2) },
      { ...base, id: 'now', created: '2026-11-20T10:00:00.000Z', updated: '2026-11-20T10:00:00.000Z', answers: answersFor(council, (t, q, i) => (i === 0 ? 1 : t.id === 'governance' ? 4 : 2)) },
    ],
  };
}

async function printCopiesReady(page, count) {
  await page.waitForFunction((n) => {
    const imgs = [...document.querySelectorAll('img.cmm-print-chart')];
    return imgs.length === n && imgs.every((i) => i.complete && i.naturalWidth > 0);
  }, count);
}

/** Every drawn element of each print copy, measured inside its own SVG, and the benchmark's marks.
 * (The page's strict CSP does not let it fetch its own blob: images: the test's context bypasses it.) */
async function inspectCopies(page) {
  return page.evaluate(async () => {
    const out = [];
    for (const img of document.querySelectorAll('img.cmm-print-chart')) {
      const markup = await (await fetch(img.src)).text();
      const svg = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
      const holder = document.createElement('div');
      holder.style.cssText = 'position:absolute;left:0;top:0;visibility:hidden';
      holder.append(document.importNode(svg, true));
      document.body.append(holder);
      const root = holder.firstElementChild;
      const box = root.getBoundingClientRect();
      const outside = [];
      for (const el of root.querySelectorAll('path, text, rect, circle, polygon, polyline, line')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1) {
          outside.push(`${el.tagName} ${el.textContent?.slice(0, 20)} ${Math.round(r.left - box.left)},${Math.round(r.top - box.top)} ${Math.round(r.width)}x${Math.round(r.height)}`);
        }
      }
      const texts = [...root.querySelectorAll('text')].map((t) => t.textContent);
      const orange = [...root.querySelectorAll('path')].filter((p) => /d55e00|213,\s*94,\s*0/i.test(`${p.getAttribute('fill')} ${p.getAttribute('stroke')}`)).length;
      out.push({ alt: img.alt, width: box.width, height: box.height, outside, texts, orange });
      holder.remove();
    }
    return out;
  });
}

for (const width of [375, 1280, 1920]) {
  test(`the printed report from a ${width} px window fits its charts inside the page, portrait and landscape`, async () => {
    const page = await env.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
    await openWith(page, env.server.url, seeded(), { current: 'now', route: 'results' });
    await printCopiesReady(page, 2);
    const copies = await inspectCopies(page);
    const [radar, bars] = copies;
    for (const c of copies) assert.deepEqual(c.outside, [], `${c.alt}: everything drawn inside the chart`);
    // Every axis label 0 to 5 on the bar chart, the benchmark in both legends and its marks drawn.
    for (const n of ['0', '1', '2', '3', '4', '5']) assert.ok(bars.texts.includes(n), `bar axis label ${n}`);
    for (const c of copies) assert.ok(c.texts.some((s) => /Expected level|median/i.test(s)), `${c.alt}: benchmark in the legend`);
    assert.ok(bars.orange >= council.themes.length, `a benchmark marker on each of the ${council.themes.length} rows (${bars.orange})`);
    assert.ok(radar.orange >= 1, 'the benchmark line on the radar');
    assert.ok(radar.texts.some((s) => /Previous|assessment of/i.test(s)), 'the previous assessment in the radar legend');

    for (const orientation of ['portrait', 'landscape']) {
      const pdf = await page.pdf({ format: 'A4', landscape: orientation === 'landscape', printBackground: true });
      await writeFile(`test-results/report-${width}-${orientation}.pdf`, pdf);
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.ok(pages >= 1 && pages <= 6, `${orientation}: one to six pages (${pages})`);
      // The page lays out at its content box's width: measure the copies there.
      const box = CONTENT[orientation];
      await page.setViewportSize({ width: Math.floor(box.width), height: Math.floor(box.height) });
      await page.emulateMedia({ media: 'print' });
      const placed = await page.evaluate(() => ({
        live: [...document.querySelectorAll('.cmm-chart')].map((c) => getComputedStyle(c).display),
        copies: [...document.querySelectorAll('img.cmm-print-chart')].map((i) => {
          const r = i.getBoundingClientRect();
          return { left: r.left, right: r.right, width: r.width, height: r.height, shown: getComputedStyle(i).display };
        }),
      }));
      assert.ok(placed.live.every((d) => d === 'none'), 'the screen drawings are not printed');
      for (const c of placed.copies) {
        assert.equal(c.shown, 'block');
        assert.ok(c.left >= -0.5 && c.right <= box.width + 0.5, `${orientation}: chart within the width (${c.left}-${c.right} of ${box.width})`);
        assert.ok(c.height <= box.height, `${orientation}: chart within the height (${c.height} of ${box.height})`);
        assert.ok(c.width >= 300, `${orientation}: chart large enough to read (${c.width})`);
      }
      await page.screenshot({ path: `test-results/report-${width}-${orientation}.png`, fullPage: true });
      // Back to no emulation: an emulated "screen" would also apply to the next PDF.
      await page.emulateMedia({ media: null });
      await page.setViewportSize({ width, height: 900 });
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('the board summary is one page and a 2x picture on white with the organisation named', async () => {
  for (const width of [1280, 375]) {
    const page = await env.newPage({ viewport: { width, height: 900 } });
    await openWith(page, env.server.url, seeded(), { current: 'now', route: 'results' });
    await page.getByRole('link', { name: 'Board summary (one page)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Board summary' }).waitFor();
    await printCopiesReady(page, 1);
    const text = await page.locator('.cmm-board').innerText();
    assert.match(text, /Anytown Council, 20 November 2026\nBoard summary/);
    assert.match(text, /Framework: Contract management maturity .*, version /);
    assert.match(text, /Compared with/);
    assert.match(text, /Overall level/);
    assert.match(text, /since the assessment of 12 May 2026/);
    assert.equal(await page.locator('.cmm-board__gaps > li').count(), 3);
    assert.match(text, /Questions answered: \d+ of 36, 0 of them “Don't know”/);
    assert.deepEqual(await axe(page), [], `board summary at ${width}`);
    await page.screenshot({ path: `test-results/board-${width}.png`, fullPage: true });

    if (width === 1280) {
      const file = await download(page, () => page.getByRole('button', { name: 'Download as a picture (PNG)' }).click(), dir);
      assert.match(file.name, /board-summary-2026-11-20\.png$/);
      const png = file.bytes;
      await writeFile('test-results/board-summary.png', png);
      assert.equal(png.readUInt32BE(16), 3200, 'twice 1600 wide');
      assert.equal(png.readUInt32BE(20), 1800, 'twice 900 high');
      assert.ok(png.includes(Buffer.from('Anytown Council')), 'the organisation is named in the file');
      const corner = await page.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width; canvas.height = img.height;
        const ctx = canvas.getContext('2d');
        ctx.drawImage(img, 0, 0);
        const at = (x, y) => [...ctx.getImageData(x, y, 1, 1).data];
        // How much of the picture is not white: text and the radar, not an empty slide.
        const all = ctx.getImageData(0, 0, img.width, img.height).data;
        let ink = 0;
        for (let i = 0; i < all.length; i += 4 * 97) if (all[i] < 200) ink += 1;
        return { bottomRight: at(img.width - 1, img.height - 1), bottomLeft: at(0, img.height - 1), ink };
      }, png.toString('base64'));
      assert.deepEqual(corner.bottomRight, [255, 255, 255, 255]);
      assert.deepEqual(corner.bottomLeft, [255, 255, 255, 255]);
      assert.ok(corner.ink > 1000, `the picture has content (${corner.ink})`);

      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      await writeFile('test-results/board-summary.pdf', pdf);
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.equal(pages, 1, 'one landscape page');
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});
