import { useEffect, useRef } from 'react';

export interface Geo { lat: number; lng: number }

/**
 * Asks for the phone's position once while `active` (a step's sheet is open) and keeps the
 * answer in a ref: the step sends it if it has arrived, and never waits for it or for a refusal.
 */
export function useGeo(active: boolean) {
  const pos = useRef<Geo | undefined>(undefined);
  useEffect(() => {
    if (!active || typeof navigator === 'undefined' || !navigator.geolocation) return;
    let live = true;
    navigator.geolocation.getCurrentPosition(
      (p) => {
        if (live) pos.current = { lat: Math.round(p.coords.latitude * 1e6) / 1e6, lng: Math.round(p.coords.longitude * 1e6) / 1e6 };
      },
      () => { /* refused or unavailable: the step goes without */ },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
    return () => { live = false; };
  }, [active]);
  return pos;
}
