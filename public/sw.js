// The offline worker for the tool's own page and for iframe mode (script mode, inside a
// council's page, cannot use one). It keeps one release: the files scripts/release.mjs lists
// below, each checked against its integrity hash as it is stored, so a release is stored whole or
// not at all. It answers only for those files; everything else in its folder (a council's own
// framework file, other pages of the site) goes to the network untouched.
//
// A page is served all its life from the release it was opened with: the worker remembers which
// release each open page came from, so a tab still open when a newer release takes over keeps
// getting its own language files, register and benchmarks, never the newer release's. A new
// release waits: the page says "a new version is ready" and this worker steps aside only when
// the visitor chooses to reload, never under them. It never touches saved answers (they live in
// local storage, which a worker cannot reach).
// scripts/release.mjs fills in RELEASE when the app is built.
const RELEASE = /* RELEASE */ null;

const scope = self.registration.scope;
// Several copies of the tool may share one site: each keeps to the caches of its own folder.
const PREFIX = `cmm-offline:${new URL(scope).pathname}:`;
const CACHE = `${PREFIX}${RELEASE?.id}`;
// Which release each open page was served from (page id -> cache name), kept in a cache of its
// own so that it outlives this worker and is read by the next.
const PAGES = `${PREFIX}pages`;
const INDEX = `${scope}index.html`;
const FILES = new Set((RELEASE?.files ?? []).map(({ path }) => new URL(path, scope).href));

// Code files of any release have content-hashed names: one a page of an earlier release asks
// for may be in that release's cache.
const HASHED = /-[0-9a-f]{12}(_bg\.wasm|\.wasm|\.js|\.css|\.min\.js)$/;

/** The file a request is for, without any settings in its query, if it may be a release's. */
function fileOf(request) {
  const url = new URL(request.url);
  const file = `${url.origin}${url.pathname}`;
  if (file === scope) return INDEX;
  return FILES.has(file) || (file.startsWith(scope) && HASHED.test(file)) ? file : null;
}

const isRelease = (name) => name.startsWith(PREFIX) && name !== PAGES;
const pageKey = (id) => `${scope}__page/${encodeURIComponent(id)}`;

async function store() {
  if (!RELEASE) throw new Error('this copy of sw.js was not built');
  const cache = await caches.open(CACHE);
  await Promise.all(RELEASE.files.map(async ({ path, integrity }) => {
    const url = new URL(path, scope).href;
    let response = await fetch(url, { integrity, cache: 'no-cache', credentials: 'same-origin' });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    // A host that redirects (index.html to the folder, say): a redirected response cannot answer
    // a page's navigation, so the body is stored as a response of its own.
    if (response.redirected) {
      response = new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
    }
    await cache.put(url, response);
  }));
}

self.addEventListener('install', (event) => {
  // A release that cannot be stored whole (a file missing, or not the one listed) is not used.
  event.waitUntil(store().catch(async (e) => {
    await caches.delete(CACHE);
    throw e;
  }));
});

/** The release a page was served from, if this worker knows it and still holds it. */
async function releaseOf(pageId) {
  if (!pageId) return null;
  const known = await caches.match(pageKey(pageId), { cacheName: PAGES });
  const name = known && await known.text();
  return name && await caches.has(name) ? name : null;
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // Keep this release and any release a page still open was served from; forget the rest,
    // and what is remembered about pages that have closed.
    const inUse = await forgetClosedPages();
    inUse.add(CACHE);
    for (const name of (await caches.keys()).filter(isRelease)) {
      if (!inUse.has(name)) await caches.delete(name);
    }
  })());
});

/** Forgets the pages that have closed (but `opening`, which may not be listed yet); returns the
 * releases the open ones were served from. */
async function forgetClosedPages(opening) {
  const open = await self.clients.matchAll({ includeUncontrolled: true, type: 'window' });
  const live = new Set(open.map((c) => pageKey(c.id)));
  if (opening) live.add(pageKey(opening));
  const pages = await caches.open(PAGES);
  const inUse = new Set();
  for (const request of await pages.keys()) {
    if (!live.has(request.url)) await pages.delete(request);
    else inUse.add(await (await pages.match(request)).text());
  }
  return inUse;
}

self.addEventListener('message', (event) => {
  // Sent by the page when the visitor chooses to reload into the new version.
  if (event.data?.type === 'cmm-skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const file = request.method === 'GET' ? fileOf(request) : null;
  if (!file) return;
  event.respondWith((async () => {
    let from = CACHE;
    if (request.mode === 'navigate') {
      // A page opened now is this release's, all its life.
      const id = event.resultingClientId;
      if (id) {
        event.waitUntil((async () => {
          await (await caches.open(PAGES)).put(pageKey(id), new Response(CACHE));
          await forgetClosedPages(id);
        })());
      }
    } else {
      from = (await releaseOf(event.clientId)) ?? CACHE;
    }
    const stored = await caches.match(file, { cacheName: from });
    return stored ?? fetch(request);
  })());
});
