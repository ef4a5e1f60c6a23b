// Turns Trunk's build into a release, as a Trunk post_build hook (so `trunk build --release`
// alone gives a deployable, CSP-clean folder) or by hand: `node scripts/release.mjs [dist]`.
//
// 1. Split: when the crate was built with split points (the `split` feature), the linked module
//    is split with wasm-split-cli into a first-screen module and modules loaded on demand, bound
//    with wasm-bindgen and optimised with wasm-opt (Trunk's own binding of the unsplit module is
//    replaced). Without split points, Trunk's output is optimised as it is.
// 2. Name: every code file gets a content hash in its name (glue, WebAssembly modules, split
//    loader, CSS, ECharts), so a page never mixes two releases, and an integrity hash.
// 3. Entry: embed.js (the one stable name) and index.html are written to load exactly these
//    files, with their integrity, and no inline script or style.
// 4. sri.json for snippets, and .gz/.br copies of every text and wasm file.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, statSync,
} from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { compressDir } from './compress.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CRATE = 'cm-maturity';
const WASM_OPT_FLAGS = [
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
];

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const short = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 12);

function tool(name) {
  const local = join(root, 'node_modules/.bin', name);
  return existsSync(local) ? local : name;
}

/** Runs a tool; its chatter is shown only if it fails. */
function run(cmd, args) {
  try {
    execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    process.stderr.write(e.stderr ?? '');
    throw e;
  }
}

/** True when the linked module carries wasm-split's marker (built with split points). */
function hasSplitPoints(bytes) {
  return bytes.includes(Buffer.from('__wasm_split_unstable'));
}

/**
 * Splits, binds and optimises the cargo output into `out`; returns the file list:
 * { glue, wasm, loader, modules: [names] } (loader: the split loader JS, if split).
 */
function build(linked, staging, out, optimise) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const bytes = readFileSync(linked);
  const opt = (input, output) => {
    if (optimise) run(tool('wasm-opt'), ['-Oz', ...WASM_OPT_FLAGS, input, '-o', output]);
    else if (input !== output) writeFileSync(output, readFileSync(input));
  };
  if (!hasSplitPoints(bytes)) {
    // Trunk bound it already; only optimise.
    writeFileSync(join(out, `${CRATE}.js`), readFileSync(join(staging, `${CRATE}.js`)));
    opt(join(staging, `${CRATE}_bg.wasm`), join(out, `${CRATE}_bg.wasm`));
    return { glue: `${CRATE}.js`, wasm: `${CRATE}_bg.wasm`, loader: null, modules: [] };
  }
  const split = join(out, 'split');
  mkdirSync(split);
  run(tool('wasm-split-cli'), ['--target', 'web', '--out-name', CRATE, linked, split]);
  run(tool('wasm-bindgen'), [
    '--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
    '--out-dir', out, '--out-name', CRATE, join(split, `${CRATE}.wasm`),
  ]);
  const modules = readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== `${CRATE}.wasm`);
  const bound = join(out, `${CRATE}_bg.wasm`);
  opt(bound, bound);
  for (const m of modules) opt(join(split, m), join(out, m));
  writeFileSync(join(out, '__wasm_split.js'), readFileSync(join(split, '__wasm_split.js')));
  rmSync(split, { recursive: true, force: true });
  return { glue: `${CRATE}.js`, wasm: `${CRATE}_bg.wasm`, loader: '__wasm_split.js', modules };
}

/** A module's JavaScript without comments and spaces, names of its imports and exports kept
 * (the glue and the split loader are read whole before the first screen: about 9 KB gzip of
 * their 19 was layout and comments). */
function minifyModule(code) {
  return transformSync(code, { minify: true, format: 'esm', target: 'es2020', legalComments: 'none' }).code;
}

