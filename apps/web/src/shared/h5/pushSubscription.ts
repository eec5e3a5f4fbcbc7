import { api } from '../api.ts';

const b64ToBytes = (b64: string) => {
  const s = atob(b64.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
};

/**
 * After sign-in, an installed H5 that the person allowed to notify subscribes to Web Push with the
 * server's VAPID key. Silently does nothing where push is unavailable (e.g. no reachable push service).
 */
export async function subscribeToPush(prefix: string): Promise<boolean> {
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return false;
  if (Notification.permission === 'default') {
    if ((await Notification.requestPermission()) !== 'granted') return false;
  }
  if (Notification.permission !== 'granted') return false;
  try {
    const reg = await navigator.serviceWorker.getRegistration(prefix);
    if (!reg) return false;
    const { publicKey } = await api.get<{ publicKey: string }>('/api/push/vapid-public-key');
    const sub = (await reg.pushManager.getSubscription())
      ?? (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: b64ToBytes(publicKey) }));
    const json = sub.toJSON();
    await api.post('/api/me/push-subscriptions', { endpoint: json.endpoint, keys: json.keys });
    return true;
  } catch {
    return false;
  }
}
