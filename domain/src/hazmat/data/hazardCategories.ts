/**
 * GB 18218-2018 Table 2 未在表1中列举的危险化学品类别及其临界量 (critical quantity Q by hazard
 * category) joined with Table 4 校正系数β (β by the same category symbol). V2, see SOURCE.md.
 * J = health hazard (acute toxicity 急性毒性); W = physical hazards.
 */

export const hazardCategorySymbols = [
  'J1', 'J2', 'J3', 'J4', 'J5',
  'W1.1', 'W1.2', 'W1.3', 'W2', 'W3', 'W4',
  'W5.1', 'W5.2', 'W5.3', 'W5.4', 'W6.1', 'W6.2', 'W7.1', 'W7.2', 'W8', 'W9.1', 'W9.2', 'W10', 'W11',
] as const

/** 危险性类别符号 of Table 2 */
export type HazardCategorySymbol = (typeof hazardCategorySymbols)[number]

export interface HazardCategory {
  symbol: HazardCategorySymbol
  /** 类别 (the hazard class heading of Table 2) */
  hazardClass: { zh: string; en: string }
  /** 危险性分类及说明 */
  description: { zh: string; en: string }
  /** 临界量 Q, tonnes (Table 2) */
  criticalQuantityT: number
  /** 校正系数 β (Table 4) */
  beta: number
}

const acuteToxicity = { zh: '急性毒性', en: 'acute toxicity' }
const explosives = { zh: '爆炸物', en: 'explosives' }
const flammableLiquids = { zh: '易燃液体', en: 'flammable liquids' }
const selfReactive = { zh: '自反应物质和混合物', en: 'self-reactive substances and mixtures' }
const organicPeroxides = { zh: '有机过氧化物', en: 'organic peroxides' }
const oxidizingSolidsLiquids = { zh: '氧化性固体和液体', en: 'oxidizing solids and liquids' }

