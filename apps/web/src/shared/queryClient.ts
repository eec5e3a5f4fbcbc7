import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api.ts';

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // a 4xx will not get better by asking again
        retry: (count, err) => !(isApiError(err) && err.status >= 400 && err.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 15_000,
      },
      mutations: { retry: false },
    },
  });
}
