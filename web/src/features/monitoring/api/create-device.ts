import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiPost } from '../../../lib/api-client.ts'
import { monitoringKeys } from './keys.ts'
import type { CreatedDevice, DeviceInput } from './types.ts'

export const createDevice = (input: DeviceInput) => apiPost<CreatedDevice>('/api/monitoring/devices', input)

/** Registers a device; the answer carries its key, which is shown only once. */
export function useCreateDevice() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createDevice,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monitoringKeys.devices }),
    meta: { quietErrors: true },
  })
}
