/** The classifications of shelters (避灾安置场所). */

/** 场所类型 */
export const shelterTypes = [
  { value: 'indoor', label: '室内', labelEn: 'indoor' },
  { value: 'outdoor', label: '室外', labelEn: 'outdoor' },
  { value: 'mixed', label: '综合', labelEn: 'indoor and outdoor' },
] as const

/** 场所级别 */
export const shelterLevels = [
  { value: 'city', label: '市级', labelEn: 'city' },
  { value: 'township', label: '乡镇级', labelEn: 'township' },
  { value: 'village', label: '村级', labelEn: 'village' },
] as const

/** 状态 */
export const shelterStatuses = [
  { value: 'available', label: '可用', labelEn: 'available' },
  { value: 'in_use', label: '启用中', labelEn: 'in use' },
  { value: 'closed', label: '停用', labelEn: 'closed' },
] as const

/** 配套设施 */
export const shelterFacilities = [
  { value: 'water', label: '水', labelEn: 'water' },
  { value: 'power', label: '电', labelEn: 'power' },
  { value: 'toilet', label: '厕所', labelEn: 'toilets' },
  { value: 'medical', label: '医疗', labelEn: 'medical' },
  { value: 'supplies', label: '储备', labelEn: 'supplies' },
  { value: 'kitchen', label: '厨房', labelEn: 'kitchen' },
  { value: 'communication', label: '通信', labelEn: 'communication' },
  { value: 'broadcast', label: '广播', labelEn: 'broadcast' },
  { value: 'fire', label: '消防', labelEn: 'fire fighting' },
] as const

export type ShelterFacility = (typeof shelterFacilities)[number]['value']

/** Facilities written in one cell (`水、电、厕所`), or the labels that are not facilities. */
export function parseFacilities(text: string): { facilities: ShelterFacility[] } | { unknown: string[] } {
  const parts = text.split(/[、,，;；\s]+/).map((p) => p.trim()).filter(Boolean)
  const facilities: ShelterFacility[] = []
  const unknown: string[] = []
  for (const part of parts) {
    const match = shelterFacilities.find((f) => f.label === part || f.value === part.toLowerCase())
    if (!match) unknown.push(part)
    else if (!facilities.includes(match.value)) facilities.push(match.value)
  }
  return unknown.length > 0 ? { unknown } : { facilities }
}
