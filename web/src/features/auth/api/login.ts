import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiPost } from '../../../lib/api-client.ts'
import { meQueryKey } from './get-me.ts'
import type { Me } from './types.ts'

export interface LoginInput {
  username: string
  password: string
}

export const login = (input: LoginInput) => apiPost<{ user: Me }>('/api/auth/login', input)

/** Signs in; the session cookie is set by the server, the user lands in the `me` cache. */
export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: login,
    // The login form shows its own error inline.
    meta: { quietErrors: true },
    onSuccess: ({ user }) => {
      queryClient.clear()
      queryClient.setQueryData(meQueryKey, user)
    },
  })
}
