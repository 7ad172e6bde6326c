/** Request and response schemas of shelters (避灾安置场所). */
import { Type, type Static } from '@fastify/type-provider-typebox'
import { describeOptions, valuesOf } from '../core/options.ts'
import {
  Clearable, DivisionCodeIn, Enum, listQueryFields, LonLat, pageQueryFields, PageOf, Phone, PointCollection, rowFields, ShortText,
} from '../core/schemas.ts'
import { shelterFacilities, shelterLevels, shelterStatuses, shelterTypes } from './options.ts'

const ShelterType = Enum(valuesOf(shelterTypes), `类型 · type: ${describeOptions(shelterTypes)}`)
const ShelterLevel = Enum(valuesOf(shelterLevels), `级别 · level: ${describeOptions(shelterLevels)}`)
const Status = Enum(valuesOf(shelterStatuses), `状态 · status: ${describeOptions(shelterStatuses)}`)
const Facility = Enum(valuesOf(shelterFacilities), `设施 · facility: ${describeOptions(shelterFacilities)}`)

const inputFields = {
  name: ShortText('场所名称 · name'),
  type: ShelterType,
  level: ShelterLevel,
  capacity: Type.Integer({ minimum: 1, maximum: 1000000, description: '可容纳人数 · capacity in people' }),
  areaM2: Type.Number({ exclusiveMinimum: 0, maximum: 10000000, description: '面积（平方米）· area, m²' }),
  facilities: Type.Optional(Type.Array(Facility, { uniqueItems: true, maxItems: 20, description: '配套设施 · facilities' })),
  address: Clearable(Type.String({ maxLength: 200, description: '地址 · address' })),
  managerName: ShortText('管理人 · manager', 50),
  managerPhone: Phone,
  divisionCode: DivisionCodeIn,
  location: LonLat,
  status: Type.Optional(Status),
}

export const ShelterCreate = Type.Object(inputFields, { additionalProperties: false })
export type ShelterCreate = Static<typeof ShelterCreate>
export const ShelterPatch = Type.Partial(Type.Object(inputFields), { additionalProperties: false })
export type ShelterPatch = Static<typeof ShelterPatch>

export const Shelter = Type.Object({
  ...rowFields,
  name: Type.String(),
  type: ShelterType,
  typeName: Type.String(),
  level: ShelterLevel,
  levelName: Type.String(),
  capacity: Type.Integer(),
  areaM2: Type.Number(),
  facilities: Type.Array(Facility),
  facilityNames: Type.Array(Type.String()),
  address: Type.String(),
  managerName: Type.String(),
  managerPhone: Type.String(),
  location: Type.Object({ lon: Type.Number(), lat: Type.Number() }),
  status: Status,
  statusName: Type.String(),
})

const filterFields = {
  ...listQueryFields,
  type: Type.Optional(ShelterType),
  level: Type.Optional(ShelterLevel),
  status: Type.Optional(Status),
}
export const ShelterListQuery = Type.Object({ ...filterFields, ...pageQueryFields })
export const ShelterExportQuery = Type.Object(filterFields)
export const ShelterPage = Type.Object({
  ...PageOf(Shelter).properties,
  totalCapacity: Type.Integer({ description: '筛选结果的总容纳人数 · capacity of all matching shelters' }),
})
export const ShelterMap = PointCollection(Type.Object({
  id: Type.String(), name: Type.String(), type: ShelterType, level: ShelterLevel, capacity: Type.Integer(),
  status: Status, statusName: Type.String(), synthetic: Type.Boolean(),
}), '避灾安置场所 · shelters')
