/**
 * The national classification of emergencies (突发事件分类): 《中华人民共和国突发事件应对法》
 * Art. 2 names four categories — 自然灾害、事故灾难、公共卫生事件、社会安全事件 — and
 * 《国家突发公共事件总体应急预案》 (2006) §1.3 lists their main kinds, used here as subtypes:
 * - 自然灾害: 水旱灾害、气象灾害、地震灾害、地质灾害、海洋灾害、生物灾害和森林草原火灾;
 * - 事故灾难: 工矿商贸等企业的各类安全事故、交通运输事故、公共设施和设备事故、环境污染和生态破坏事件;
 * - 公共卫生事件: 传染病疫情、群体性不明原因疾病、食品安全和职业危害、动物疫情;
 * - 社会安全事件: 恐怖袭击事件、经济安全事件、涉外突发事件 (群体性事件 added, common practice: NV).
 * Work-safety accidents are split further (危险化学品, 矿山, 火灾) because Leping's plans are.
 * `hazardType` is the key plan criteria match on (防汛 plans on 'flood', etc.).
 */

export const incidentCategories = ['natural_disaster', 'accident', 'public_health', 'social_security'] as const
export type IncidentCategory = (typeof incidentCategories)[number]

export interface IncidentSubtype {
  code: string
  category: IncidentCategory
  name: string
  nameEn: string
}

export const categoryNames: Record<IncidentCategory, { zh: string; en: string }> = {
  natural_disaster: { zh: '自然灾害', en: 'Natural disaster' },
  accident: { zh: '事故灾难', en: 'Accident' },
  public_health: { zh: '公共卫生事件', en: 'Public health event' },
  social_security: { zh: '社会安全事件', en: 'Social security event' },
}

const s = (category: IncidentCategory, code: string, name: string, nameEn: string): IncidentSubtype => ({ code, category, name, nameEn })

export const incidentSubtypes: readonly IncidentSubtype[] = [
  s('natural_disaster', 'flood', '洪涝灾害', 'Flood'),
  s('natural_disaster', 'drought', '干旱灾害', 'Drought'),
  s('natural_disaster', 'meteorological', '气象灾害', 'Meteorological disaster'),
  s('natural_disaster', 'earthquake', '地震灾害', 'Earthquake'),
  s('natural_disaster', 'geological', '地质灾害', 'Geological disaster'),
  s('natural_disaster', 'biological', '生物灾害', 'Biological disaster'),
  s('natural_disaster', 'forest_fire', '森林草原火灾', 'Forest or grassland fire'),
  s('accident', 'work_safety', '工矿商贸企业安全事故', 'Industrial or commercial accident'),
  s('accident', 'hazmat', '危险化学品事故', 'Hazardous chemicals accident'),
  s('accident', 'mine', '矿山事故', 'Mine accident'),
  s('accident', 'fire', '火灾事故', 'Fire'),
  s('accident', 'traffic', '交通运输事故', 'Transport accident'),
  s('accident', 'public_facility', '公共设施和设备事故', 'Public facility or equipment accident'),
  s('accident', 'environmental', '环境污染和生态破坏事件', 'Pollution or ecological damage'),
  s('public_health', 'infectious_disease', '传染病疫情', 'Infectious disease outbreak'),
  s('public_health', 'unexplained_illness', '群体性不明原因疾病', 'Cluster of unexplained illness'),
  s('public_health', 'food_safety', '食品安全和职业危害', 'Food safety or occupational hazard'),
  s('public_health', 'animal_epidemic', '动物疫情', 'Animal epidemic'),
  s('social_security', 'terrorism', '恐怖袭击事件', 'Terrorist attack'),
  s('social_security', 'economic_security', '经济安全事件', 'Economic security event'),
  s('social_security', 'foreign_related', '涉外突发事件', 'Foreign-related emergency'),
  s('social_security', 'mass_incident', '群体性事件', 'Mass incident'),
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
  return category === 'natural_disaster'
}

/** The category and subtype an alarm of a device type suggests (a person can change them). */
export function classifyDeviceAlarm(deviceType: string): { category: IncidentCategory; subtype: string } {
  switch (deviceType) {
    case 'water_level': return { category: 'natural_disaster', subtype: 'flood' }
    case 'rain_gauge': return { category: 'natural_disaster', subtype: 'flood' }
    case 'weather': return { category: 'natural_disaster', subtype: 'meteorological' }
    case 'gnss': return { category: 'natural_disaster', subtype: 'geological' }
    case 'tailings_pond': return { category: 'accident', subtype: 'mine' }
    case 'gas_lel': case 'toxic_gas': case 'tank': return { category: 'accident', subtype: 'hazmat' }
    case 'video_ai': return { category: 'accident', subtype: 'fire' }
    default: return { category: 'accident', subtype: 'work_safety' }
  }
}
