// After `trunk build`: moves Trunk's inline loader script into a file (so the page runs under a
// Content-Security-Policy without 'unsafe-inline'), and writes Subresource Integrity hashes for
// the files a council's page may load directly (dist/sri.json).
// Usage: node scripts/postbuild.mjs [dist]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function sri(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

export function postbuild(dist) {
  const indexPath = join(dist, 'index.html');
  let html = readFileSync(indexPath, 'utf8');
  const inline = /<script type="module">([\s\S]*?)<\/script>/;
  const match = html.match(inline);
  if (match) {
    const loader = `${match[1].trim()}\n`;
    writeFileSync(join(dist, 'loader.js'), loader);
    html = html.replace(inline, `<script type="module" src="./loader.js" integrity="${sri(loader)}"></script>`);
    writeFileSync(indexPath, html);
  }
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error('index.html still has an inline script');
  const files = ['embed.js', 'embed-host.js', 'loader.js', 'main.css', 'cm-maturity.js', 'cm-maturity_bg.wasm', 'vendor/echarts.min.js'];
  const hashes = Object.fromEntries(files.map((f) => [f, sri(readFileSync(join(dist, f)))]));
  writeFileSync(join(dist, 'sri.json'), `${JSON.stringify(hashes, null, 2)}\n`);
  return hashes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? 'dist';
  postbuild(dist);
  console.log(`loader moved out of ${dist}/index.html; SRI hashes in ${dist}/sri.json`);
}
