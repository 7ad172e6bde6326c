import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiGet } from '../../../lib/api-client.ts'
import type { Division } from './types.ts'

export const getDivision = (code: string) => apiGet<Division>(`/api/divisions/${encodeURIComponent(code)}`)

export const divisionQueryOptions = (code: string) =>
  queryOptions({ queryKey: ['geo', 'division', code], queryFn: () => getDivision(code), staleTime: Infinity })

/** One division with its children; `null` code waits. */
export const useDivision = (code: string | null) =>
  useQuery({ ...divisionQueryOptions(code ?? ''), enabled: code !== null })
