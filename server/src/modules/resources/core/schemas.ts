/** TypeBox pieces shared by the resources routes: ids, codes, locations, pages, errors. */
import { Type, type TObject, type TProperties, type TSchema } from '@fastify/type-provider-typebox'

export { KeyEnum, Nullable } from '../../../http/openapi.ts'

export const Uuid = Type.String({ format: 'uuid' })
export const IdParams = Type.Object({ id: Uuid })

export const Code12 = Type.String({ pattern: '^[0-9]{12}$', description: '12 位行政区划代码 · 12-digit division code' })
/** A division code as people type it: 6, 9 or 12 digits (checked by the service). */
export const DivisionCodeInput = Type.String({ minLength: 6, maxLength: 12, description: '行政区划代码（6、9 或 12 位）· division code of 6, 9 or 12 digits', examples: ['360281100'] })

export const LonLatSchema = Type.Object({
  lon: Type.Number({ minimum: 73, maximum: 136, description: '经度 WGS84 · longitude' }),
  lat: Type.Number({ minimum: 3, maximum: 54, description: '纬度 WGS84 · latitude' }),
}, { additionalProperties: false })

export const Phone = Type.String({ pattern: '^[0-9+() -]{3,30}$', description: '电话 · phone' })
export const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD' })
export const Timestamp = Type.String({ format: 'date-time' })
export const ShortText = (maxLength = 100) => Type.String({ minLength: 1, maxLength })

export { ErrorSchema, security } from '../../../http/openapi.ts'

/** `?q=&divisionCode=&page=&pageSize=` plus a list's own filters. */
export const ListQuery = <P extends TProperties>(filters: P) => Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50, description: '名称关键字 · part of a name' })),
  divisionCode: Type.Optional(DivisionCodeInput),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  ...filters,
})

export const Page = <T extends TSchema>(item: T) => Type.Object({
  items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(),
})

export const PointFeatureCollection = <P extends TObject>(properties: P, description: string) => Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(Type.Object({
    type: Type.Literal('Feature'),
    properties,
    geometry: Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }) }),
  })),
}, { description })

export const ImportResult = Type.Object({ imported: Type.Integer() })


