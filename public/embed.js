// The widget's entry: the one file with a stable name. It names this release's files (content-
// hashed, so a page never mixes two releases) with their integrity hashes, loads them, and
// mounts the self-assessment:
// - into `<main id="cmm-app" data-cmm-page>` (the tool's own page, or an iframe), with settings
//   from the address;
// - into every `[data-cmm-widget]` element (script mode, on a council's page), each in its own
//   Shadow DOM, with settings from its data attributes.
// Until a widget mounts, the element's own content (the snippet's "Loading…" text and link)
// stays visible; if the release cannot load, a message replaces it. Never a blank space.
// scripts/release.mjs fills in RELEASE when the app is built.
const RELEASE = /* RELEASE */ null;

const base = new URL('./', import.meta.url).href;
const at = (file) => new URL(file, base).href;

function words(lang) {
  const all = RELEASE?.words ?? {};
  return all[(lang || '').slice(0, 2)] ?? all.en ?? {};
}

/** A message where the widget would be, in the widget's language, with a way to the tool's own page. */
function showFailure(host, lang) {
  const w = words(lang);
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = `${w.failed_title ?? 'The self-assessment could not start'}. ${w.reload ?? ''}`.trim();
  const link = document.createElement('a');
  link.href = at('index.html');
  link.textContent = w.open_page ?? 'Open the self-assessment in its own page';
  host.replaceChildren(p, link);
}

/** Resource hints in the document head, once each; integrity where the file is code. */
function hint(rel, file, { as, integrity } = {}) {
  const href = at(file);
  if ([...document.head.querySelectorAll('link')].some((l) => l.href === href && l.rel === rel)) return;
  const link = document.createElement('link');
  link.rel = rel;
  link.href = href;
  if (as) link.as = as;
  if (integrity) link.integrity = integrity;
  link.crossOrigin = 'anonymous';
  document.head.append(link);
}

let app;
/** Loads this release's code once for the page, checked against its integrity hashes. */
function loadApp() {
  app ??= (async () => {
    if (!RELEASE) throw new Error('this copy of embed.js was not built');
    const { files, integrity } = RELEASE;
    // A modulepreload carries the glue's integrity to the import below.
    hint('modulepreload', files.glue, { integrity: integrity[files.glue] });
    const wasm = fetch(at(files.wasm), { integrity: integrity[files.wasm], credentials: 'same-origin' });
    const glue = await import(at(files.glue));
    await glue.default({ module_or_path: wasm });
    return glue;
  })();
  return app;
}

/** The files the app loads itself, with the hashes it checks them against. */
function assets() {
  const { files, integrity } = RELEASE;
  return { echarts: at(files.echarts), echartsIntegrity: integrity[files.echarts] };
}

/** Reads this browser's storage for the widget, or nothing if storage is blocked. */
function stored(area, key) {
  try { return globalThis[area].getItem(key); } catch { return null; }
}

/** Asks early for the content the first screen will wait for, as the app chooses it: the
 * visitor's own language choice over the setting, and only the framework of the assessment this
 * tab will open when there is one (every offered framework for the start page). */
function preloadContent(settings) {
  const ns = settings.namespace || 'cmm';
  const lang = stored('localStorage', `${ns}:lang`) || settings.lang || 'en';
  hint('preload', `data/text/${lang.slice(0, 2) === 'cy' ? 'cy' : 'en'}.json`, { as: 'fetch' });
  const offered = (settings.frameworks || 'council,learner').split(',').map((f) => f.trim());
  let needed = offered;
  try {
    const id = stored('sessionStorage', `${ns}:tab`) || stored('localStorage', `${ns}:last`);
    const data = id && !location.hash.startsWith('#cmm-share=') ? JSON.parse(stored('localStorage', `${ns}:data`) || 'null') : null;
    const current = data?.assessments?.find((a) => a.id === id);
    const builtin = current && (current.frameworkId === 'cmm-learner' ? 'learner' : 'council');
    if (builtin && offered.includes(builtin)) needed = [builtin];
  } catch {
    // Unreadable saved data: the app deals with it; preload what the start page needs.
  }
  if (needed.includes('council') && !settings.framework) hint('preload', 'data/framework.json', { as: 'fetch' });
  if (needed.includes('learner')) hint('preload', 'data/learner-framework.json', { as: 'fetch' });
}

