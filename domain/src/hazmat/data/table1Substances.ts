/**
 * GB 18218-2018 Table 1 危险化学品名称及其临界量 — the 85 named substances and their critical
 * quantities Q (临界量, tonnes). See SOURCE.md: row, name, condition, CAS and Q are V2;
 * aliases and English names help lookup only (partly NV).
 */

export interface Table1Substance {
  /** 序号: the row number in Table 1, the unambiguous reference to a row */
  row: number
  /** 危险化学品名称 */
  name: string
  nameEn: string
  /** 说明: the condition printed with the name (content, state); rows sharing a CAS differ here */
  condition?: { zh: string; en: string }
  /** 别名 */
  aliases: readonly string[]
  /** CAS numbers; empty where the standard gives none (煤气, 硝酸铵肥料, 烷基铝) */
  cas: readonly string[]
  /** 临界量 Q, tonnes */
  criticalQuantityT: number
}

export const table1Substances: readonly Table1Substance[] = [
  { row: 1, name: '氨', nameEn: 'ammonia', aliases: ['液氨', '氨气'], cas: ['7664-41-7'], criticalQuantityT: 10 },
  { row: 2, name: '二氟化氧', nameEn: 'oxygen difluoride', aliases: ['一氧化二氟'], cas: ['7783-41-7'], criticalQuantityT: 1 },
  { row: 3, name: '二氧化氮', nameEn: 'nitrogen dioxide', aliases: [], cas: ['10102-44-0'], criticalQuantityT: 1 },
  { row: 4, name: '二氧化硫', nameEn: 'sulfur dioxide', aliases: ['亚硫酸酐'], cas: ['7446-09-5'], criticalQuantityT: 20 },
  { row: 5, name: '氟', nameEn: 'fluorine', aliases: ['氟气'], cas: ['7782-41-4'], criticalQuantityT: 1 },
  { row: 6, name: '碳酰氯', nameEn: 'phosgene', aliases: ['光气'], cas: ['75-44-5'], criticalQuantityT: 0.3 },
  { row: 7, name: '环氧乙烷', nameEn: 'ethylene oxide', aliases: ['氧化乙烯'], cas: ['75-21-8'], criticalQuantityT: 10 },
  { row: 8, name: '甲醛', nameEn: 'formaldehyde', condition: { zh: '含量>90%', en: 'content > 90 %' }, aliases: ['蚁醛'], cas: ['50-00-0'], criticalQuantityT: 5 },
  { row: 9, name: '磷化氢', nameEn: 'phosphine', aliases: ['磷化三氢', '膦'], cas: ['7803-51-2'], criticalQuantityT: 1 },
  { row: 10, name: '硫化氢', nameEn: 'hydrogen sulfide', aliases: [], cas: ['7783-06-4'], criticalQuantityT: 5 },
  { row: 11, name: '氯化氢', nameEn: 'hydrogen chloride', condition: { zh: '无水', en: 'anhydrous' }, aliases: [], cas: ['7647-01-0'], criticalQuantityT: 20 },
  { row: 12, name: '氯', nameEn: 'chlorine', aliases: ['液氯', '氯气'], cas: ['7782-50-5'], criticalQuantityT: 5 },
  { row: 13, name: '煤气', nameEn: 'town gas', condition: { zh: 'CO，CO和H2、CH4的混合物等', en: 'CO, mixtures of CO with H2 and CH4, etc.' }, aliases: [], cas: [], criticalQuantityT: 20 },
  { row: 14, name: '砷化氢', nameEn: 'arsine', aliases: ['砷化三氢', '胂'], cas: ['7784-42-1'], criticalQuantityT: 1 },
  { row: 15, name: '锑化氢', nameEn: 'stibine', aliases: ['三氢化锑', '锑化三氢'], cas: ['7803-52-3'], criticalQuantityT: 1 },
  { row: 16, name: '硒化氢', nameEn: 'hydrogen selenide', aliases: [], cas: ['7783-07-5'], criticalQuantityT: 1 },
  { row: 17, name: '溴甲烷', nameEn: 'methyl bromide', aliases: ['甲基溴'], cas: ['74-83-9'], criticalQuantityT: 10 },
  { row: 18, name: '丙酮氰醇', nameEn: 'acetone cyanohydrin', aliases: ['丙酮合氰化氢', '2-羟基异丁腈', '氰丙醇'], cas: ['75-86-5'], criticalQuantityT: 20 },
  { row: 19, name: '丙烯醛', nameEn: 'acrolein', aliases: ['烯丙醛', '败脂醛'], cas: ['107-02-8'], criticalQuantityT: 20 },
  { row: 20, name: '氟化氢', nameEn: 'hydrogen fluoride', aliases: [], cas: ['7664-39-3'], criticalQuantityT: 1 },
  { row: 21, name: '1-氯-2,3-环氧丙烷', nameEn: 'epichlorohydrin', aliases: ['环氧氯丙烷', '3-氯-1,2-环氧丙烷'], cas: ['106-89-8'], criticalQuantityT: 20 },
  { row: 22, name: '3-溴-1,2-环氧丙烷', nameEn: 'epibromohydrin', aliases: ['环氧溴丙烷', '溴甲基环氧乙烷', '表溴醇'], cas: ['3132-64-7'], criticalQuantityT: 20 },
  { row: 23, name: '甲苯二异氰酸酯', nameEn: 'toluene diisocyanate', aliases: ['二异氰酸甲苯酯', 'TDI'], cas: ['26471-62-5'], criticalQuantityT: 100 },
  { row: 24, name: '一氯化硫', nameEn: 'sulfur monochloride', aliases: ['氯化硫'], cas: ['10025-67-9'], criticalQuantityT: 1 },
  { row: 25, name: '氰化氢', nameEn: 'hydrogen cyanide', aliases: ['无水氢氰酸'], cas: ['74-90-8'], criticalQuantityT: 1 },
  { row: 26, name: '三氧化硫', nameEn: 'sulfur trioxide', aliases: ['硫酸酐'], cas: ['7446-11-9'], criticalQuantityT: 75 },
  { row: 27, name: '3-氨基丙烯', nameEn: 'allylamine', aliases: ['烯丙胺'], cas: ['107-11-9'], criticalQuantityT: 20 },
  { row: 28, name: '溴', nameEn: 'bromine', aliases: ['溴素'], cas: ['7726-95-6'], criticalQuantityT: 20 },
  { row: 29, name: '乙撑亚胺', nameEn: 'ethyleneimine', aliases: ['吖丙啶', '1-氮杂环丙烷', '氮丙啶'], cas: ['151-56-4'], criticalQuantityT: 20 },
  { row: 30, name: '异氰酸甲酯', nameEn: 'methyl isocyanate', aliases: ['甲基异氰酸酯'], cas: ['624-83-9'], criticalQuantityT: 0.75 },
  { row: 31, name: '叠氮化钡', nameEn: 'barium azide', aliases: ['叠氮钡'], cas: ['18810-58-7'], criticalQuantityT: 0.5 },
  { row: 32, name: '叠氮化铅', nameEn: 'lead azide', aliases: [], cas: ['13424-46-9'], criticalQuantityT: 0.5 },
  { row: 33, name: '雷汞', nameEn: 'mercury fulminate', aliases: ['二雷酸汞', '雷酸汞'], cas: ['628-86-4'], criticalQuantityT: 0.5 },
  { row: 34, name: '三硝基苯甲醚', nameEn: 'trinitroanisole', aliases: ['三硝基茴香醚'], cas: ['28653-16-9'], criticalQuantityT: 5 },
  { row: 35, name: '2,4,6-三硝基甲苯', nameEn: 'TNT', aliases: ['梯恩梯', 'TNT'], cas: ['118-96-7'], criticalQuantityT: 5 },
  { row: 36, name: '硝化甘油', nameEn: 'nitroglycerin', aliases: ['硝化丙三醇', '甘油三硝酸酯'], cas: ['55-63-0'], criticalQuantityT: 1 },
  { row: 37, name: '硝化纤维素', nameEn: 'nitrocellulose', condition: { zh: '干的或含水（或乙醇）<25%', en: 'dry, or wetted with < 25 % water (or ethanol)' }, aliases: ['硝化棉'], cas: ['9004-70-0'], criticalQuantityT: 1 },
  { row: 38, name: '硝化纤维素', nameEn: 'nitrocellulose', condition: { zh: '未改型的，或增塑的，含增塑剂<18%', en: 'unmodified, or plasticised with < 18 % plasticiser' }, aliases: ['硝化棉'], cas: ['9004-70-0'], criticalQuantityT: 1 },
  { row: 39, name: '硝化纤维素', nameEn: 'nitrocellulose', condition: { zh: '含乙醇≥25%', en: 'wetted with ≥ 25 % ethanol' }, aliases: ['硝化棉'], cas: ['9004-70-0'], criticalQuantityT: 10 },
  { row: 40, name: '硝化纤维素', nameEn: 'nitrocellulose', condition: { zh: '含氮≤12.6%', en: 'nitrogen ≤ 12.6 %' }, aliases: ['硝化棉'], cas: ['9004-70-0'], criticalQuantityT: 50 },
  { row: 41, name: '硝化纤维素', nameEn: 'nitrocellulose', condition: { zh: '含水≥25%', en: 'wetted with ≥ 25 % water' }, aliases: ['硝化棉'], cas: ['9004-70-0'], criticalQuantityT: 50 },
  { row: 42, name: '硝化纤维素溶液', nameEn: 'nitrocellulose solution', condition: { zh: '含氮量≤12.6%，含硝化纤维素≤55%', en: 'nitrogen ≤ 12.6 %, nitrocellulose ≤ 55 %' }, aliases: ['硝化棉溶液'], cas: ['9004-70-0'], criticalQuantityT: 50 },
  { row: 43, name: '硝酸铵', nameEn: 'ammonium nitrate', condition: { zh: '含可燃物>0.2%', en: 'combustible material > 0.2 %' }, aliases: [], cas: ['6484-52-2'], criticalQuantityT: 5 },
  { row: 44, name: '硝酸铵', nameEn: 'ammonium nitrate', condition: { zh: '含可燃物≤0.2%', en: 'combustible material ≤ 0.2 %' }, aliases: [], cas: ['6484-52-2'], criticalQuantityT: 50 },
  { row: 45, name: '硝酸铵肥料', nameEn: 'ammonium nitrate fertiliser', condition: { zh: '含可燃物≤0.4%', en: 'combustible material ≤ 0.4 %' }, aliases: [], cas: [], criticalQuantityT: 200 },
  { row: 46, name: '硝酸钾', nameEn: 'potassium nitrate', aliases: [], cas: ['7757-79-1'], criticalQuantityT: 1000 },
  { row: 47, name: '1,3-丁二烯', nameEn: '1,3-butadiene', aliases: ['联乙烯', '丁二烯'], cas: ['106-99-0'], criticalQuantityT: 5 },
  { row: 48, name: '二甲醚', nameEn: 'dimethyl ether', aliases: ['甲醚'], cas: ['115-10-6'], criticalQuantityT: 50 },
  { row: 49, name: '甲烷，天然气', nameEn: 'methane, natural gas', aliases: ['甲烷', '天然气', 'LNG', 'CNG'], cas: ['74-82-8', '8006-14-2'], criticalQuantityT: 50 },
  { row: 50, name: '氯乙烯', nameEn: 'vinyl chloride', aliases: ['乙烯基氯'], cas: ['75-01-4'], criticalQuantityT: 50 },
  { row: 51, name: '氢', nameEn: 'hydrogen', aliases: ['氢气'], cas: ['1333-74-0'], criticalQuantityT: 5 },
  { row: 52, name: '液化石油气', nameEn: 'liquefied petroleum gas', condition: { zh: '含丙烷、丁烷及其混合物', en: 'including propane, butane and their mixtures' }, aliases: ['石油气（液化的）', 'LPG', '丙烷', '丁烷'], cas: ['68476-85-7', '74-98-6', '106-97-8'], criticalQuantityT: 50 },
  { row: 53, name: '一甲胺', nameEn: 'methylamine', aliases: ['氨基甲烷', '甲胺'], cas: ['74-89-5'], criticalQuantityT: 5 },
  { row: 54, name: '乙炔', nameEn: 'acetylene', aliases: ['电石气'], cas: ['74-86-2'], criticalQuantityT: 1 },
  { row: 55, name: '乙烯', nameEn: 'ethylene', aliases: [], cas: ['74-85-1'], criticalQuantityT: 50 },
  { row: 56, name: '氧', nameEn: 'oxygen', condition: { zh: '压缩的或液化的', en: 'compressed or liquefied' }, aliases: ['液氧', '氧气'], cas: ['7782-44-7'], criticalQuantityT: 200 },
  { row: 57, name: '苯', nameEn: 'benzene', aliases: ['纯苯'], cas: ['71-43-2'], criticalQuantityT: 50 },
  { row: 58, name: '苯乙烯', nameEn: 'styrene', aliases: ['乙烯苯'], cas: ['100-42-5'], criticalQuantityT: 500 },
  { row: 59, name: '丙酮', nameEn: 'acetone', aliases: ['二甲基酮'], cas: ['67-64-1'], criticalQuantityT: 500 },
  { row: 60, name: '2-丙烯腈', nameEn: 'acrylonitrile', aliases: ['丙烯腈', '乙烯基氰', '氰基乙烯'], cas: ['107-13-1'], criticalQuantityT: 50 },
  { row: 61, name: '二硫化碳', nameEn: 'carbon disulfide', aliases: [], cas: ['75-15-0'], criticalQuantityT: 50 },
  { row: 62, name: '环己烷', nameEn: 'cyclohexane', aliases: ['六氢化苯'], cas: ['110-82-7'], criticalQuantityT: 500 },
  { row: 63, name: '1,2-环氧丙烷', nameEn: 'propylene oxide', aliases: ['氧化丙烯', '甲基环氧乙烷', '环氧丙烷'], cas: ['75-56-9'], criticalQuantityT: 10 },
  { row: 64, name: '甲苯', nameEn: 'toluene', aliases: ['甲基苯', '苯基甲烷'], cas: ['108-88-3'], criticalQuantityT: 500 },
  { row: 65, name: '甲醇', nameEn: 'methanol', aliases: ['木醇', '木精'], cas: ['67-56-1'], criticalQuantityT: 500 },
  { row: 66, name: '汽油', nameEn: 'gasoline', condition: { zh: '乙醇汽油、甲醇汽油', en: 'including ethanol and methanol gasoline' }, aliases: ['乙醇汽油', '甲醇汽油'], cas: ['86290-81-5'], criticalQuantityT: 200 },
  { row: 67, name: '乙醇', nameEn: 'ethanol', aliases: ['酒精'], cas: ['64-17-5'], criticalQuantityT: 500 },
  { row: 68, name: '乙醚', nameEn: 'diethyl ether', aliases: ['二乙基醚'], cas: ['60-29-7'], criticalQuantityT: 10 },
  { row: 69, name: '乙酸乙酯', nameEn: 'ethyl acetate', aliases: ['醋酸乙酯'], cas: ['141-78-6'], criticalQuantityT: 500 },
  { row: 70, name: '正己烷', nameEn: 'n-hexane', aliases: ['己烷'], cas: ['110-54-3'], criticalQuantityT: 500 },
  { row: 71, name: '过乙酸', nameEn: 'peracetic acid', aliases: ['过醋酸', '过氧乙酸', '乙酰过氧化氢'], cas: ['79-21-0'], criticalQuantityT: 10 },
  { row: 72, name: '过氧化甲基乙基酮', nameEn: 'methyl ethyl ketone peroxide', condition: { zh: '10%<有效氧含量≤10.7%，含A型稀释剂≥48%', en: '10 % < active oxygen ≤ 10.7 %, type-A diluent ≥ 48 %' }, aliases: [], cas: ['1338-23-4'], criticalQuantityT: 10 },
  { row: 73, name: '白磷', nameEn: 'white phosphorus', aliases: ['黄磷'], cas: ['12185-10-3'], criticalQuantityT: 50 },
  { row: 74, name: '烷基铝', nameEn: 'aluminium alkyls', aliases: ['三烷基铝'], cas: [], criticalQuantityT: 1 },
  { row: 75, name: '戊硼烷', nameEn: 'pentaborane', aliases: ['五硼烷'], cas: ['19624-22-7'], criticalQuantityT: 1 },
  { row: 76, name: '过氧化钾', nameEn: 'potassium peroxide', aliases: [], cas: ['17014-71-0'], criticalQuantityT: 20 },
  { row: 77, name: '过氧化钠', nameEn: 'sodium peroxide', aliases: ['双氧化钠', '二氧化钠'], cas: ['1313-60-6'], criticalQuantityT: 20 },
  { row: 78, name: '氯酸钾', nameEn: 'potassium chlorate', aliases: [], cas: ['3811-04-9'], criticalQuantityT: 100 },
  { row: 79, name: '氯酸钠', nameEn: 'sodium chlorate', aliases: [], cas: ['7775-09-9'], criticalQuantityT: 100 },
  { row: 80, name: '发烟硝酸', nameEn: 'fuming nitric acid', aliases: [], cas: ['52583-42-3'], criticalQuantityT: 20 },
  { row: 81, name: '硝酸', nameEn: 'nitric acid', condition: { zh: '发红烟的除外，含硝酸>70%', en: 'other than red fuming, nitric acid > 70 %' }, aliases: [], cas: ['7697-37-2'], criticalQuantityT: 100 },
  { row: 82, name: '硝酸胍', nameEn: 'guanidine nitrate', aliases: ['硝酸亚氨脲'], cas: ['506-93-4'], criticalQuantityT: 50 },
  { row: 83, name: '碳化钙', nameEn: 'calcium carbide', aliases: ['电石'], cas: ['75-20-7'], criticalQuantityT: 100 },
  { row: 84, name: '钾', nameEn: 'potassium', aliases: ['金属钾'], cas: ['7440-09-7'], criticalQuantityT: 1 },
  { row: 85, name: '钠', nameEn: 'sodium', aliases: ['金属钠'], cas: ['7440-23-5'], criticalQuantityT: 10 },
]
