import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiGet } from '../../../lib/api-client.ts'
import { teams } from './teams.ts'

export interface Certificate {
  name: string
  number: string | null
  expiresOn: string | null
  daysLeft: number | null
  state: 'valid' | 'expiring' | 'expired' | 'no_expiry'
}

/** A team member with skills and certificates. */
export interface Member {
  id: string
  teamId: string
  name: string
  phone: string | null
  role: string | null
  skills: string[]
  certificates: Certificate[]
  synthetic: boolean
}

export const getTeamMembers = (teamId: string) => apiGet<{ items: Member[] }>(`/api/resources/teams/${teamId}/members`).then((body) => body.items)

export const teamMembersQueryOptions = (teamId: string) =>
  queryOptions({ queryKey: [...teams.keys.all, 'members', teamId], queryFn: () => getTeamMembers(teamId) })

/** `GET /api/resources/teams/{id}/members`. */
export const useTeamMembers = (teamId: string) => useQuery(teamMembersQueryOptions(teamId))