const OFF = ['off', 'false', 'no', '0'];

/** Forgets this folder's offline copy: its worker and its stored releases (never saved answers).
 * Only this folder's own worker: one the site has for a folder above is not the tool's. */
async function forgetOffline(registration) {
  if (registration?.scope === base) await registration.unregister();
  const prefix = `cmm-offline:${new URL(base).pathname}:`;
  for (const name of await caches.keys()) if (name.startsWith(prefix)) await caches.delete(name);
}

/** The offline worker (sw.js, beside this file) on the tool's own page and in an iframe: it
 * keeps this release for use without a connection. A newer release waits until the visitor
 * chooses to reload: the app shows the message when `data-cmm-update` is set on the page. The
 * `offline=off` setting, or a host that removes sw.js, takes the worker and its copy away. */
async function offline(page, query) {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const worker = at('sw.js');
  const container = navigator.serviceWorker;
  if (OFF.includes((query.get('offline') ?? '').trim().toLowerCase())) {
    await forgetOffline(await container.getRegistration(base));
    return;
  }
  const registration = await container.register(worker, { scope: base, updateViaCache: 'none' });
  const ready = () => {
    page.dataset.cmmUpdate = 'ready';
    page.dispatchEvent(new Event('cmm-update'));
  };
  // Installed beside a worker already in charge: a new release, waiting.
  const watch = (w) => w?.addEventListener('statechange', () => {
    if (w.state === 'installed' && container.controller) ready();
  });
  if (registration.waiting && container.controller) ready();
  watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration.installing));
  page.addEventListener('cmm-update-apply', () => {
    const waiting = registration.waiting;
    if (!waiting) { location.reload(); return; }
    container.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage({ type: 'cmm-skip-waiting' });
  });
  // A tab left open looks for a new release when it is looked at again, and hourly.
  const check = () => registration.update().catch(() => {});
  document.addEventListener('visibilitychange', () => { if (!document.hidden) check(); });
  window.addEventListener('online', check);
  setInterval(check, 60 * 60 * 1000);
  // The host took the worker away (gone, or a page in its place): forget this folder's copy.
  if (navigator.onLine) {
    const gone = await fetch(worker, { cache: 'no-store', credentials: 'same-origin' }).then(
      (r) => r.status === 404 || r.status === 410 || (r.ok && !/javascript/i.test(r.headers.get('content-type') ?? '')),
      () => false,
    );
    if (gone) await forgetOffline(registration);
  }
}

async function startPage(page) {
  const query = new URLSearchParams(location.search);
  preloadContent(Object.fromEntries(query));
  try {
    const glue = await loadApp();
    glue.start(assets());
  } catch (e) {
    console.error(e);
    showFailure(page, query.get('lang') ?? document.documentElement.lang);
  }
  // The offline copy is fetched once the page has what it needs, so it never slows the start.
  if (document.readyState !== 'complete') await new Promise((ok) => window.addEventListener('load', ok, { once: true }));
  offline(page, query).catch((e) => console.warn('offline copy:', e));
}

async function mountWidget(host) {
  if (host.shadowRoot || host.dataset.cmmMounted) return;
  host.dataset.cmmMounted = '';
  const settings = Object.entries(host.dataset).filter(([k]) => k !== 'cmmMounted' && k !== 'cmmWidget');
  preloadContent(host.dataset);
  try {
    const glue = await loadApp();
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = at(RELEASE.files.css);
    style.integrity = RELEASE.integrity[RELEASE.files.css];
    style.crossOrigin = 'anonymous';
    const root = document.createElement('div');
    shadow.append(style, root);
    glue.mount(root, settings, base, assets());
  } catch (e) {
    console.error(e);
    delete host.dataset.cmmMounted;
    showFailure(host, host.dataset.lang);
  }
}

const page = document.querySelector('#cmm-app[data-cmm-page]');
if (page) startPage(page);
for (const host of document.querySelectorAll('[data-cmm-widget]')) mountWidget(host);
