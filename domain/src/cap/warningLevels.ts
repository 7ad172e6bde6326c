/**
 * The four warning levels (预警级别) of the Emergency Response Law (突发事件应对法): 一级 红色
 * (highest) … 四级 蓝色, and how each is written in CAP. The colour → severity mapping
 * (red Extreme, orange Severe, yellow Moderate, blue Minor) is the common choice noted in
 * cap.md, not a standard (NV); urgency and certainty are Yingji's defaults. All of it is
 * configuration: a deployment may store its own table.
 */
import type { CapCertainty, CapSeverity, CapUrgency } from './types.ts'

export const warningLevels = ['red', 'orange', 'yellow', 'blue'] as const

/** 预警级别: red 红色 (一级) … blue 蓝色 (四级) */
export type WarningLevel = (typeof warningLevels)[number]

export interface WarningLevelInfo {
  level: WarningLevel
  /** 1 = 一级 (highest) … 4 = 四级 */
  rank: 1 | 2 | 3 | 4
  /** 红色预警 */
  name: { zh: string; en: string }
  /** 红 */
  colourName: { zh: string; en: string }
}

export const warningLevelInfo: Readonly<Record<WarningLevel, WarningLevelInfo>> = {
  red: { level: 'red', rank: 1, name: { zh: '红色预警', en: 'red warning' }, colourName: { zh: '红色', en: 'red' } },
  orange: { level: 'orange', rank: 2, name: { zh: '橙色预警', en: 'orange warning' }, colourName: { zh: '橙色', en: 'orange' } },
  yellow: { level: 'yellow', rank: 3, name: { zh: '黄色预警', en: 'yellow warning' }, colourName: { zh: '黄色', en: 'yellow' } },
  blue: { level: 'blue', rank: 4, name: { zh: '蓝色预警', en: 'blue warning' }, colourName: { zh: '蓝色', en: 'blue' } },
}

export interface CapLevelMapping {
  severity: CapSeverity
  urgency: CapUrgency
  certainty: CapCertainty
}

export type CapLevelMappings = Readonly<Record<WarningLevel, CapLevelMapping>>

/**
 * Defaults (NV): a red warning means act now (Immediate) on an event that is already observed
 * or all but certain (Observed is chosen per alert, Likely here); orange also Immediate; yellow
 * and blue announce what is expected within hours (Expected), blue being only Possible.
 */
export const defaultCapLevelMappings: CapLevelMappings = {
  red: { severity: 'Extreme', urgency: 'Immediate', certainty: 'Likely' },
  orange: { severity: 'Severe', urgency: 'Immediate', certainty: 'Likely' },
  yellow: { severity: 'Moderate', urgency: 'Expected', certainty: 'Likely' },
  blue: { severity: 'Minor', urgency: 'Expected', certainty: 'Possible' },
}

/** The Yingji level a received alert's severity corresponds to, or null (Unknown). */
export function warningLevelOfSeverity(severity: CapSeverity, mappings: CapLevelMappings = defaultCapLevelMappings): WarningLevel | null {
  return warningLevels.find((level) => mappings[level].severity === severity) ?? null
}

export function isWarningLevel(value: string): value is WarningLevel {
  return (warningLevels as readonly string[]).includes(value)
}
