/**
 * GB 18218-2018 Table 3 毒性气体校正系数β — the 14 named toxic gases whose β replaces the
 * category value of Table 4. V2, see SOURCE.md. Carbon monoxide is the only one not in Table 1
 * (its Q comes from Table 2).
 */

export interface ToxicGasBeta {
  name: string
  nameEn: string
  cas: string
  beta: number
}

export const table3ToxicGases: readonly ToxicGasBeta[] = [
  { name: '一氧化碳', nameEn: 'carbon monoxide', cas: '630-08-0', beta: 2 },
  { name: '二氧化硫', nameEn: 'sulfur dioxide', cas: '7446-09-5', beta: 2 },
  { name: '氨', nameEn: 'ammonia', cas: '7664-41-7', beta: 2 },
  { name: '环氧乙烷', nameEn: 'ethylene oxide', cas: '75-21-8', beta: 2 },
  { name: '氯化氢', nameEn: 'hydrogen chloride', cas: '7647-01-0', beta: 3 },
  { name: '溴甲烷', nameEn: 'methyl bromide', cas: '74-83-9', beta: 3 },
  { name: '氯', nameEn: 'chlorine', cas: '7782-50-5', beta: 4 },
  { name: '硫化氢', nameEn: 'hydrogen sulfide', cas: '7783-06-4', beta: 5 },
  { name: '氟化氢', nameEn: 'hydrogen fluoride', cas: '7664-39-3', beta: 5 },
  { name: '二氧化氮', nameEn: 'nitrogen dioxide', cas: '10102-44-0', beta: 10 },
  { name: '氰化氢', nameEn: 'hydrogen cyanide', cas: '74-90-8', beta: 10 },
  { name: '碳酰氯', nameEn: 'phosgene', cas: '75-44-5', beta: 20 },
  { name: '磷化氢', nameEn: 'phosphine', cas: '7803-51-2', beta: 20 },
  { name: '异氰酸甲酯', nameEn: 'methyl isocyanate', cas: '624-83-9', beta: 20 },
]
