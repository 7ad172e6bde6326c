/** Request and response schemas of geological hazard points (地质灾害隐患点). */
import { Type, type Static } from '@fastify/type-provider-typebox'
import { describeOptions, valuesOf } from '../core/options.ts'
import {
  DivisionCodeIn, Enum, listQueryFields, LonLat, pageQueryFields, PageOf, Phone, PointCollection, rowFields, ShortText,
} from '../core/schemas.ts'
import { hazardScales, hazardStabilities, hazardStatuses, hazardTypes } from './options.ts'

const HazardType = Enum(valuesOf(hazardTypes), `灾害类型 · type: ${describeOptions(hazardTypes)}`)
const HazardScale = Enum(valuesOf(hazardScales), `规模 · scale: ${describeOptions(hazardScales)}`)
const Stability = Enum(valuesOf(hazardStabilities), `稳定性 · stability: ${describeOptions(hazardStabilities)}`)
const Status = Enum(valuesOf(hazardStatuses), `状态 · status: ${describeOptions(hazardStatuses)}`)

const inputFields = {
  name: ShortText('隐患点名称 · name'),
  type: HazardType,
  scale: HazardScale,
  stability: Stability,
  threatenedHouseholds: Type.Integer({ minimum: 0, maximum: 100000, description: '威胁户数 · households threatened' }),
  threatenedPeople: Type.Integer({ minimum: 0, maximum: 1000000, description: '威胁人数 · people threatened' }),
  threatenedProperty: Type.Number({ minimum: 0, maximum: 10000000, description: '威胁财产（万元）· property threatened, 10,000 yuan' }),
  divisionCode: DivisionCodeIn,
  monitorName: ShortText('群测群防员 · community monitor', 50),
  monitorPhone: Phone,
  location: LonLat,
  status: Type.Optional(Status),
}

export const HazardPointCreate = Type.Object(inputFields, { additionalProperties: false })
export type HazardPointCreate = Static<typeof HazardPointCreate>
export const HazardPointPatch = Type.Partial(Type.Object(inputFields), { additionalProperties: false })
export type HazardPointPatch = Static<typeof HazardPointPatch>

export const HazardPoint = Type.Object({
  ...rowFields,
  name: Type.String(),
  type: HazardType,
  typeName: Type.String({ description: '滑坡 / 崩塌 / 泥石流 / 地面塌陷' }),
  scale: HazardScale,
  scaleName: Type.String(),
  stability: Stability,
  stabilityName: Type.String(),
  threatenedHouseholds: Type.Integer(),
  threatenedPeople: Type.Integer(),
  threatenedProperty: Type.Number(),
  monitorName: Type.String(),
  monitorPhone: Type.String(),
  location: Type.Object({ lon: Type.Number(), lat: Type.Number() }),
  status: Status,
  statusName: Type.String(),
})

const filterFields = {
  ...listQueryFields,
  type: Type.Optional(HazardType),
  scale: Type.Optional(HazardScale),
  status: Type.Optional(Status),
}
export const HazardPointListQuery = Type.Object({ ...filterFields, ...pageQueryFields })
export const HazardPointExportQuery = Type.Object(filterFields)
export const HazardPointPage = PageOf(HazardPoint)
export const HazardPointMap = PointCollection(Type.Object({
  id: Type.String(), name: Type.String(), type: HazardType, typeName: Type.String(), scale: HazardScale,
  threatenedPeople: Type.Integer(), status: Status, synthetic: Type.Boolean(),
}), '地质灾害隐患点 · geological hazard points')
