import type { ListParams } from '../../../lib/crud-resource.ts'

/** Query keys of the monitoring feature; stream events invalidate by these prefixes. */
export const monitoringKeys = {
  all: ['monitoring'] as const,
  deviceTypes: ['monitoring', 'device-types'] as const,
  devices: ['monitoring', 'devices'] as const,
  deviceList: (params: ListParams) => ['monitoring', 'devices', 'list', params] as const,
  device: (id: string) => ['monitoring', 'devices', 'detail', id] as const,
  deviceMap: ['monitoring', 'devices', 'map'] as const,
  readings: (deviceId: string) => ['monitoring', 'readings', deviceId] as const,
  series: (deviceId: string, metric: string, params: ListParams) => ['monitoring', 'readings', deviceId, metric, params] as const,
  alarms: ['monitoring', 'alarms'] as const,
  alarmList: (params: ListParams) => ['monitoring', 'alarms', 'list', params] as const,
  alarm: (id: string) => ['monitoring', 'alarms', 'detail', id] as const,
  townships: ['monitoring', 'townships'] as const,
}
