// Builds public/vendor/echarts.min.js from the npm `echarts` package (the version pinned in
// package-lock.json): a minified bundle of only the charts and components in echarts-entry.js.
// Deterministic: the same lock file gives the same bytes.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'public/vendor/echarts.min.js');
mkdirSync(dirname(outfile), { recursive: true });
const version = JSON.parse(readFileSync(join(root, 'node_modules/echarts/package.json'), 'utf8')).version;

await build({
  entryPoints: [join(root, 'scripts/echarts-entry.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2019'],
  legalComments: 'eof',
  banner: { js: `/* ECharts ${version} (Apache-2.0), custom bundle for cm-maturity */` },
  outfile,
  logLevel: 'warning',
});

const bytes = readFileSync(outfile);
console.log(`echarts ${version}: ${outfile} ${statSync(outfile).size} bytes, ${gzipSync(bytes, { level: 9 }).length} gzip`);
