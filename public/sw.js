// The offline worker for the tool's own page and for iframe mode (script mode, inside a
// council's page, cannot use one). It keeps exactly one release: the files scripts/release.mjs
// lists below, each checked against its integrity hash as it is stored, so a release is stored
// whole or not at all. It answers from that release, and from the network only for what the
// release does not hold (a council's own framework file, say). A new release waits: the page
// says "a new version is ready" and this worker steps aside only when the visitor chooses to
// reload, never under them. It never touches saved answers (they live in local storage, which
// a worker cannot reach).
// scripts/release.mjs fills in RELEASE when the app is built.
const RELEASE = /* RELEASE */ null;

const scope = self.registration.scope;
// Several copies of the tool may share one site: each keeps to the caches of its own folder.
const PREFIX = `cmm-offline:${new URL(scope).pathname}:`;
const CACHE = `${PREFIX}${RELEASE?.id}`;

/** The address a request is stored under: the file, without any settings in its query. */
function key(request) {
  const url = new URL(request.url);
  const file = `${url.origin}${url.pathname}`;
  return file === scope ? `${scope}index.html` : file;
}

async function store() {
  if (!RELEASE) throw new Error('this copy of sw.js was not built');
  const cache = await caches.open(CACHE);
  await Promise.all(RELEASE.files.map(async ({ path, integrity }) => {
    const url = new URL(path, scope).href;
    const response = await fetch(url, { integrity, cache: 'no-cache', credentials: 'same-origin' });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
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

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // This release, and the one before it: a tab still open on that one may yet load one of
    // its on-demand modules. Older ones go. (Caches are listed in the order they were made.)
    const ours = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE);
    await Promise.all(ours.slice(0, -1).map((k) => caches.delete(k)));
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  // Sent by the page when the visitor chooses to reload into the new version.
  if (event.data?.type === 'cmm-skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  // The worker's own file always comes from the network, so that updates (and the host
  // removing it) are seen.
  if (new URL(request.url).pathname.endsWith('/sw.js')) return;
  event.respondWith((async () => {
    const stored = await (await caches.open(CACHE)).match(key(request));
    if (stored) return stored;
    // A file of the release before (a tab still open on it).
    for (const name of (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE)) {
      const older = await (await caches.open(name)).match(key(request));
      if (older) return older;
    }
    return fetch(request);
  })());
});
