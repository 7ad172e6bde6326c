import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiGet } from '../../../lib/api-client.ts'
import { isUnauthenticated } from '../../../lib/api-error.ts'
import type { Me } from './types.ts'

export const meQueryKey = ['auth', 'me'] as const

/** The signed-in user, or null when there is no session (not an error: the login page shows). */
export async function getMe(): Promise<Me | null> {
  try {
    // The contract answers `Me`; tolerate `{user: Me}` as login answers.
    const body = await apiGet<Me | { user: Me }>('/api/auth/me')
    return 'user' in body ? body.user : body
  } catch (error) {
    if (isUnauthenticated(error)) return null
    throw error
  }
}

export const meQueryOptions = () =>
  queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000, retry: false })

export const useMe = () => useQuery(meQueryOptions())
