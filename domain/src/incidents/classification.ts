/**
 * The national classification of emergencies (突发事件分类): 《中华人民共和国突发事件应对法》
 * Art. 2 names four categories — 自然灾害、事故灾难、公共卫生事件、社会安全事件 — and
 * 《国家突发公共事件总体应急预案》 (2006) §1.3 lists their main kinds, used here as subtypes:
 * - 自然灾害: 水旱灾害、气象灾害、地震灾害、地质灾害、海洋灾害、生物灾害和森林草原火灾;
 * - 事故灾难: 工矿商贸等企业的各类安全事故、交通运输事故、公共设施和设备事故、环境污染和生态破坏事件;
 * - 公共卫生事件: 传染病疫情、群体性不明原因疾病、食品安全和职业危害、动物疫情;
 * - 社会安全事件: 恐怖袭击事件、经济安全事件、涉外突发事件 (群体性事件 added, common practice: NV).
 * Work-safety accidents are split further (危险化学品, 矿山, 火灾) because Leping's plans are.
 * Category keys are those of domain/src/plans/incidentFacts.ts (`IncidentType`) and subtype codes
 * double as the plans' hazard-type keys where one exists (flood, geologicalHazard, hazmatAccident …),
 * so plan criteria match on them.
 */

export const incidentCategories = ['natural', 'accident', 'publicHealth', 'socialSecurity'] as const
export type IncidentCategory = (typeof incidentCategories)[number]

export interface IncidentSubtype {
  code: string
  category: IncidentCategory
  name: string
  nameEn: string
}

export const categoryNames: Record<IncidentCategory, { zh: string; en: string }> = {
  natural: { zh: '自然灾害', en: 'Natural disaster' },
  accident: { zh: '事故灾难', en: 'Accident' },
  publicHealth: { zh: '公共卫生事件', en: 'Public health event' },
  socialSecurity: { zh: '社会安全事件', en: 'Social security event' },
}

const s = (category: IncidentCategory, code: string, name: string, nameEn: string): IncidentSubtype => ({ code, category, name, nameEn })

export const incidentSubtypes: readonly IncidentSubtype[] = [
  s('natural', 'flood', '洪涝灾害', 'Flood'),
  s('natural', 'drought', '干旱灾害', 'Drought'),
  s('natural', 'meteorological', '气象灾害', 'Meteorological disaster'),
  s('natural', 'earthquake', '地震灾害', 'Earthquake'),
  s('natural', 'geologicalHazard', '地质灾害', 'Geological disaster'),
  s('natural', 'biological', '生物灾害', 'Biological disaster'),
  s('natural', 'forestFire', '森林草原火灾', 'Forest or grassland fire'),
  s('accident', 'workSafety', '工矿商贸企业安全事故', 'Industrial or commercial accident'),
  s('accident', 'hazmatAccident', '危险化学品事故', 'Hazardous chemicals accident'),
  s('accident', 'mining', '矿山事故', 'Mine accident'),
  s('accident', 'fire', '火灾事故', 'Fire'),
  s('accident', 'roadTraffic', '交通运输事故', 'Transport accident'),
  s('accident', 'publicFacility', '公共设施和设备事故', 'Public facility or equipment accident'),
  s('accident', 'environmental', '环境污染和生态破坏事件', 'Pollution or ecological damage'),
  s('publicHealth', 'epidemic', '传染病疫情', 'Infectious disease outbreak'),
  s('publicHealth', 'unexplainedIllness', '群体性不明原因疾病', 'Cluster of unexplained illness'),
  s('publicHealth', 'foodSafety', '食品安全和职业危害', 'Food safety or occupational hazard'),
  s('publicHealth', 'animalEpidemic', '动物疫情', 'Animal epidemic'),
  s('socialSecurity', 'terrorism', '恐怖袭击事件', 'Terrorist attack'),
  s('socialSecurity', 'economicSecurity', '经济安全事件', 'Economic security event'),
  s('socialSecurity', 'foreignRelated', '涉外突发事件', 'Foreign-related emergency'),
  s('socialSecurity', 'massIncident', '群体性事件', 'Mass incident'),
]

const byCode = new Map(incidentSubtypes.map((t) => [t.code, t]))

export function subtypeOf(code: string): IncidentSubtype | undefined {
  return byCode.get(code)
}

/** Whether `subtype` belongs to `category`. */
export function isSubtypeOf(category: string, subtype: string): boolean {
  return byCode.get(subtype)?.category === category
}

/** Accidents (事故灾难) are graded by Decree 493 Art. 3 (accident-grading.md); other categories are not. */
export function isGradedAsAccident(category: string): boolean {
  return category === 'accident'
}

/** Natural disasters get a suggested relief response level (disaster-relief-response.md). */
export function isNaturalDisaster(category: string): boolean {
  return category === 'natural'
}

/** The category and subtype an alarm of a device type suggests (a person can change them). */
export function classifyDeviceAlarm(deviceType: string): { category: IncidentCategory; subtype: string } {
  switch (deviceType) {
    case 'water_level': return { category: 'natural', subtype: 'flood' }
    case 'rain_gauge': return { category: 'natural', subtype: 'flood' }
    case 'weather': return { category: 'natural', subtype: 'meteorological' }
    case 'gnss': return { category: 'natural', subtype: 'geologicalHazard' }
    case 'tailings_pond': return { category: 'accident', subtype: 'mining' }
    case 'gas_lel': case 'toxic_gas': case 'tank': return { category: 'accident', subtype: 'hazmatAccident' }
    case 'video_ai': return { category: 'accident', subtype: 'fire' }
    default: return { category: 'accident', subtype: 'workSafety' }
  }
}
