/**
 * The four safety-risk levels of the dual prevention mechanism (双重预防机制: 安全风险分级管控
 * and 隐患排查治理) and their colours. V: 重大/较大/一般/低 ↔ 红/橙/黄/蓝.
 */

export const riskLevels = ['major', 'large', 'general', 'low'] as const

/** 风险等级 */
export type RiskLevel = (typeof riskLevels)[number]

export interface RiskLevelInfo {
  level: RiskLevel
  /** 重大风险 … 低风险 */
  name: { zh: string; en: string }
  /** 红 橙 黄 蓝 */
  colour: 'red' | 'orange' | 'yellow' | 'blue'
  colourName: { zh: string; en: string }
}

export const riskLevelInfo: Readonly<Record<RiskLevel, RiskLevelInfo>> = {
  major: { level: 'major', name: { zh: '重大风险', en: 'major risk' }, colour: 'red', colourName: { zh: '红', en: 'red' } },
  large: { level: 'large', name: { zh: '较大风险', en: 'larger risk' }, colour: 'orange', colourName: { zh: '橙', en: 'orange' } },
  general: { level: 'general', name: { zh: '一般风险', en: 'general risk' }, colour: 'yellow', colourName: { zh: '黄', en: 'yellow' } },
  low: { level: 'low', name: { zh: '低风险', en: 'low risk' }, colour: 'blue', colourName: { zh: '蓝', en: 'blue' } },
}
