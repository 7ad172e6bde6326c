/**
 * The four warning levels of the Emergency Response Law (突发事件应对法): 蓝 blue (四级, 一般) <
 * 黄 yellow (三级, 较重) < 橙 orange (二级, 严重) < 红 red (一级, 特别严重). The level names are
 * NV in ../shared/domain/warnings.md §1 (standard knowledge); the order is what alarms rely on.
 */

/** Ascending severity: the index is the rank. */
export const warningLevels = ['blue', 'yellow', 'orange', 'red'] as const

/** 预警级别 */
export type WarningLevel = (typeof warningLevels)[number]

export interface WarningLevelInfo {
  level: WarningLevel
  /** 0 = blue … 3 = red */
  rank: number
  /** 四级 … 一级 */
  grade: { zh: string; en: string }
  /** 蓝色 … 红色 */
  colourName: { zh: string; en: string }
}

export const warningLevelInfo: Readonly<Record<WarningLevel, WarningLevelInfo>> = {
  blue: { level: 'blue', rank: 0, grade: { zh: '四级（一般）', en: 'level IV (ordinary)' }, colourName: { zh: '蓝色', en: 'blue' } },
  yellow: { level: 'yellow', rank: 1, grade: { zh: '三级（较重）', en: 'level III (relatively serious)' }, colourName: { zh: '黄色', en: 'yellow' } },
  orange: { level: 'orange', rank: 2, grade: { zh: '二级（严重）', en: 'level II (serious)' }, colourName: { zh: '橙色', en: 'orange' } },
  red: { level: 'red', rank: 3, grade: { zh: '一级（特别严重）', en: 'level I (especially serious)' }, colourName: { zh: '红色', en: 'red' } },
}

export function isWarningLevel(value: unknown): value is WarningLevel {
  return typeof value === 'string' && (warningLevels as readonly string[]).includes(value)
}
