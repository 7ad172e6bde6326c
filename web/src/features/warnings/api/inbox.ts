import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiGet, apiPost, withQuery } from '../../../lib/api-client.ts'
import type { WarningLevel } from './types.ts'

export interface InboxItem {
  deliveryId: string
  warningId: string
  identifier: string
  msgType: string
  level: WarningLevel
  title: string
  body: string
  areaDesc: string
  expires: string
  receivedAt: string
  status: string
  acknowledgedAt: string | null
}

export interface Inbox {
  items: InboxItem[]
  total: number
  unacknowledged: number
  page: number
  pageSize: number
}

const inboxKey = ['warnings', 'inbox'] as const

/** Warnings pushed to the signed-in user (dashboard channel); refreshed every 15 s. */
export const useInbox = (page: number) =>
  useQuery({
    queryKey: [...inboxKey, page],
    queryFn: () => apiGet<Inbox>(withQuery('/api/warnings/inbox', { page, pageSize: 20 })),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  })

export function useAcknowledge() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (deliveryId: string) => apiPost(`/api/warnings/inbox/${deliveryId}/ack`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKey }),
  })
}
