/**
 * Netra's service worker for the public report page (/lapor). Plain JavaScript, copied into the
 * build by vite.report.config.ts with the build's file list. It makes the page open without a
 * connection; the draft itself (text and photos) lives in IndexedDB (draft-store.ts) and the page
 * sends it when the connection returns.
 *
 * - the page and its assets: kept at install; assets (content-hashed) served from the cache,
 *   the page from the network first (a new release shows at once) and from the cache offline;
 * - the form's data (/api/v1/reports/form) and the region list: network first, cache offline;
 * - everything else, every POST (the report itself) and every other page: untouched.
 */
const VERSION = self.__NETRA_VERSION__;
const ASSETS = self.__NETRA_ASSETS__;
const CACHE = `netra-lapor-${VERSION}`;
const PAGE = '/lapor';
/** API answers the form needs offline, each kept under one key whatever its query says. */
const OFFLINE_API = [
  { pattern: /^\/api\/v1\/reports\/form(\?|$)/, key: (url) => `/api/v1/reports/form?lang=${url.searchParams.get('lang') === 'en' ? 'en' : 'id'}` },
  { pattern: /^\/api\/v1\/regions\?(.*&)?level=province(%2C|,)regency/, key: () => '/api/v1/regions?level=province,regency&limit=1000' },
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([PAGE, ...ASSETS, ...OFFLINE_API.map((api) => api.key(new URL('/?lang=id', self.location.origin)))]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('netra-lapor-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, cacheKey) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(cacheKey ?? request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(cacheKey ?? request);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  return cached ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname === PAGE) {
    event.respondWith(networkFirst(request, PAGE));
  } else if (ASSETS.includes(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else {
    const api = OFFLINE_API.find((a) => a.pattern.test(url.pathname + url.search));
    if (api) event.respondWith(networkFirst(request, api.key(url)));
  }
});