export const hazardCategories: readonly HazardCategory[] = [
  { symbol: 'J1', hazardClass: acuteToxicity, description: { zh: '类别1，所有暴露途径，气体', en: 'category 1, all exposure routes, gases' }, criticalQuantityT: 5, beta: 4 },
  { symbol: 'J2', hazardClass: acuteToxicity, description: { zh: '类别1，所有暴露途径，固体、液体', en: 'category 1, all exposure routes, solids and liquids' }, criticalQuantityT: 50, beta: 1 },
  { symbol: 'J3', hazardClass: acuteToxicity, description: { zh: '类别2、类别3，所有暴露途径，气体', en: 'categories 2 and 3, all exposure routes, gases' }, criticalQuantityT: 50, beta: 2 },
  { symbol: 'J4', hazardClass: acuteToxicity, description: { zh: '类别2、类别3，吸入途径，液体（沸点≤35℃）', en: 'categories 2 and 3, inhalation, liquids boiling at ≤ 35 °C' }, criticalQuantityT: 50, beta: 2 },
  { symbol: 'J5', hazardClass: acuteToxicity, description: { zh: '类别2，所有暴露途径，液体（除J4外）、固体', en: 'category 2, all exposure routes, liquids (other than J4) and solids' }, criticalQuantityT: 500, beta: 1 },
  { symbol: 'W1.1', hazardClass: explosives, description: { zh: '不稳定爆炸物；1.1项爆炸物', en: 'unstable explosives; division 1.1 explosives' }, criticalQuantityT: 1, beta: 2 },
  { symbol: 'W1.2', hazardClass: explosives, description: { zh: '1.2、1.3、1.5、1.6项爆炸物', en: 'division 1.2, 1.3, 1.5 and 1.6 explosives' }, criticalQuantityT: 10, beta: 2 },
  { symbol: 'W1.3', hazardClass: explosives, description: { zh: '1.4项爆炸物', en: 'division 1.4 explosives' }, criticalQuantityT: 50, beta: 2 },
  { symbol: 'W2', hazardClass: { zh: '易燃气体', en: 'flammable gases' }, description: { zh: '类别1和类别2', en: 'categories 1 and 2' }, criticalQuantityT: 10, beta: 1.5 },
  { symbol: 'W3', hazardClass: { zh: '气溶胶', en: 'aerosols' }, description: { zh: '类别1和类别2（净重）', en: 'categories 1 and 2 (net weight)' }, criticalQuantityT: 150, beta: 1 },
  { symbol: 'W4', hazardClass: { zh: '氧化性气体', en: 'oxidizing gases' }, description: { zh: '类别1', en: 'category 1' }, criticalQuantityT: 50, beta: 1 },
  { symbol: 'W5.1', hazardClass: flammableLiquids, description: { zh: '类别1；类别2和3，工作温度高于沸点', en: 'category 1; categories 2 and 3 handled above their boiling point' }, criticalQuantityT: 10, beta: 1.5 },
  { symbol: 'W5.2', hazardClass: flammableLiquids, description: { zh: '类别2和3，具有引发重大事故的特殊工艺条件（危险化工工艺、爆炸极限范围或附近操作、操作压力大于1.6MPa等）', en: 'categories 2 and 3 under special process conditions that can cause a major accident (hazardous chemical processes, operation in or near the explosive range, pressure above 1.6 MPa, etc.)' }, criticalQuantityT: 50, beta: 1 },
  { symbol: 'W5.3', hazardClass: flammableLiquids, description: { zh: '不属于W5.1或W5.2的其他类别2', en: 'other category 2 not in W5.1 or W5.2' }, criticalQuantityT: 1000, beta: 1 },
  { symbol: 'W5.4', hazardClass: flammableLiquids, description: { zh: '不属于W5.1或W5.2的其他类别3', en: 'other category 3 not in W5.1 or W5.2' }, criticalQuantityT: 5000, beta: 1 },
  { symbol: 'W6.1', hazardClass: selfReactive, description: { zh: 'A型和B型自反应物质和混合物', en: 'types A and B' }, criticalQuantityT: 10, beta: 1.5 },
  { symbol: 'W6.2', hazardClass: selfReactive, description: { zh: 'C型、D型、E型自反应物质和混合物', en: 'types C, D and E' }, criticalQuantityT: 50, beta: 1 },
  { symbol: 'W7.1', hazardClass: organicPeroxides, description: { zh: 'A型和B型有机过氧化物', en: 'types A and B' }, criticalQuantityT: 10, beta: 1.5 },
  { symbol: 'W7.2', hazardClass: organicPeroxides, description: { zh: 'C型、D型、E型、F型有机过氧化物', en: 'types C, D, E and F' }, criticalQuantityT: 50, beta: 1 },
  { symbol: 'W8', hazardClass: { zh: '自燃液体和自燃固体', en: 'pyrophoric liquids and solids' }, description: { zh: '类别1自燃液体；类别1自燃固体', en: 'category 1 pyrophoric liquids; category 1 pyrophoric solids' }, criticalQuantityT: 50, beta: 1 },
  { symbol: 'W9.1', hazardClass: oxidizingSolidsLiquids, description: { zh: '类别1', en: 'category 1' }, criticalQuantityT: 50, beta: 1 },
  { symbol: 'W9.2', hazardClass: oxidizingSolidsLiquids, description: { zh: '类别2、类别3', en: 'categories 2 and 3' }, criticalQuantityT: 200, beta: 1 },
  { symbol: 'W10', hazardClass: { zh: '易燃固体', en: 'flammable solids' }, description: { zh: '类别1易燃固体', en: 'category 1 flammable solids' }, criticalQuantityT: 200, beta: 1 },
  { symbol: 'W11', hazardClass: { zh: '遇水放出易燃气体的物质和混合物', en: 'substances and mixtures which emit flammable gases in contact with water' }, description: { zh: '类别1和类别2', en: 'categories 1 and 2' }, criticalQuantityT: 200, beta: 1 },
]
