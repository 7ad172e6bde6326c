import { crudResource } from '../../../lib/crud-resource.ts'
import { withQuery } from '../../../lib/api-client.ts'
import { downloadFile } from '../../../lib/file-transfer.ts'

export const riskKinds = ['enterprise', 'public_place'] as const
export const riskMethods = ['LEC', 'LS'] as const
/** 红 橙 黄 蓝 */
export const riskColours = ['red', 'orange', 'yellow', 'blue'] as const
/** 重大 较大 一般 低 */
export const riskLevels = ['major', 'large', 'general', 'low'] as const
/** 管控层级: 公司 车间 班组 岗位 */
export const controlLevels = ['company', 'workshop', 'team', 'post'] as const

export type RiskColour = (typeof riskColours)[number]
export type RiskMethod = (typeof riskMethods)[number]

export interface ControlMeasure {
  level: (typeof controlLevels)[number]
  measure: string
  person: string
}

/** A risk point (风险点) as `GET /api/registry/risk-points` returns it. */
export interface RiskPoint {
  id: string
  divisionCode: string
  divisionName: string | null
  synthetic: boolean
  name: string
  kind: (typeof riskKinds)[number]
  enterpriseId: string | null
  placeType: string
  location: { lon: number; lat: number } | null
  method: RiskMethod
  likelihood: number
  exposure: number | null
  consequence: number | null
  severity: number | null
  /** D of LEC or R of LS */
  score: number
  level: (typeof riskLevels)[number]
  levelName: string
  colour: RiskColour
  bandLabel: string | null
  hazards: string
  consequences: string
  controlMeasures: ControlMeasure[]
  emergencyMeasures: string
  responsiblePerson: string
  responsiblePhone: string
  reviewDate: string | null
  createdAt: string
  updatedAt: string
}

export type RiskPointInput = Omit<RiskPoint, 'id' | 'divisionName' | 'synthetic' | 'score' | 'level' | 'levelName' | 'colour' | 'bandLabel' | 'createdAt' | 'updatedAt' | 'enterpriseId'> & {
  enterpriseId?: string | null
}

export interface RiskPointMapProperties {
  id: string
  name: string
  level: RiskPoint['level']
  levelName: string
  colour: RiskColour
  kind: RiskPoint['kind']
  score: number
  synthetic: boolean
}

/** `/api/registry/risk-points`: list, detail, create, edit (rescored), delete, the four-colour map (一图), Excel. */
export const riskPoints = crudResource<RiskPoint, RiskPointInput, RiskPoint, RiskPointMapProperties>('/api/registry/risk-points', ['registry', 'risk-points'])

/** `GET /api/registry/risk-points/{id}/card.docx`: the printable risk notification card (安全风险告知卡, 一牌). */
export const downloadRiskCard = (point: Pick<RiskPoint, 'id' | 'name'>) =>
  downloadFile(`/api/registry/risk-points/${point.id}/card.docx`, `安全风险告知卡-${point.name}.docx`)

/** `GET /api/registry/risk-lists.xlsx`: 风险清单, 管控措施清单, 应急处置清单 (三清单). */
export const downloadRiskLists = (params: { divisionCode?: string; enterpriseId?: string }) =>
  downloadFile(withQuery('/api/registry/risk-lists.xlsx', params), '风险三清单.xlsx')
