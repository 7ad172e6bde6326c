/** Request and response schemas of the enterprise registry (TypeBox: validation, types, OpenAPI). */
import { Type, type Static } from '@fastify/type-provider-typebox'
import {
  enterpriseStatuses, standardizationLevels, supervisionCategories, unitKinds, valuesOf,
} from './vocabulary.ts'

/** A string enum of an option list, typed by its keys, described by its Chinese labels. */
const enumOf = <T extends readonly { value: string; label: string }[]>(options: T, description: string) =>
  Type.Unsafe<T[number]['value']>({
    type: 'string',
    enum: valuesOf(options),
    description: `${description}：${options.map((o) => `${o.value}=${o.label}`).join('，')}`,
  })

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])

const Category = enumOf(supervisionCategories, '监管类别 · supervision category')
const Standardization = enumOf(standardizationLevels, '安全生产标准化等级 · safety standardisation level')
const Status = enumOf(enterpriseStatuses, '状态 · status')
const Kind = enumOf(unitKinds, '单元类型 · unit kind')
const Code12 = Type.String({ pattern: '^[0-9]{12}$', description: '12 位行政区划代码 · 12-digit division code' })
const Uuid = Type.String({ format: 'uuid' })
const Timestamp = Type.String({ format: 'date-time' })
const LonLat = Type.Object({
  lon: Type.Number({ minimum: -180, maximum: 180 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
}, { additionalProperties: false, description: 'WGS84 经纬度 · longitude and latitude' })
const Level = Type.Integer({ minimum: 1, maximum: 4, description: '重大危险源级别 1=一级 … 4=四级 · major hazard level' })

export const Contact = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50 }),
  role: Type.Optional(Type.String({ maxLength: 50, description: '职务 · role, e.g. 安全负责人' })),
  phone: Type.Optional(Type.String({ maxLength: 30 })),
}, { additionalProperties: false })

const enterpriseFields = {
  name: Type.String({ minLength: 1, maxLength: 200, description: '企业名称 · name' }),
  industryCode: Type.Optional(nullable(Type.String({ pattern: '^[A-T]([0-9]{2,4})?$', description: 'GB/T 4754 行业代码 · industry code, e.g. C2614' }))),
  supervisionCategory: Type.Optional(Category),
  address: Type.Optional(nullable(Type.String({ maxLength: 300 }))),
  location: Type.Optional(nullable(LonLat)),
  divisionCode: Type.String({ description: '6、9 或 12 位行政区划代码 · division code', examples: ['360281401498'] }),
  contacts: Type.Optional(Type.Array(Contact, { maxItems: 20 })),
  employees: Type.Optional(nullable(Type.Integer({ minimum: 0 }))),
  standardizationLevel: Type.Optional(nullable(Standardization)),
  status: Type.Optional(Status),
}

export const EnterpriseCreate = Type.Object({
  uscc: Type.String({ minLength: 1, maxLength: 40, description: '统一社会信用代码（18 位）· unified social credit code', examples: ['91360281MA35XXXXXX'] }),
  ...enterpriseFields,
}, { additionalProperties: false })
export type EnterpriseCreate = Static<typeof EnterpriseCreate>

export const EnterprisePatch = Type.Partial(EnterpriseCreate, { additionalProperties: false })
export type EnterprisePatch = Static<typeof EnterprisePatch>

