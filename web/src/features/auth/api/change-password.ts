import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiPost } from '../../../lib/api-client.ts'
import { meQueryKey } from './get-me.ts'

export interface ChangePasswordInput {
  currentPassword: string
  newPassword: string
}

export const changePassword = (input: ChangePasswordInput) => apiPost<void>('/api/auth/password', input)

/** Changes the password; `me` is refetched so `mustChangePassword` clears. */
export function useChangePassword() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: changePassword,
    meta: { quietErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  })
}
