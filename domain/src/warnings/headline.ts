/**
 * The default headline of a warning (标题): "<发布单位>发布<灾种><颜色>预警" — the same text
 * `composeWarningAlert` writes when no headline is given — with 更新 / 解除 for an Update or a
 * Cancel.
 */
import { defaultHazardEvents, type HazardEventCatalogue, type HazardEventKey } from '../cap/hazardEvents.ts'
import { warningLevelInfo, type WarningLevel } from '../cap/warningLevels.ts'

export interface HeadlineInput {
  senderName: { zh: string; en?: string | undefined }
  hazard: HazardEventKey
  level: WarningLevel
  msgType?: 'Alert' | 'Update' | 'Cancel'
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

export function defaultHeadline(input: HeadlineInput, hazards: HazardEventCatalogue = defaultHazardEvents): { zh: string; en: string } {
  const hazard = hazards[input.hazard].name
  const colour = warningLevelInfo[input.level].colourName
  const sender = { zh: input.senderName.zh, en: input.senderName.en ?? input.senderName.zh }
  switch (input.msgType ?? 'Alert') {
    case 'Update':
      return { zh: `${sender.zh}更新${hazard.zh}${colour.zh}预警`, en: `${capitalise(colour.en)} ${hazard.en.toLowerCase()} warning updated by ${sender.en}` }
    case 'Cancel':
      return { zh: `${sender.zh}解除${hazard.zh}${colour.zh}预警`, en: `${capitalise(colour.en)} ${hazard.en.toLowerCase()} warning cancelled by ${sender.en}` }
    default:
      return { zh: `${sender.zh}发布${hazard.zh}${colour.zh}预警`, en: `${capitalise(colour.en)} ${hazard.en.toLowerCase()} warning issued by ${sender.en}` }
  }
}
