// Generates the "floor" page for the benchmark: the same questions as plain static HTML, with no
// script, so every figure of the app can be shown as a ratio to the least a page could cost.
// Usage: node scripts/floor.mjs <framework.json> <out-dir>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

export function floorPage(framework) {
  const themes = framework.themes.map((theme) => {
    const questions = theme.questions.map((q) => {
      const rungs = q.levels.map((rung, i) => `
      <div><input type="radio" name="${esc(q.id)}" id="${esc(q.id)}-${i + 1}" value="${i + 1}">
      <label for="${esc(q.id)}-${i + 1}">${esc(rung.statement)}</label></div>`).join('');
      return `
    <fieldset><legend>${esc(q.prompt)}</legend>${rungs}
      <div><input type="radio" name="${esc(q.id)}" id="${esc(q.id)}-dk" value="dontKnow"><label for="${esc(q.id)}-dk">Don't know</label></div>
      <div><input type="radio" name="${esc(q.id)}" id="${esc(q.id)}-na" value="notApplicable"><label for="${esc(q.id)}-na">Not applicable</label></div>
    </fieldset>`;
    }).join('');
    return `\n  <section><h2>${esc(theme.title)}</h2>${questions}\n  </section>`;
  }).join('');
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(framework.title)} (static floor page)</title></head>
<body><main><h1>${esc(framework.title)}</h1>${themes}
</main></body>
</html>
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [src = 'public/data/framework.json', out = 'target/bench/floor'] = process.argv.slice(2);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'index.html'), floorPage(JSON.parse(readFileSync(src, 'utf8'))));
  console.log(`floor page written to ${out}/index.html`);
}