/** Content-hashed names for every code file, with references between them rewritten. */
function name(out, staging, built) {
  const files = {};
  const integrity = {};
  const put = (newName, bytes) => {
    writeFileSync(join(staging, newName), bytes);
    integrity[newName] = sri(bytes);
    return newName;
  };
  // Split modules first: the split loader names them, with their integrity.
  let loader = built.loader ? readFileSync(join(out, built.loader), 'utf8') : null;
  for (const m of built.modules) {
    const bytes = readFileSync(join(out, m));
    const hashed = m.replace(/\.wasm$/, `-${short(bytes)}.wasm`);
    put(hashed, bytes);
    loader = loader.replace(
      `fetch(new URL("./${m}", import.meta.url))`,
      `fetch(new URL("./${hashed}", import.meta.url), { integrity: ${JSON.stringify(integrity[hashed])}, credentials: "same-origin" })`,
    );
    if (!loader.includes(hashed)) throw new Error(`the split loader does not fetch ${m}`);
  }
  // The glue and the split loader import each other, so they share one hash: of both, and of
  // the main module.
  const wasmBytes = readFileSync(join(out, built.wasm));
  let glue = readFileSync(join(out, built.glue), 'utf8');
  const pair = short(Buffer.concat([Buffer.from(glue), Buffer.from(loader ?? ''), wasmBytes]));
  files.wasm = put(`${CRATE}-${pair}_bg.wasm`, wasmBytes);
  files.glue = `${CRATE}-${pair}.js`;
  glue = glue.replaceAll(`'${CRATE}_bg.wasm'`, `'${files.wasm}'`);
  if (loader) {
    const loaderName = `__wasm_split-${pair}.js`;
    // Only the module specifiers: the import object's keys are the names inside the module.
    glue = glue.replaceAll('from "./__wasm_split.js"', `from "./${loaderName}"`);
    loader = loader.replaceAll(`from "./${CRATE}.js"`, `from "./${files.glue}"`);
    files.loader = put(loaderName, Buffer.from(minifyModule(loader)));
  }
  put(files.glue, Buffer.from(minifyModule(glue)));
  files.modules = built.modules.length;
  // The stylesheet and the chart library.
  const css = readFileSync(join(staging, 'main.css'));
  files.css = put(`main-${short(css)}.css`, css);
  const echarts = readFileSync(join(staging, 'vendor/echarts.min.js'));
  files.echarts = put(`vendor/echarts-${short(echarts)}.min.js`, echarts);
  for (const stale of [`${CRATE}.js`, `${CRATE}_bg.wasm`, 'main.css', 'vendor/echarts.min.js']) {
    rmSync(join(staging, stale), { force: true });
  }
  return { files, integrity };
}

/** A template (embed.js, sw.js) with the release's data where its marker is. */
function fillTemplate(template, file, data) {
  const marker = '/* RELEASE */ null';
  if (!template.includes(marker)) throw new Error(`${file} has no RELEASE marker`);
  return template.replace(marker, JSON.stringify(data));
}

/** The release's one version number: the crate's, from Cargo.toml (the app shows the same). */
export function crateVersion() {
  const toml = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const pkg = toml.split(/^\[/m).find((s) => s.startsWith('package]'));
  const version = pkg?.match(/^version\s*=\s*"([^"]+)"/m)?.[1];
  if (!version) throw new Error('Cargo.toml has no [package] version');
  return version;
}

/** Every file of the release a visitor's browser may need, relative to the folder (the snippet
 * page's hashes too): not the demo pages, the script-mode host helper or precompressed copies. */
function releaseFiles(staging, dir = '') {
  const skip = new Set(['demo', 'sw.js', 'embed-host.js', 'SHA256SUMS']);
  return readdirSync(join(staging, dir)).sort().flatMap((name) => {
    const rel = dir ? `${dir}/${name}` : name;
    if (skip.has(rel) || /\.(gz|br)$/.test(name)) return [];
    return statSync(join(staging, rel)).isDirectory() ? releaseFiles(staging, rel) : [rel];
  });
}

/** Writes sw.js from its template (public/sw.js) with the release's files and their hashes, as
 * they are in `staging` now; returns the release's id. */
export function writeWorker(staging) {
  const template = readFileSync(join(root, 'public/sw.js'), 'utf8');
  const files = releaseFiles(staging).map((path) => ({ path, integrity: sri(readFileSync(join(staging, path))) }));
  const version = crateVersion();
  // The worker's own code is part of what a release is: a release that changes only sw.js is
  // a new one, with a cache of its own.
  const id = `${version}-${short(Buffer.from(template + JSON.stringify(files)))}`;
  writeFileSync(join(staging, 'sw.js'), fillTemplate(template, 'sw.js', { id, version, files }));
  // Precompressed copies of an earlier sw.js would be served in its place.
  for (const ext of ['.br', '.gz']) rmSync(join(staging, `sw.js${ext}`), { force: true });
  return id;
}

/** The words the loader shows if the release cannot start, from the boot language file. */
function loaderWords() {
  const boot = JSON.parse(readFileSync(join(root, 'public/data/text/boot.json'), 'utf8'));
  return Object.fromEntries(Object.entries(boot).map(([lang, w]) => [lang, {
    failed_title: w.failed_title, reload: w.reload, open_page: w.open_page,
  }]));
}

