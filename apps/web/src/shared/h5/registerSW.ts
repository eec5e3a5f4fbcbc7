/** Register the app's own service worker (`<prefix>sw.js`, scope `<prefix>`) in production builds. */
export function registerServiceWorker(prefix: '/m/staff/' | '/m/resident/') {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(`${prefix}sw.js`, { scope: prefix }).catch((err: unknown) => {
      console.warn('service worker registration failed', err);
    });
  });
}
