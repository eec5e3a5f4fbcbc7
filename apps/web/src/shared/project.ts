import { useSyncExternalStore } from 'react';

/** The project the user is working in; '' = all projects. Kept in localStorage `projectId`. */
const KEY = 'projectId';
const listeners = new Set<() => void>();

export function getProjectId(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function setProjectId(id: string) {
  if (id === getProjectId()) return;
  try {
    if (id) localStorage.setItem(KEY, id);
    else localStorage.removeItem(KEY);
  } catch {
    /* ignore */
  }
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useProjectId(): string {
  return useSyncExternalStore(subscribe, getProjectId, () => '');
}
