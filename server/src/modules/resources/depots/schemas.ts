/** Depots (储备库): request and response schemas. */
import { Type } from '@fastify/type-provider-typebox'
import { Code12, DivisionCodeInput, KeyEnum, ListQuery, LonLatSchema, Nullable, Phone, PointFeatureCollection, ShortText, Timestamp, Uuid } from '../core/schemas.ts'

export const depotLevels = ['city', 'township', 'village'] as const
export type DepotLevel = (typeof depotLevels)[number]
/** 市级 / 乡镇级 / 村级 */
export const depotLevelNames: Record<DepotLevel, { zh: string; en: string }> = {
  city: { zh: '市级', en: 'City' },
  township: { zh: '乡镇级', en: 'Township' },
  village: { zh: '村级', en: 'Village' },
}
const Level = KeyEnum(depotLevels, '级别：city 市级 / township 乡镇级 / village 村级 · level')

export const Depot = Type.Object({
  id: Uuid,
  level: Level,
  name: Type.String(),
  divisionCode: Code12,
  divisionName: Nullable(Type.String()),
  location: Nullable(LonLatSchema),
  address: Nullable(Type.String()),
  manager: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  capacityNote: Nullable(Type.String()),
  synthetic: Type.Boolean({ description: '演示数据 · demo row' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})

const editable = {
  location: Type.Optional(Nullable(LonLatSchema)),
  address: Type.Optional(Nullable(ShortText(200))),
  manager: Type.Optional(Nullable(ShortText(50))),
  phone: Type.Optional(Nullable(Phone)),
  capacityNote: Type.Optional(Nullable(ShortText(200))),
}

export const CreateDepotBody = Type.Object({
  level: Level,
  name: ShortText(100),
  divisionCode: DivisionCodeInput,
  ...editable,
}, { additionalProperties: false })

export const UpdateDepotBody = Type.Object({
  level: Type.Optional(Level),
  name: Type.Optional(ShortText(100)),
  divisionCode: Type.Optional(DivisionCodeInput),
  ...editable,
}, { additionalProperties: false, minProperties: 1 })

export const DepotListQuery = ListQuery({ level: Type.Optional(Level) })

export const DepotMap = PointFeatureCollection(
  Type.Object({ id: Uuid, name: Type.String(), level: Level, divisionCode: Code12, synthetic: Type.Boolean() }),
  '储备库点位（按级别着色）· depot points, coloured by level',
)
