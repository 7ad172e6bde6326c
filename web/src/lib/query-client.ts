import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { ApiError, isUnauthenticated } from './api-error.ts'

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { quietErrors?: boolean }
    mutationMeta: { quietErrors?: boolean }
  }
}

export interface QueryErrorHandlers {
  /** Shows a failed call to the user (in the current language). */
  notify: (error: unknown) => void
  /** The session is gone: go back to the login page. */
  sessionExpired: () => void
}

/**
 * The one query client. Every failed query or mutation reaches `handlers` here, so screens
 * need no error plumbing of their own; `meta.quietErrors` opts out where a form shows the error.
 */
export function createQueryClient(handlers: QueryErrorHandlers): QueryClient {
  const onError = (error: unknown, quiet: boolean | undefined) => {
    if (isUnauthenticated(error)) handlers.sessionExpired()
    else if (!quiet) handlers.notify(error)
  }
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.meta?.quietErrors) }),
    mutationCache: new MutationCache({ onError: (error, _vars, _ctx, mutation) => onError(error, mutation.meta?.quietErrors) }),
    defaultOptions: {
      queries: {
        // Only a lost connection or a server fault is worth one more try; 4xx answers stand.
        retry: (count, error) => count < 1 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
        refetchOnWindowFocus: false,
      },
    },
  })
}