export const Enterprise = Type.Object({
  id: Uuid,
  uscc: Type.String(),
  name: Type.String(),
  industryCode: nullable(Type.String()),
  supervisionCategory: Category,
  address: nullable(Type.String()),
  location: nullable(LonLat),
  divisionCode: Code12,
  divisionName: nullable(Type.String()),
  contacts: Type.Array(Contact),
  employees: nullable(Type.Integer()),
  standardizationLevel: nullable(Standardization),
  status: Status,
  majorHazardLevel: nullable(Level),
  unitCount: Type.Integer(),
  synthetic: Type.Boolean({ description: '演示数据 · demo (synthetic) row' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})
export type Enterprise = Static<typeof Enterprise>

export const SubstanceInput = Type.Object({
  cas: Type.Optional(Type.String({ maxLength: 20, description: 'CAS 号 · CAS number', examples: ['7782-50-5'] })),
  name: Type.Optional(Type.String({ maxLength: 100, description: '名称或别名 · name or alias', examples: ['液氯'] })),
  row: Type.Optional(Type.Integer({ minimum: 1, description: 'GB 18218-2018 表1 序号 · Table 1 row' })),
  category: Type.Optional(Type.Union([Type.String({ maxLength: 10 }), Type.Array(Type.String({ maxLength: 10 }), { maxItems: 10 })], {
    description: '危险性类别（表2），如 W5.4 · hazard category (Table 2)',
  })),
  mixture: Type.Optional(Type.Boolean({ description: '混合物 · the quantity is of a mixture' })),
  quantityT: Type.Number({ minimum: 0, description: '最大存量（吨）· quantity in tonnes' }),
}, { additionalProperties: false })

export const AssessBody = Type.Object({
  exposedPeople: Type.Integer({ minimum: 0, description: '厂区外可能暴露人员数 · people exposed outside the plant' }),
  substances: Type.Array(SubstanceInput, { minItems: 1, maxItems: 200 }),
}, { additionalProperties: false })
export type AssessBody = Static<typeof AssessBody>

const GradedSubstance = Type.Object({
  index: Type.Integer(),
  name: Type.String({ description: '表1名称（含说明）或所给名称 · resolved name' }),
  cas: nullable(Type.String()),
  table1Row: nullable(Type.Integer()),
  quantityT: Type.Number(),
  criticalQuantityT: Type.Number({ description: '临界量 Q（吨）· critical quantity' }),
  criticalQuantitySource: Type.String({ description: 'table1 | table2' }),
  ratio: Type.Number({ description: 'q/Q' }),
  beta: Type.Number({ description: '校正系数 β · correction factor' }),
  correctedRatio: Type.Number({ description: 'β·q/Q' }),
})

export const AssessResult = Type.Object({
  sumRatio: Type.Number({ description: 'S = Σq/Q' }),
  isMajor: Type.Boolean({ description: '构成重大危险源（S ≥ 1）· is a major hazard' }),
  alpha: Type.Number({ description: 'α（表5）' }),
  R: Type.Number({ description: 'R = α·Σβq/Q' }),
  level: nullable(Level),
  levelName: nullable(Type.String({ examples: ['三级'] })),
  levelNameEn: nullable(Type.String()),
  substances: Type.Array(GradedSubstance),
})
export type AssessResult = Static<typeof AssessResult>

export const UnitCreate = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200, description: '单元名称 · unit name', examples: ['液氯储罐区'] }),
  kind: Kind,
  exposedPeople: Type.Integer({ minimum: 0, description: '厂区外可能暴露人员数 · people exposed outside the plant' }),
  substances: Type.Array(SubstanceInput, { maxItems: 200 }),
}, { additionalProperties: false })
export type UnitCreate = Static<typeof UnitCreate>

export const UnitPatch = Type.Partial(UnitCreate, { additionalProperties: false })
export type UnitPatch = Static<typeof UnitPatch>

export const Unit = Type.Object({
  id: Uuid,
  enterpriseId: Uuid,
  name: Type.String(),
  kind: Kind,
  exposedPeople: Type.Integer(),
  substances: Type.Array(Type.Object({
    cas: Type.Optional(Type.String()),
    name: Type.Optional(Type.String()),
    row: Type.Optional(Type.Integer()),
    category: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
    mixture: Type.Optional(Type.Boolean()),
    quantityT: Type.Number(),
    resolvedName: Type.String({ description: '按 GB 18218 识别的名称 · name as identified' }),
    criticalQuantityT: Type.Number(),
    ratio: Type.Number(),
    beta: Type.Number(),
  })),
  sumRatio: Type.Number(),
  isMajor: Type.Boolean(),
  alpha: Type.Number(),
  R: Type.Number(),
  level: nullable(Level),
  levelName: nullable(Type.String()),
  synthetic: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})
export type Unit = Static<typeof Unit>

export const UnitList = Type.Object({ items: Type.Array(Unit) })

export const EnterpriseDetail = Type.Object({ ...Enterprise.properties, units: Type.Array(Unit) })
export type EnterpriseDetail = Static<typeof EnterpriseDetail>

const filterFields = {
  q: Type.Optional(Type.String({ maxLength: 100, description: '名称片段或信用代码前缀 · part of the name, or a USCC prefix' })),
  divisionCode: Type.Optional(Type.String({ description: '行政区划（含下级）· division subtree' })),
  category: Type.Optional(Category),
  majorHazard: Type.Optional(Type.Boolean({ description: '是否重大危险源 · has a major hazard installation' })),
  majorHazardLevel: Type.Optional(Level),
  status: Type.Optional(Status),
}

export const ListQuery = Type.Object({
  ...filterFields,
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
})
export type ListQuery = Static<typeof ListQuery>

export const FilterQuery = Type.Object(filterFields)
export type FilterQuery = Static<typeof FilterQuery>

export const EnterprisePage = Type.Object({
  items: Type.Array(Enterprise),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
})

export const IdParams = Type.Object({ id: Uuid })
export const UnitParams = Type.Object({ id: Uuid, unitId: Uuid })

export const EnterpriseMap = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(Type.Object({
    type: Type.Literal('Feature'),
    properties: Type.Object({
      id: Uuid,
      name: Type.String(),
      category: Category,
      majorHazardLevel: nullable(Level),
      status: Status,
    }),
    geometry: Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }) }),
  })),
}, { description: '企业点位（管辖范围内）· enterprise points in your jurisdiction (GeoJSON, WGS84)' })

export const ImportResult = Type.Object({
  imported: Type.Integer({ description: '导入的企业数 · enterprises imported' }),
  created: Type.Integer(),
  updated: Type.Integer(),
  units: Type.Integer({ description: '导入的生产/储存单元数 · units imported' }),
})
