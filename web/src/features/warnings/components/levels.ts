import type { WarningLevel } from '../api/types.ts'

/** 蓝黄橙红 as the warning signal colours. */
export const levelHex: Record<WarningLevel, string> = {
  blue: '#1677ff',
  yellow: '#fadb14',
  orange: '#fa8c16',
  red: '#f5222d',
}
/** Text on a level-coloured background. */
export const levelText: Record<WarningLevel, string> = { blue: '#fff', yellow: '#262626', orange: '#fff', red: '#fff' }
/** Most severe first. */
export const levelRank: Record<WarningLevel, number> = { red: 1, orange: 2, yellow: 3, blue: 4 }
