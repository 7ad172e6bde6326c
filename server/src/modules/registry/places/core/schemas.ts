/** TypeBox pieces shared by the place registries (risk points, hazard points, shelters, experts). */
import { Type, type TSchema } from '@fastify/type-provider-typebox'

export const tags = ['registry']
export { security } from '../../../../http/openapi.ts'

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid', description: '记录 ID · record id' }) })

export const Code12 = Type.String({ pattern: '^[0-9]{12}$', description: '12 位行政区划代码 · 12-digit division code' })

/** A division code as a user types it: 6, 9 or 12 digits, normalised by the service. */
export const DivisionCodeIn = Type.String({
  minLength: 6, maxLength: 12,
  description: '行政区划代码（6、9 或 12 位）· division code of 6, 9 or 12 digits', examples: ['360281100201'],
})

export const LonLat = Type.Object({
  lon: Type.Number({ minimum: -180, maximum: 180, description: '经度 WGS84 · longitude' }),
  lat: Type.Number({ minimum: -90, maximum: 90, description: '纬度 WGS84 · latitude' }),
}, { additionalProperties: false, description: '位置（WGS84）· location (WGS84)' })

/** Chinese mobile (11 digits from 1) or landline with area code, e.g. 0798-6812345. */
export const phonePattern = '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$'
export const Phone = Type.String({ pattern: phonePattern, description: '手机或固定电话 · mobile or landline', examples: ['13907981234', '0798-6812345'] })

/** An optional field a PATCH may clear with `null` (stored as the module's empty value). */
export const Clearable = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]))

export const ShortText = (description: string, maxLength = 100) => Type.String({ minLength: 1, maxLength, description })
export const LongText = (description: string) => Type.String({ maxLength: 4000, description })

/** A union of string literals; the OpenAPI document shows it as an enum. */
export const Enum = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description })

/** Query parameters every list and export takes. */
export const listQueryFields = {
  q: Type.Optional(Type.String({ maxLength: 50, description: '名称关键字 · part of the name' })),
  divisionCode: Type.Optional(Type.String({ description: '行政区划代码：仅该区划及其下级 · only this division and below' })),
}
export const pageQueryFields = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
}

export const PageOf = <T extends TSchema>(item: T) => Type.Object({
  items: Type.Array(item),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
})

/** A GeoJSON FeatureCollection of points with the given properties. */
export const PointCollection = <P extends TSchema>(properties: P, description: string) => Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(Type.Object({
    type: Type.Literal('Feature'),
    properties,
    geometry: Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }) }),
  })),
}, { description })

export const ImportResult = Type.Object({ imported: Type.Integer({ description: '导入行数 · rows imported' }) })

/** Fields every stored row answers with. */
export const rowFields = {
  id: Type.String({ format: 'uuid' }),
  divisionCode: Code12,
  divisionName: Type.Union([Type.String(), Type.Null()], { description: '行政区划名称 · division name' }),
  synthetic: Type.Boolean({ description: '演示（合成）数据 · demo data, not real' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
}

export const NoContent = Type.Null({ description: '已删除 · deleted' })
