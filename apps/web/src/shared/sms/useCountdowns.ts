import { useCallback, useEffect, useState } from 'react';

/**
 * Re-send countdowns, one per key (the phone number: the server limits codes per number, so a
 * mistyped number does not hold up the right one). `remaining(key)` is in whole seconds.
 */
export function useCountdowns() {
  const [deadlines, setDeadlines] = useState<Record<string, number>>({});
  const [now, setNow] = useState(() => Date.now());
  const last = Math.max(0, ...Object.values(deadlines));

  useEffect(() => {
    if (last <= Date.now()) return;
    const id = window.setInterval(() => {
      const n = Date.now();
      setNow(n);
      if (n >= last) window.clearInterval(id);
    }, 250);
    return () => window.clearInterval(id);
  }, [last]);

  const start = useCallback((key: string, seconds: number) => {
    const n = Date.now();
    setNow(n);
    setDeadlines((d) => ({ ...d, [key]: n + Math.max(0, seconds) * 1000 }));
  }, []);

  const remaining = (key: string) => Math.max(0, Math.ceil(((deadlines[key] ?? 0) - now) / 1000));
  return { remaining, start };
}
