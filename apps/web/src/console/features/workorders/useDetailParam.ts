import { useSearchParams } from 'react-router';

/** The order open in the detail drawer lives in the URL (`?id=`): a link or a reload opens the same order. */
export function useDetailParam() {
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const open = (next: string | null) =>
    setParams((p) => {
      const copy = new URLSearchParams(p);
      if (next) copy.set('id', next);
      else copy.delete('id');
      return copy;
    }, { replace: !next });
  return [id, open] as const;
}
