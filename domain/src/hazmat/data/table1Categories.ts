/**
 * NV — which Table 2 category gives β (Table 4) to each Table 1 substance not listed in Table 3.
 *
 * The standard says a named substance outside Table 3 takes β from its hazard category but does
 * not list the category of each Table 1 row. These defaults are our reading of the substances'
 * GHS classes (危险化学品目录), taking the category with the larger β where a substance has
 * several. They are configuration (`MajorHazardRules.table1Categories`), not part of the
 * standard: check them before relying on a grade, and override per substance by passing
 * `category` with the substance.
 */
import type { HazardCategorySymbol } from './hazardCategories.ts'

export const defaultTable1Categories: Readonly<Record<number, HazardCategorySymbol>> = {
  2: 'J1', // 二氟化氧: acute toxicity cat. 1 gas
  5: 'J3', // 氟: acute toxicity (inhalation) cat. 2 gas
  8: 'J3', // 甲醛 >90 %: acute toxicity cat. 3 gas
  13: 'W2', // 煤气: flammable gas (CO is also toxic; CO alone is Table 3, β 2)
  14: 'J3', // 砷化氢
  15: 'J3', // 锑化氢
  16: 'J3', // 硒化氢
  18: 'J2', // 丙酮氰醇
  19: 'J2', // 丙烯醛
  21: 'J5', // 环氧氯丙烷
  22: 'J5', // 环氧溴丙烷
  23: 'J2', // TDI
  24: 'J5', // 一氯化硫
  26: 'J5', // 三氧化硫
  27: 'J5', // 烯丙胺
  28: 'J2', // 溴
  29: 'J2', // 乙撑亚胺
  31: 'W1.1', // 叠氮化钡
  32: 'W1.1', // 叠氮化铅
  33: 'W1.1', // 雷汞
  34: 'W1.1', // 三硝基苯甲醚
  35: 'W1.1', // TNT
  36: 'W1.1', // 硝化甘油
  37: 'W1.1', // 硝化纤维素, dry or < 25 % wetting
  38: 'W1.1', // 硝化纤维素, plasticised
  39: 'W10', // 硝化纤维素, ≥ 25 % ethanol: flammable solid
  40: 'W10', // 硝化纤维素, N ≤ 12.6 %
  41: 'W10', // 硝化纤维素, ≥ 25 % water
  42: 'W5.3', // 硝化纤维素溶液: flammable liquid
  43: 'W1.1', // 硝酸铵 > 0.2 % combustibles: explosive
  44: 'W9.2', // 硝酸铵 ≤ 0.2 %: oxidizing solid
  45: 'W9.2', // 硝酸铵肥料
  46: 'W9.2', // 硝酸钾
  47: 'W2', // 1,3-丁二烯
  48: 'W2', // 二甲醚
  49: 'W2', // 甲烷，天然气
  50: 'W2', // 氯乙烯
  51: 'W2', // 氢
  52: 'W2', // 液化石油气
  53: 'W2', // 一甲胺
  54: 'W2', // 乙炔
  55: 'W2', // 乙烯
  56: 'W4', // 氧: oxidizing gas
  57: 'W5.3', // 苯
  58: 'W5.4', // 苯乙烯
  59: 'W5.3', // 丙酮
  60: 'W5.3', // 丙烯腈
  61: 'W5.3', // 二硫化碳
  62: 'W5.3', // 环己烷
  63: 'W5.1', // 环氧丙烷: flammable liquid cat. 1
  64: 'W5.3', // 甲苯
  65: 'W5.3', // 甲醇
  66: 'W5.3', // 汽油
  67: 'W5.3', // 乙醇
  68: 'W5.1', // 乙醚: flammable liquid cat. 1
  69: 'W5.3', // 乙酸乙酯
  70: 'W5.3', // 正己烷
  71: 'W7.2', // 过乙酸
  72: 'W7.1', // 过氧化甲基乙基酮
  73: 'W8', // 白磷
  74: 'W8', // 烷基铝
  75: 'W8', // 戊硼烷
  76: 'W9.1', // 过氧化钾
  77: 'W9.1', // 过氧化钠
  78: 'W9.1', // 氯酸钾
  79: 'W9.1', // 氯酸钠
  80: 'W9.1', // 发烟硝酸
  81: 'W9.2', // 硝酸 > 70 %
  82: 'W9.2', // 硝酸胍
  83: 'W11', // 碳化钙
  84: 'W11', // 钾
  85: 'W11', // 钠
}
