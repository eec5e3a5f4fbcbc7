import { useEffect, useState } from 'react';

/** `value` once it has stopped changing for `ms` (compared by its JSON, so a new object of the same body is no change) */
export function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  const json = JSON.stringify(value);
  useEffect(() => {
    const id = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(id);
  }, [json, ms]); // eslint-disable-line react-hooks/exhaustive-deps
  return settled;
}
