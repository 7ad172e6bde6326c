/**
 * The facts of an incident (事件事实) that plan activation criteria are evaluated over. The
 * incidents module fills them from an incident (type, location, counts) and the alarm or warning
 * it came from; plans' criteria (domain/src/plans/criteria.ts) compare them. Every count is
 * optional: an absent fact makes a comparison on it false (never an error), so an incident known
 * only by its type and warning level can still be matched.
 *
 * Incident categories follow the four classes of the Emergency Response Law (突发事件应对法
 * Art. 2): 自然灾害, 事故灾难, 公共卫生事件, 社会安全事件. Subtypes and hazard types are open text keys;
 * the known hazard keys are those of domain/src/cap/hazardEvents.ts plus the accident keys below.
 */
import type { WarningLevel } from '../cap/warningLevels.ts'

/** 突发事件类别 (Emergency Response Law Art. 2) */
export const incidentTypes = ['natural', 'accident', 'publicHealth', 'socialSecurity'] as const
export type IncidentType = (typeof incidentTypes)[number]

export const incidentTypeNames: Readonly<Record<IncidentType, { zh: string; en: string }>> = {
  natural: { zh: '自然灾害', en: 'natural disaster' },
  accident: { zh: '事故灾难', en: 'accident' },
  publicHealth: { zh: '公共卫生事件', en: 'public health incident' },
  socialSecurity: { zh: '社会安全事件', en: 'social security incident' },
}

/**
 * Hazard types plans are written for (预案适用的灾种/事故类型). The first eleven are the warning
 * events of domain/src/cap/hazardEvents.ts; the rest are accident and other types. Open: a
 * deployment may use other keys, they are compared as text.
 */
export const knownHazardTypes = [
  'rainstorm', 'flood', 'geologicalHazard', 'forestFire', 'hazmatLeak', 'typhoon', 'heatWave', 'coldWave', 'gale', 'thunderstorm', 'drought',
  'earthquake', 'hazmatAccident', 'fire', 'roadTraffic', 'mining', 'construction', 'specialEquipment', 'epidemic', 'foodSafety', 'massGathering',
] as const
export type KnownHazardType = (typeof knownHazardTypes)[number]

export const hazardTypeNames: Readonly<Record<KnownHazardType, { zh: string; en: string }>> = {
  rainstorm: { zh: '暴雨', en: 'rainstorm' },
  flood: { zh: '洪水', en: 'flood' },
  geologicalHazard: { zh: '地质灾害', en: 'geological hazard' },
  forestFire: { zh: '森林火灾', en: 'forest fire' },
  hazmatLeak: { zh: '危化品泄漏', en: 'hazardous chemical leak' },
  typhoon: { zh: '台风', en: 'typhoon' },
  heatWave: { zh: '高温', en: 'heat wave' },
  coldWave: { zh: '寒潮', en: 'cold wave' },
  gale: { zh: '大风', en: 'gale' },
  thunderstorm: { zh: '雷电', en: 'thunderstorm' },
  drought: { zh: '干旱', en: 'drought' },
  earthquake: { zh: '地震', en: 'earthquake' },
  hazmatAccident: { zh: '危险化学品事故', en: 'hazardous chemicals accident' },
  fire: { zh: '火灾', en: 'fire' },
  roadTraffic: { zh: '道路交通事故', en: 'road traffic accident' },
  mining: { zh: '矿山事故', en: 'mining accident' },
  construction: { zh: '建筑施工事故', en: 'construction accident' },
  specialEquipment: { zh: '特种设备事故', en: 'special equipment accident' },
  epidemic: { zh: '传染病疫情', en: 'epidemic' },
  foodSafety: { zh: '食品安全事件', en: 'food safety incident' },
  massGathering: { zh: '大型活动', en: 'mass gathering' },
}

export interface IncidentFacts {
  /** 灾种/事故类型 key, e.g. 'flood', 'hazmatLeak' (see knownHazardTypes) */
  hazardType?: string
  /** 突发事件类别 */
  incidentType?: IncidentType
  /** 子类 (open text key, e.g. 'flood', 'hazmatAccident') */
  incidentSubtype?: string
  /** 死亡人数 */
  deaths?: number
  /** 失踪人数 */
  missing?: number
  /** 受伤人数 (all injuries) */
  injured?: number
  /** 重伤人数（含急性工业中毒）, Decree 493 Art. 3 */
  seriousInjuries?: number
  /** 受灾人口 */
  affectedPeople?: number
  /** 紧急转移安置人口 */
  evacuated?: number
  /** 需紧急生活救助人口 */
  needingEmergencyAid?: number
  /** 倒塌和严重损坏房屋（间） */
  damagedRooms?: number
  /** 直接经济损失, yuan */
  directLossYuan?: number
  /** Highest warning level in force or alarm level (预警级别) for the incident's hazard */
  warningLevel?: WarningLevel
  /** Water level above the station's 警戒水位, metres (negative: below) */
  waterLevelAboveWarningM?: number
  /** Where it happens: 12-digit division code */
  divisionCode?: string
}

/** The numeric facts, the ones `≥`/`>`/`<`/`≤`/`=` compare */
export const numericFacts = [
  'deaths', 'missing', 'injured', 'seriousInjuries', 'affectedPeople', 'evacuated', 'needingEmergencyAid', 'damagedRooms', 'directLossYuan', 'waterLevelAboveWarningM',
] as const
export type NumericFact = (typeof numericFacts)[number]

/** The text facts, the ones `in` compares */
export const textFacts = ['hazardType', 'incidentType', 'incidentSubtype', 'divisionCode'] as const
export type TextFact = (typeof textFacts)[number]

export const factNames: Readonly<Record<NumericFact | TextFact | 'warningLevel', { zh: string; en: string; unit?: { zh: string; en: string } }>> = {
  hazardType: { zh: '灾种', en: 'hazard type' },
  incidentType: { zh: '事件类别', en: 'incident type' },
  incidentSubtype: { zh: '事件子类', en: 'incident subtype' },
  divisionCode: { zh: '行政区划', en: 'division' },
  deaths: { zh: '死亡人数', en: 'deaths', unit: { zh: '人', en: 'people' } },
  missing: { zh: '失踪人数', en: 'missing', unit: { zh: '人', en: 'people' } },
  injured: { zh: '受伤人数', en: 'injured', unit: { zh: '人', en: 'people' } },
  seriousInjuries: { zh: '重伤人数（含急性工业中毒）', en: 'serious injuries (incl. acute industrial poisoning)', unit: { zh: '人', en: 'people' } },
  affectedPeople: { zh: '受灾人口', en: 'affected people', unit: { zh: '人', en: 'people' } },
  evacuated: { zh: '紧急转移安置人口', en: 'people evacuated', unit: { zh: '人', en: 'people' } },
  needingEmergencyAid: { zh: '需紧急生活救助人口', en: 'people needing emergency aid', unit: { zh: '人', en: 'people' } },
  damagedRooms: { zh: '倒塌和严重损坏房屋', en: 'collapsed or severely damaged houses', unit: { zh: '间', en: 'rooms' } },
  directLossYuan: { zh: '直接经济损失', en: 'direct economic loss', unit: { zh: '元', en: 'yuan' } },
  warningLevel: { zh: '预警级别', en: 'warning level' },
  waterLevelAboveWarningM: { zh: '超警戒水位', en: 'water level above warning stage', unit: { zh: '米', en: 'm' } },
}
