import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiGet } from '../../../lib/api-client.ts'
import { monitoringKeys } from './keys.ts'
import type { AlarmDetail } from './types.ts'

export const getAlarm = (id: string) => apiGet<AlarmDetail>(`/api/monitoring/alarms/${id}`)

export const alarmOptions = (id: string) => queryOptions({ queryKey: monitoringKeys.alarm(id), queryFn: () => getAlarm(id) })

/** One alarm with its history. */
export const useAlarm = (id: string | null) => useQuery({ ...alarmOptions(id ?? ''), enabled: id !== null })
