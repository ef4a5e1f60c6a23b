// Merges a translation into a content file: every text field of the English file becomes
// {"en": ..., "<lang>": ...}, and the language is added to "languages". The translation must
// have the English file's shape exactly (same keys, order, ids and numbers). Used once per
// translation; afterwards the merged file is the one to edit, in both languages together.
//
//   node scripts/merge-language.mjs public/data/framework.json content/cy/framework.cy.json cy
import { readFile, writeFile } from 'node:fs/promises';

const TEXT = new Set(['title', 'description', 'name', 'meaning', 'term', 'definition', 'summary',
  'prompt', 'statement', 'action', 'why', 'evidence', 'source', 'note', 'method']);

const [target, translation, lang] = process.argv.slice(2);
const en = JSON.parse(await readFile(target, 'utf8'));
const other = JSON.parse(await readFile(translation, 'utf8'));
const problems = [];

function merge(a, b, path) {
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) problems.push(`${path}: list differs`);
    return a.map((x, i) => merge(x, b?.[i], `${path}[${i}]`));
  }
  if (a && typeof a === 'object') {
    const out = {};
    const keys = Object.keys(a);
    if (JSON.stringify(keys) !== JSON.stringify(Object.keys(b ?? {}))) problems.push(`${path}: keys differ`);
    for (const k of keys) {
      const here = `${path}.${k}`;
      if (TEXT.has(k) && (typeof a[k] === 'string' || (a[k] && typeof a[k] === 'object' && !Array.isArray(a[k])))) {
        const english = typeof a[k] === 'string' ? { en: a[k] } : a[k];
        const translated = typeof b?.[k] === 'string' ? b[k] : b?.[k]?.[lang];
        if (typeof translated !== 'string' || !translated.trim()) problems.push(`${here}: no ${lang} text`);
        out[k] = { ...english, [lang]: translated };
      } else if (k === 'languages') {
        out[k] = [...new Set([...a[k], lang])];
      } else {
        if (typeof a[k] !== 'object' && a[k] !== b?.[k]) problems.push(`${here}: ${JSON.stringify(a[k])} vs ${JSON.stringify(b?.[k])}`);
        out[k] = merge(a[k], b?.[k], here);
      }
    }
    return out;
  }
  return a;
}

const merged = merge(en, other, '$');
if (problems.length) {
  console.error(problems.slice(0, 40).join('\n'));
  process.exit(1);
}
await writeFile(target, `${JSON.stringify(merged, null, 2)}\n`);
console.log(`merged ${lang} into ${target}`);
