import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiDelete, apiGet, apiPatch, apiPost, withQuery } from '../../../lib/api-client.ts'
import { warningKeys } from './keys.ts'
import type { Page, Subscriber } from './types.ts'

export interface SubscriberListParams {
  page: number
  pageSize: number
  q?: string
  [key: string]: string | number | undefined
}

export const useSubscribers = (params: SubscriberListParams) =>
  useQuery({
    queryKey: warningKeys.subscriberList(params),
    queryFn: async () => {
      const data = await apiGet<Subscriber[] | Page<Subscriber>>(withQuery('/api/warnings/subscribers', params))
      return Array.isArray(data) ? { items: data, total: data.length } : data
    },
    placeholderData: keepPreviousData,
  })

export type SubscriberInput = Omit<Subscriber, 'id' | 'divisionName' | 'synthetic' | 'location'>

export function useSaveSubscriber() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Partial<SubscriberInput> }) =>
      id ? apiPatch<Subscriber>(`/api/warnings/subscribers/${id}`, body) : apiPost<Subscriber>('/api/warnings/subscribers', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: warningKeys.subscribers }),
  })
}

export function useDeleteSubscriber() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => apiDelete(`/api/warnings/subscribers/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: warningKeys.subscribers }),
  })
}
