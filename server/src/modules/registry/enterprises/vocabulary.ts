/**
 * The closed lists of the enterprise registry: stable English keys stored in the database,
 * Chinese labels for people (and for Excel), English labels second.
 */
import type { EnumOption } from '../../../excel/workbook.ts'

/** 监管类别 */
export const supervisionCategories = [
  { value: 'hazchem_production', label: '危险化学品生产', labelEn: 'Hazardous chemicals: production' },
  { value: 'hazchem_trading', label: '危险化学品经营', labelEn: 'Hazardous chemicals: trading' },
  { value: 'hazchem_use', label: '危险化学品使用', labelEn: 'Hazardous chemicals: use' },
  { value: 'fireworks', label: '烟花爆竹', labelEn: 'Fireworks' },
  { value: 'non_coal_mine', label: '非煤矿山', labelEn: 'Non-coal mine' },
  { value: 'tailings_pond', label: '尾矿库', labelEn: 'Tailings pond' },
  { value: 'metallurgy_trade', label: '冶金工贸', labelEn: 'Metallurgy and trade' },
  { value: 'other', label: '其他', labelEn: 'Other' },
] as const satisfies readonly EnumOption[]
export type SupervisionCategory = (typeof supervisionCategories)[number]['value']

/** 安全生产标准化等级 */
export const standardizationLevels = [
  { value: 'level1', label: '一级', labelEn: 'Level 1' },
  { value: 'level2', label: '二级', labelEn: 'Level 2' },
  { value: 'level3', label: '三级', labelEn: 'Level 3' },
  { value: 'none', label: '未达标', labelEn: 'Not attained' },
] as const satisfies readonly EnumOption[]
export type StandardizationLevel = (typeof standardizationLevels)[number]['value']

/** 经营状态 */
export const enterpriseStatuses = [
  { value: 'operating', label: '运营', labelEn: 'Operating' },
  { value: 'suspended', label: '停产', labelEn: 'Suspended' },
  { value: 'closed', label: '关闭', labelEn: 'Closed' },
] as const satisfies readonly EnumOption[]
export type EnterpriseStatus = (typeof enterpriseStatuses)[number]['value']

/** 单元类型: 生产单元 / 储存单元 (GB 18218-2018 clause 3.4, 3.5) */
export const unitKinds = [
  { value: 'production', label: '生产单元', labelEn: 'Production unit' },
  { value: 'storage', label: '储存单元', labelEn: 'Storage unit' },
] as const satisfies readonly EnumOption[]
export type UnitKind = (typeof unitKinds)[number]['value']

export const valuesOf = <T extends readonly { value: string }[]>(options: T): T[number]['value'][] => options.map((o) => o.value)
