/* Shared logic of the H5 service workers (each app's sw.js imports it). Its scope is the folder it is served from (/m/staff/ or
 * /m/resident/), so each PWA controls only its own pages.
 * - navigation: network first, falling back to the cached app shell when offline;
 * - hashed build assets (/assets/*): cache first (their names change with their content);
 * - the app's own static files (manifest, icon): stale-while-revalidate;
 * - /api and /health: never intercepted, never cached. */
const SCOPE = new URL('./', self.location.href).pathname;
const VERSION = 'v1';
const PREFIX = `wuye:${SCOPE}:`;
const SHELL_CACHE = `${PREFIX}shell:${VERSION}`;
const ASSET_CACHE = `${PREFIX}assets:${VERSION}`;
const MAX_ASSETS = 120;
const STATIC_FILES = [`${SCOPE}manifest.webmanifest`, `${SCOPE}icon.svg`];

function isApi(path) {
  return path === '/api' || path.startsWith('/api/') || path === '/health' || path.startsWith('/health/');
}

async function precache() {
  const shell = await caches.open(SHELL_CACHE);
  await Promise.all(STATIC_FILES.map((u) => shell.add(u).catch(() => undefined)));
  try {
    const res = await fetch(SCOPE, { cache: 'no-cache' });
    if (!res.ok) return;
    const html = await res.clone().text();
    await shell.put(SCOPE, res);
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    const cache = await caches.open(ASSET_CACHE);
    await Promise.all(assets.map((u) => cache.add(u).catch(() => undefined)));
  } catch {
    /* offline during install: the shell is cached on the next online navigation */
  }
}

async function trim(cacheName, max) {
  const cache = await caches.open(cacheName);
  const keys = await cache.keys();
  for (let i = 0; i < keys.length - max; i += 1) await cache.delete(keys[i]);
}

async function networkFirstNavigation(request) {
  const shell = await caches.open(SHELL_CACHE);
  try {
    const res = await fetch(request);
    if (res.ok && res.type === 'basic') await shell.put(SCOPE, res.clone());
    return res;
  } catch (err) {
    const cached = await shell.match(SCOPE);
    if (cached) return cached;
    throw err;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(ASSET_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok && res.type === 'basic') {
    await cache.put(request, res.clone());
    trim(ASSET_CACHE, MAX_ASSETS);
  }
  return res;
}

async function staleWhileRevalidate(request) {
  const cache = await caches.open(SHELL_CACHE);
  const hit = await cache.match(request);
  const refresh = fetch(request)
    .then((res) => {
      if (res.ok && res.type === 'basic') cache.put(request, res.clone());
      return res;
    })
    .catch(() => hit);
  return hit || refresh;
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((n) => n.startsWith(PREFIX) && n !== SHELL_CACHE && n !== ASSET_CACHE)
            .map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || isApi(url.pathname)) return;
  if (request.mode === 'navigate') {
    if (url.pathname.startsWith(SCOPE)) event.respondWith(networkFirstNavigation(request));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (url.pathname.startsWith(SCOPE)) event.respondWith(staleWhileRevalidate(request));
});

// Web Push (where the browser's push service is reachable): show the message, open the app on tap.
self.addEventListener('push', (event) => {
  let msg = {};
  try { msg = event.data ? event.data.json() : {}; } catch { msg = { title: event.data && event.data.text() }; }
  event.waitUntil(self.registration.showNotification(msg.title || '物业通知', {
    body: msg.body || '',
    tag: msg.id,
    icon: `${SCOPE}icon.svg`,
    data: { url: `${SCOPE}#/inbox` },
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = (event.notification.data && event.notification.data.url) || SCOPE;
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((list) => {
    const open = list.find((c) => c.url.startsWith(self.location.origin + SCOPE));
    return open ? open.focus().then((c) => c.navigate(target)) : self.clients.openWindow(target);
  }));
});
