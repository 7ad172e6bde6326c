/**
 * GB 18218-2018 Table 5 暴露人员校正系数α and Table 6 重大危险源级别 (levels by R). V2, see SOURCE.md.
 */

/** Table 5: α by the number of people who may be exposed outside the plant (厂区外暴露人员). Highest band first. */
export const table5ExposedPeopleAlpha: readonly { minPeople: number; alpha: number }[] = [
  { minPeople: 100, alpha: 2.0 },
  { minPeople: 50, alpha: 1.5 },
  { minPeople: 30, alpha: 1.2 },
  { minPeople: 1, alpha: 1.0 },
  { minPeople: 0, alpha: 0.5 },
]

export type MajorHazardLevel = 1 | 2 | 3 | 4

/** Table 6: the level is the first row whose lower bound R reaches (bounds included). */
export const table6Levels: readonly { level: MajorHazardLevel; minR: number; name: { zh: string; en: string } }[] = [
  { level: 1, minR: 100, name: { zh: '一级', en: 'Level 1' } },
  { level: 2, minR: 50, name: { zh: '二级', en: 'Level 2' } },
  { level: 3, minR: 10, name: { zh: '三级', en: 'Level 3' } },
  { level: 4, minR: Number.NEGATIVE_INFINITY, name: { zh: '四级', en: 'Level 4' } },
]
