/** Request and response schemas of the geo routes (TypeBox: validation, types, OpenAPI). */
import { Type, type TSchema } from '@fastify/type-provider-typebox'

const Code12 = Type.String({ pattern: '^[0-9]{12}$', description: '12 位行政区划代码 · 12-digit division code' })
const Level = Type.Union([Type.Literal('county'), Type.Literal('township'), Type.Literal('village')], {
  description: '层级：县 / 乡镇 / 村 · level: county, township, village',
})
const Synthetic = Type.Boolean({ description: '位置或人口为合成数据 · location or population is generated, not real' })
const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[经度, 纬度] WGS84 · [lon, lat]' })

export const DivisionCodeParams = Type.Object({
  code: Type.String({ description: '6、9 或 12 位行政区划代码 · division code of 6, 9 or 12 digits', examples: ['360281', '360281100', '360281100001'] }),
})

export const DivisionDetail = Type.Object({
  code: Code12,
  name: Type.String(),
  level: Level,
  type: Type.String({ description: '类型：街道、镇、乡、居委会、村委会… · type' }),
  synthetic: Synthetic,
  population: Type.Union([Type.Integer(), Type.Null()], { description: '常住人口 · resident population' }),
  location: Type.Union([Type.Object({ lon: Type.Number(), lat: Type.Number() }), Type.Null()]),
  parentCode: Type.Union([Code12, Type.Null()]),
  children: Type.Array(Type.Object({
    code: Code12,
    name: Type.String(),
    level: Level,
    type: Type.String(),
    synthetic: Synthetic,
    childCount: Type.Integer(),
  })),
})

export const DivisionSearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 50, description: '名称片段或代码前缀 · part of a name, or a code prefix' }),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
})

export const DivisionSearchResult = Type.Object({
  items: Type.Array(Type.Object({
    code: Code12,
    name: Type.String(),
    level: Level,
    parentCode: Type.Union([Code12, Type.Null()]),
    path: Type.String({ description: '从上到下的名称，以 " / " 分隔 · names from the top down, joined by " / "', examples: ['乐平市 / 镇桥镇'] }),
  })),
})

const featureCollection = <G extends TSchema, P extends TSchema>(geometry: G, properties: P, description: string) =>
  Type.Object({
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(Type.Object({ type: Type.Literal('Feature'), properties, geometry })),
  }, { description })

export const BoundaryCollection = featureCollection(
  Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(Type.Array(Type.Array(Position))) }),
  Type.Object({ code: Code12, name: Type.String() }),
  '县级行政区边界 · county boundaries (GeoJSON, WGS84)',
)

export const RiverCollection = featureCollection(
  Type.Object({ type: Type.Literal('LineString'), coordinates: Type.Array(Position) }),
  Type.Object({ name: Type.Union([Type.String(), Type.Null()]), nameEn: Type.Union([Type.String(), Type.Null()]) }),
  '河流中心线 · river centre-lines (GeoJSON, WGS84); unnamed lines have null names',
)

export const DivisionPointsQuery = Type.Object({
  level: Type.Union([Type.Literal('township'), Type.Literal('village')], { description: '乡镇或村 · township or village' }),
})

export const DivisionPointCollection = featureCollection(
  Type.Object({ type: Type.Literal('Point'), coordinates: Position }),
  Type.Object({
    code: Code12,
    name: Type.String(),
    level: Level,
    type: Type.String(),
    population: Type.Union([Type.Integer(), Type.Null()]),
    synthetic: Synthetic,
    parentCode: Type.Union([Code12, Type.Null()]),
  }),
  '乡镇或村的位置（管辖范围内）· township or village points in your jurisdiction (GeoJSON, WGS84)',
)
