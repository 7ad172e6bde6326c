/** Request and response schemas of risk points (风险点). */
import { Type, type Static } from '@fastify/type-provider-typebox'
import {
  Clearable, DivisionCodeIn, Enum, listQueryFields, LongText, LonLat, pageQueryFields, PageOf, Phone, PointCollection, rowFields, ShortText,
} from '../core/schemas.ts'

export const riskKinds = ['enterprise', 'public_place'] as const
export const riskMethods = ['LEC', 'LS'] as const
export const riskColours = ['red', 'orange', 'yellow', 'blue'] as const
export const riskLevelCodes = ['major', 'large', 'general', 'low'] as const
export const controlLevels = ['company', 'workshop', 'team', 'post'] as const

const Factor = (description: string) => Type.Number({ description })
const NullableFactor = (description: string) => Type.Optional(Type.Union([Type.Number(), Type.Null()], { description }))

const ControlMeasure = Type.Object({
  level: Enum(controlLevels, '管控层级：company 公司 / workshop 车间 / team 班组 / post 岗位 · control level'),
  measure: ShortText('管控措施 · control measure', 1000),
  person: Type.String({ maxLength: 50, description: '责任人 · person responsible' }),
}, { additionalProperties: false })

const inputFields = {
  name: ShortText('风险点名称 · name'),
  kind: Enum(riskKinds, '类别：enterprise 企业 / public_place 公共场所 · kind'),
  enterpriseId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: '所属企业 · enterprise' })),
  placeType: Clearable(Type.String({ maxLength: 50, description: '场所或部位类型，如 储罐区、商场 · place type' })),
  divisionCode: DivisionCodeIn,
  location: Type.Optional(Type.Union([LonLat, Type.Null()])),
  method: Enum(riskMethods, '评价方法：LEC 作业条件危险性评价法 / LS 风险矩阵法 · scoring method'),
  likelihood: Factor('L：事故发生的可能性 · likelihood'),
  exposure: NullableFactor('E：暴露频繁程度（LEC）· exposure (LEC only)'),
  consequence: NullableFactor('C：后果严重程度（LEC）· consequence (LEC only)'),
  severity: NullableFactor('S：严重性 1–5（LS）· severity (LS only)'),
  hazards: Clearable(LongText('危险因素 · hazards')),
  consequences: Clearable(LongText('可能导致的事故类型及后果 · possible accidents and consequences')),
  controlMeasures: Type.Optional(Type.Array(ControlMeasure, { maxItems: 100, description: '管控措施 · control measures' })),
  emergencyMeasures: Clearable(LongText('应急处置措施 · emergency measures')),
  responsiblePerson: Clearable(Type.String({ maxLength: 50, description: '责任人 · person responsible' })),
  responsiblePhone: Clearable(Type.Union([Phone, Type.Literal('')])),
  reviewDate: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: '复评日期 · next review date' })),
}

export const RiskPointCreate = Type.Object(inputFields, { additionalProperties: false })
export type RiskPointCreate = Static<typeof RiskPointCreate>

export const RiskPointPatch = Type.Partial(Type.Object(inputFields), { additionalProperties: false })
export type RiskPointPatch = Static<typeof RiskPointPatch>

export const RiskPoint = Type.Object({
  ...rowFields,
  name: Type.String(),
  kind: Enum(riskKinds, '类别 · kind'),
  enterpriseId: Type.Union([Type.String(), Type.Null()]),
  placeType: Type.String(),
  location: Type.Union([Type.Object({ lon: Type.Number(), lat: Type.Number() }), Type.Null()]),
  method: Enum(riskMethods, '评价方法 · method'),
  likelihood: Type.Number(),
  exposure: Type.Union([Type.Number(), Type.Null()]),
  consequence: Type.Union([Type.Number(), Type.Null()]),
  severity: Type.Union([Type.Number(), Type.Null()]),
  score: Type.Number({ description: 'LEC 的 D 或 LS 的 R · D of LEC or R of LS' }),
  level: Enum(riskLevelCodes, '风险等级 · risk level'),
  levelName: Type.String({ description: '重大风险 / 较大风险 / 一般风险 / 低风险' }),
  colour: Enum(riskColours, '四色 · colour'),
  bandLabel: Type.Union([Type.String(), Type.Null()], { description: '分值区间说明，如 显著危险 · band wording' }),
  hazards: Type.String(),
  consequences: Type.String(),
  controlMeasures: Type.Array(Type.Object({ level: Enum(controlLevels, '管控层级'), measure: Type.String(), person: Type.String() })),
  emergencyMeasures: Type.String(),
  responsiblePerson: Type.String(),
  responsiblePhone: Type.String(),
  reviewDate: Type.Union([Type.String(), Type.Null()]),
})

export const RiskPointFilterQuery = {
  ...listQueryFields,
  colour: Type.Optional(Enum(riskColours, '颜色 · colour')),
  method: Type.Optional(Enum(riskMethods, '评价方法 · method')),
  kind: Type.Optional(Enum(riskKinds, '类别 · kind')),
  enterpriseId: Type.Optional(Type.String({ format: 'uuid', description: '企业 · enterprise' })),
}
export const RiskPointListQuery = Type.Object({ ...RiskPointFilterQuery, ...pageQueryFields })
export type RiskPointListQuery = Static<typeof RiskPointListQuery>
export const RiskPointExportQuery = Type.Object(RiskPointFilterQuery)
export type RiskPointExportQuery = Static<typeof RiskPointExportQuery>
export const RiskListsQuery = Type.Object({
  divisionCode: listQueryFields.divisionCode,
  enterpriseId: RiskPointFilterQuery.enterpriseId,
})

export const RiskPointPage = PageOf(RiskPoint)

export const RiskPointMap = PointCollection(Type.Object({
  id: Type.String(),
  name: Type.String(),
  level: Enum(riskLevelCodes, '风险等级'),
  levelName: Type.String(),
  colour: Enum(riskColours, '颜色'),
  kind: Enum(riskKinds, '类别'),
  score: Type.Number(),
  synthetic: Type.Boolean(),
}), '风险四色分布图（一图）· four-colour risk map')
