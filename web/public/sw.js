/**
 * Keeps the app's shell on the device so the visit checklist opens again in a unit's office without a
 * connection (issue 13): pages come from the network first and from the stored shell when it fails;
 * the hashed build files from the store first. The API is never stored here (the checklist keeps its
 * own copy and queue in localStorage, see web/src/inspections/offlineQueue.ts).
 */
const CACHE = 'cchc-shell-v1';

async function storeShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch('/', { cache: 'no-cache' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put('/', response);
  const assets = [...new Set(html.match(/\/assets\/[^"')\s]+/g) ?? [])];
  await cache.addAll(assets);
}

self.addEventListener('install', (event) => {
  event.waitUntil(storeShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** The page names the build files it loaded (lazy chunks included), so they are there offline too. */
self.addEventListener('message', (event) => {
  const urls = Array.isArray(event.data?.cacheAssets) ? event.data.cacheAssets.filter((u) => typeof u === 'string' && u.startsWith('/assets/')) : [];
  if (urls.length > 0) event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(urls)));
});

async function networkFirstPage(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put('/', response.clone());
    return response;
  } catch (error) {
    const shell = await cache.match('/');
    if (shell) return shell;
    throw error;
  }
}

async function cacheFirstAsset(request) {
  const cache = await caches.open(CACHE);
  const stored = await cache.match(request);
  if (stored) return stored;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (event.request.mode === 'navigate') event.respondWith(networkFirstPage(event.request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(cacheFirstAsset(event.request));
});
