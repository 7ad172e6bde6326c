import { describe, expect, it } from 'vitest'
import { hazardEventKeys } from '../cap/hazardEvents.ts'
import { warningLevels } from '../cap/warningLevels.ts'
import { defaultHeadline } from './headline.ts'
import { allInstructionTemplates, fillTemplate, instructionTemplate } from './instructionTemplates.ts'

describe('instruction templates per hazard × level (防御指南), Chinese and English', () => {
  it('every hazard × level has a template with both languages', () => {
    const all = allInstructionTemplates()
    expect(all).toHaveLength(hazardEventKeys.length * warningLevels.length)
    for (const t of all) {
      expect(t.description.zh.length).toBeGreaterThan(5)
      expect(t.description.en.length).toBeGreaterThan(5)
      expect(t.instruction.zh.length).toBeGreaterThan(5)
      expect(t.instruction.en.length).toBeGreaterThan(5)
    }
    for (const hazard of ['rainstorm', 'flood', 'geologicalHazard', 'forestFire', 'hazmatLeak'] as const) {
      expect(all.filter((t) => t.hazard === hazard).every((t) => !t.generic)).toBe(true)
    }
  })

  it.each([
    { level: 'blue' as const, text: '12小时内', amount: '50毫米' },
    { level: 'yellow' as const, text: '6小时内', amount: '50毫米' },
    { level: 'orange' as const, text: '3小时内', amount: '50毫米' },
    { level: 'red' as const, text: '3小时内', amount: '100毫米' },
  ])('暴雨预警信号 (CMA 令第16号 annex, warnings.md §2): $level names $amount within $text', ({ level, text, amount }) => {
    const filled = fillTemplate(instructionTemplate('rainstorm', level), { zh: '乐平市镇桥镇' })
    expect(filled.description.zh).toContain(text)
    expect(filled.description.zh).toContain(amount)
    expect(filled.description.zh).toContain('乐平市镇桥镇')
    expect(filled.description.en).toContain('乐平市镇桥镇')
  })

  it('a deployment may replace the table; a missing entry falls back to a generic text naming the hazard', () => {
    const custom = { rainstorm: { red: { description: { zh: '自定义', en: 'custom' }, instruction: { zh: '撤离', en: 'leave' } } } }
    expect(instructionTemplate('rainstorm', 'red', custom).instruction.zh).toBe('撤离')
    expect(instructionTemplate('rainstorm', 'blue', custom).description.zh).toContain('暴雨')
  })
})

describe('default headline (<发布单位>发布<灾种><颜色>预警)', () => {
  it.each([
    { msgType: 'Alert' as const, zh: '乐平市应急管理局发布暴雨橙色预警', en: 'Orange rainstorm warning issued by Leping Emergency Management Bureau' },
    { msgType: 'Update' as const, zh: '乐平市应急管理局更新暴雨橙色预警', en: 'Orange rainstorm warning updated by Leping Emergency Management Bureau' },
    { msgType: 'Cancel' as const, zh: '乐平市应急管理局解除暴雨橙色预警', en: 'Orange rainstorm warning cancelled by Leping Emergency Management Bureau' },
  ])('$msgType', ({ msgType, zh, en }) => {
    expect(defaultHeadline({ senderName: { zh: '乐平市应急管理局', en: 'Leping Emergency Management Bureau' }, hazard: 'rainstorm', level: 'orange', msgType })).toEqual({ zh, en })
  })
})
