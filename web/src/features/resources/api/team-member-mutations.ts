import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiDelete, apiPatch, apiPost } from '../../../lib/api-client.ts'
import type { Member } from './get-team-members.ts'
import { teams } from './teams.ts'

export interface MemberInput {
  name: string
  phone?: string | null
  role?: string | null
  skills?: string[]
  certificates?: { name: string; number?: string | null; expiresOn?: string | null }[]
}

const membersPath = (teamId: string) => `/api/resources/teams/${teamId}/members`

export const addMember = (teamId: string, input: MemberInput) => apiPost<Member>(membersPath(teamId), input)
export const updateMember = (teamId: string, memberId: string, input: Partial<MemberInput>) => apiPatch<Member>(`${membersPath(teamId)}/${memberId}`, input)
export const removeMember = (teamId: string, memberId: string) => apiDelete(`${membersPath(teamId)}/${memberId}`)

/** Add, change or remove a team member; the members, the team rows and certificate warnings refresh. */
export function useMemberMutations(teamId: string) {
  const queryClient = useQueryClient()
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: teams.keys.all })
  return {
    save: useMutation({
      mutationFn: ({ memberId, input }: { memberId: string | null; input: MemberInput }) =>
        memberId ? updateMember(teamId, memberId, input) : addMember(teamId, input),
      onSuccess,
      meta: { quietErrors: true },
    }),
    remove: useMutation({ mutationFn: (memberId: string) => removeMember(teamId, memberId), onSuccess }),
  }
}
