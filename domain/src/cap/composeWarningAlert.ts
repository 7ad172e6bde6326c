/**
 * A Yingji warning (预警信息: hazard, level, texts, area) as a CAP alert: the zh-CN info block
 * first, an en-US block second when English texts are given. Severity, urgency and certainty
 * come from the level mapping, category and event codes from the hazard catalogue; the Chinese
 * level is kept in a parameter (预警级别), as cap.md suggests. Validate or build the result
 * with `validateCapAlert` / `buildCapAlert`.
 */
import { formatCapCircle, formatCapPolygon, type CapCircle, type LonLat } from './capArea.ts'
import { compact } from './compact.ts'
import { beijingOffset, formatCapDateTime } from './capDateTime.ts'
import { formatCapReferences, type CapReference } from './capReferences.ts'
import { defaultHazardEvents, type HazardEventCatalogue, type HazardEventKey } from './hazardEvents.ts'
import { defaultCapLevelMappings, warningLevelInfo, type CapLevelMappings, type WarningLevel } from './warningLevels.ts'
import type { CapAlert, CapArea, CapCertainty, CapInfo, CapScope, CapStatus, CapUrgency } from './types.ts'

/** Text in Chinese, optionally English. */
export interface BilingualText {
  zh: string
  en?: string
}

export interface WarningArea {
  /** Named in areaDesc, e.g. 乐平市塔山街道、洎阳街道 */
  name: BilingualText
  /** GeoJSON rings ([lon, lat], closed) */
  polygons?: LonLat[][]
  circles?: CapCircle[]
  /** 12- or 6-digit GB/T 2260 division codes, written as geocodes */
  divisionCodes?: string[]
}

export interface WarningAlertInput {
  identifier: string
  sender: string
  sent: Date
  status?: CapStatus
  /** Alert (default), or Update / Cancel of the messages in `references` */
  msgType?: 'Alert' | 'Update' | 'Cancel'
  references?: CapReference[]
  scope?: CapScope
  hazard: HazardEventKey
  level: WarningLevel
  /** Overrides the level's default (e.g. Observed when the rain is already falling) */
  certainty?: CapCertainty
  urgency?: CapUrgency
  effective?: Date
  onset?: Date
  expires: Date
  senderName: BilingualText
  /** Default: "<senderName>发布<hazard><colour>预警" */
  headline?: BilingualText
  /** The English info block is written when `description.en` is given. */
  description: BilingualText
  instruction?: BilingualText
  areas: WarningArea[]
  web?: string
  contact?: string
  incidents?: string
}

export interface WarningAlertConfig {
  levels: CapLevelMappings
  hazards: HazardEventCatalogue
  /** Offset the alert's times are written at */
  timeZoneOffset: string
}

export const defaultWarningAlertConfig: WarningAlertConfig = { levels: defaultCapLevelMappings, hazards: defaultHazardEvents, timeZoneOffset: beijingOffset }

/** valueName of the parameter carrying the warning level (zh block: 红色 …, en block: Red …) */
export const warningLevelParameterName = '预警级别'
/** valueName of the GB/T 2260 administrative-division geocodes */
export const divisionGeocodeName = 'GB/T 2260'

export function composeWarningAlert(input: WarningAlertInput, config: WarningAlertConfig = defaultWarningAlertConfig): CapAlert {
  const time = (instant: Date | undefined) => (instant ? formatCapDateTime(instant, config.timeZoneOffset) : undefined)
  const hazard = config.hazards[input.hazard]
  const mapping = config.levels[input.level]
  const level = warningLevelInfo[input.level]

  const info = (language: 'zh' | 'en'): CapInfo => {
    const pick = (text: BilingualText | undefined) => (text === undefined ? undefined : language === 'en' ? (text.en ?? text.zh) : text.zh)
    const senderName = pick(input.senderName)!
    const headline = input.headline
      ? pick(input.headline)
      : language === 'zh'
        ? `${senderName}发布${hazard.name.zh}${level.colourName.zh}预警`
        : `${capitalise(level.colourName.en)} ${hazard.name.en.toLowerCase()} warning issued by ${senderName}`
    return compact({
      language: language === 'zh' ? 'zh-CN' : 'en-US',
      categories: [...hazard.categories],
      event: hazard.name[language],
      responseTypes: [...hazard.responseTypes],
      urgency: input.urgency ?? mapping.urgency,
      severity: mapping.severity,
      certainty: input.certainty ?? mapping.certainty,
      eventCodes: hazard.eventCodes.map((code) => ({ ...code })),
      effective: time(input.effective),
      onset: time(input.onset),
      expires: time(input.expires),
      senderName,
      headline,
      description: pick(input.description),
      instruction: pick(input.instruction),
      web: input.web,
      contact: input.contact,
      parameters: [{ valueName: warningLevelParameterName, value: language === 'zh' ? level.colourName.zh : capitalise(level.colourName.en) }],
      areas: input.areas.map((area) => areaOf(area, pick(area.name)!)),
    })
  }

  return compact({
    identifier: input.identifier,
    sender: input.sender,
    sent: formatCapDateTime(input.sent, config.timeZoneOffset),
    status: input.status ?? 'Actual',
    msgType: input.msgType ?? 'Alert',
    scope: input.scope ?? 'Public',
    references: input.references && input.references.length > 0 ? formatCapReferences(input.references) : undefined,
    incidents: input.incidents,
    infos: input.description.en === undefined ? [info('zh')] : [info('zh'), info('en')],
  })
}

function areaOf(area: WarningArea, areaDesc: string): CapArea {
  return compact({
    areaDesc,
    polygons: area.polygons?.length ? area.polygons.map(formatCapPolygon) : undefined,
    circles: area.circles?.length ? area.circles.map(formatCapCircle) : undefined,
    geocodes: area.divisionCodes?.length ? area.divisionCodes.map((code) => ({ valueName: divisionGeocodeName, value: code })) : undefined,
  })
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
