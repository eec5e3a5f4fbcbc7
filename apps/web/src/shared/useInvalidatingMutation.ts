import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';

/** A mutation after whose success the queries under `queryKey` are refetched (it settles once they are marked stale). */
export function useInvalidatingMutation<TData, TVariables>(queryKey: QueryKey, mutationFn: (variables: TVariables) => Promise<TData>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => qc.invalidateQueries({ queryKey }) });
}
