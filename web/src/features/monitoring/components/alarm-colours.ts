import type { AlarmLevel, DeviceStatus } from '../api/types.ts'

/** Warning-level colours (蓝黄橙红) as drawn on maps, tags and chart threshold lines. */
export const alarmLevelHex: Record<AlarmLevel, string> = {
  red: '#e02020',
  orange: '#fa8c16',
  yellow: '#f5c400',
  blue: '#1677ff',
}

/** Device status colours where there is no alarm: online green, offline grey. */
export const deviceStatusHex: Record<DeviceStatus, string> = {
  online: '#52c41a',
  offline: '#9e9e9e',
  never: '#bfbfbf',
}

/** Severity rank: 1 = red … 4 = blue (the order of 预警级别). */
export const alarmLevelRank: Record<AlarmLevel, number> = { red: 1, orange: 2, yellow: 3, blue: 4 }