/** Writes embed.js with the release's names, and the hashes of the files it loads itself (the
 * split loader carries its modules' own); returns its bytes. */
function writeEntry(staging, { files, integrity }) {
  const path = join(staging, 'embed.js');
  const template = readFileSync(path, 'utf8');
  const own = Object.fromEntries(['glue', 'wasm', 'css', 'echarts'].map((k) => [files[k], integrity[files[k]]]));
  const body = { version: crateVersion(), files, integrity: own, words: loaderWords() };
  const entry = Buffer.from(fillTemplate(template, 'embed.js', body));
  writeFileSync(path, entry);
  return entry;
}

function writePage(staging, { files, integrity }, entryIntegrity) {
  const path = join(staging, 'index.html');
  let html = readFileSync(path, 'utf8');
  // Drop what Trunk wrote for the unsplit module: its inline loader and its preload hints.
  html = html.replace(/<script type="module">[\s\S]*?<\/script>\s*/g, '');
  html = html.replace(/<link rel="(modulepreload|preload)" href="\.\/cm-maturity[^>]*>/g, '');
  html = html.replace(/<link rel="stylesheet" href="\.\/main\.css"[^>]*\/?>/, '');
  // The same strict policy as the demo pages: this release's own files only (and the
  // build's allow-listed content origins), no inline script or style, WebAssembly allowed.
  const content = (process.env.CMM_CONTENT_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean)
    .map((u) => new URL(u).origin);
  const policy = [
    "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'",
    "img-src 'self' data: blob:", `connect-src ${['\'self\'', ...content].join(' ')}`,
    "worker-src 'self'", "manifest-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'",
  ].join('; ');
  const head = [
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    `<link rel="stylesheet" href="./${files.css}" integrity="${integrity[files.css]}" crossorigin="anonymous">`,
    `<link rel="modulepreload" href="./${files.glue}" integrity="${integrity[files.glue]}" crossorigin="anonymous">`,
    // Chrome ignores integrity on a fetch preload; the loader's fetch of the module checks it.
    `<link rel="preload" href="./${files.wasm}" as="fetch" crossorigin="anonymous">`,
    `<script type="module" src="./embed.js" integrity="${entryIntegrity}" crossorigin="anonymous"></script>`,
  ].join('\n  ');
  html = html.replace('</head>', `  ${head}\n</head>`);
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error('index.html still has an inline script');
  if (/<style|style="/.test(html)) throw new Error('index.html has inline style');
  writeFileSync(path, html.replace(/\n\s*\n\s*\n/g, '\n'));
}

/** Content files are served without their indentation (the source in public/data keeps it). */
function minifyData(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) minifyData(path);
    else if (name.endsWith('.json')) writeFileSync(path, JSON.stringify(JSON.parse(readFileSync(path, 'utf8'))));
  }
}

function release(staging, { profile = 'release', optimise = profile === 'release' } = {}) {
  const target = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
  const linked = join(target, 'wasm32-unknown-unknown', profile, `${CRATE}.wasm`);
  const work = join(target, 'release-split');
  const built = build(linked, staging, work, optimise);
  const named = name(work, staging, built);
  const entry = sri(writeEntry(staging, named));
  writePage(staging, named, entry);
  const forSnippets = { 'embed.js': entry, 'embed-host.js': sri(readFileSync(join(staging, 'embed-host.js'))) };
  writeFileSync(join(staging, 'sri.json'), `${JSON.stringify({ ...forSnippets, ...named.integrity }, null, 2)}\n`);
  minifyData(join(staging, 'data'));
  named.release = writeWorker(staging);
  rmSync(work, { recursive: true, force: true });
  if (optimise) compressDir(staging);
  return named;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
  // The cargo profile the module was built with: `release`, or `ui` for the test command's
  // quicker build (scripts/test.sh ui), which Trunk is told with --cargo-profile.
  const profile = process.env.CMM_CARGO_PROFILE ?? process.env.TRUNK_PROFILE ?? 'release';
  // CMM_FAST=1 skips wasm-opt and compression, for quick rebuilds while developing.
  const optimise = profile === 'release' && !process.env.CMM_FAST;
  const { files, release: id } = release(staging, { profile, optimise });
  console.log(`release ${id}: ${files.modules} split modules; entry embed.js -> ${files.glue}`);
}
