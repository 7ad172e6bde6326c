import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiPatch } from '../../../lib/api-client.ts'
import { monitoringKeys } from './keys.ts'
import type { DeviceDetail, DeviceSettings } from './types.ts'

export const updateDevice = (id: string, settings: DeviceSettings) => apiPatch<DeviceDetail>(`/api/monitoring/devices/${id}`, settings)

/** Saves a device's station parameters and rule overrides; the server re-assigns its rules at once. */
export function useUpdateDevice(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (settings: DeviceSettings) => updateDevice(id, settings),
    onSuccess: (device) => {
      queryClient.setQueryData(monitoringKeys.device(id), device)
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.devices })
      // The charts draw the rules' thresholds, which may have changed.
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.readings(id) })
    },
  })
}
