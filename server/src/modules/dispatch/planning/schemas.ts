/** TypeBox schemas of the planning routes (team recommendation, allocation, orders, evacuation, coverage). */
import { Type } from '@fastify/type-provider-typebox'

const Uuid = Type.String({ format: 'uuid' })
const Code = Type.String({ pattern: '^[0-9]{12}$', description: '12 位行政区划代码 · 12-digit division code' })
const Lon = Type.Number({ minimum: -180, maximum: 180 })
const Lat = Type.Number({ minimum: -90, maximum: 90 })
const Point = Type.Object({ lon: Lon, lat: Lat }, { additionalProperties: false })
const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 2 })

export const RecommendQuery = Type.Object({
  lon: Type.Optional(Lon),
  lat: Type.Optional(Lat),
  hazard: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: '灾种键，如 flood · hazard key, e.g. flood' })),
  incidentId: Type.Optional(Type.String({
    format: 'uuid',
    description: '为该事件推荐：地点、灾种取自事件（给出 lon/lat/hazard 时以其为准）· recommend for this incident: place and hazard from it (lon/lat/hazard, when given, win)',
  })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
}, { additionalProperties: false })

export const RankedTeam = Type.Object({
  id: Type.String(), name: Type.String(), type: Type.String(), status: Type.String(), headcount: Type.Integer(),
  divisionCode: Type.String(), lon: Type.Union([Type.Number(), Type.Null()]), lat: Type.Union([Type.Number(), Type.Null()]),
  rank: Type.Integer(), score: Type.Number(), match: Type.String(), travelMinutes: Type.Union([Type.Number(), Type.Null()]),
  breakdown: Type.Object({ capability: Type.Number(), readiness: Type.Number(), travel: Type.Number(), headcount: Type.Number() }),
  held: Type.Boolean(),
  heldReason: Type.Union([Type.Literal('unavailable'), Type.Literal('unreachable'), Type.Literal('reserve'), Type.Null()]),
  why: Type.String(), whyEn: Type.String(),
})

export const Recommendation = Type.Object({
  hazard: Type.String(), hazardName: Type.String(), hazardNameEn: Type.String(),
  weights: Type.Object({ capability: Type.Number(), readiness: Type.Number(), travel: Type.Number(), headcount: Type.Number() }),
  travelSource: Type.String({ description: 'road（路网）或 straight_line（直线估算）' }),
  lon: Lon, lat: Lat,
  incident: Type.Union([Type.Object({ id: Type.String(), title: Type.String(), subtype: Type.String() }), Type.Null()]),
  items: Type.Array(RankedTeam),
})

const DemandItem = Type.Object({
  supplyId: Uuid,
  quantity: Type.Integer({ minimum: 1, maximum: 10_000_000 }),
}, { additionalProperties: false })

const Demand = Type.Object({
  shelterId: Type.Optional(Uuid),
  divisionCode: Type.Optional(Code),
  point: Type.Optional(Point),
  label: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  items: Type.Array(DemandItem, { minItems: 1, maxItems: 50 }),
  priority: Type.Optional(Type.Union([Type.Literal('urgent'), Type.Literal('normal'), Type.Literal('low')], { default: 'normal' })),
}, { additionalProperties: false, description: '需求点：shelterId、divisionCode、point 三选一 · a demand point: exactly one of shelterId, divisionCode, point' })

export const AllocationBody = Type.Object({
  demands: Type.Array(Demand, { minItems: 1, maxItems: 1000 }),
  sources: Type.Optional(Type.Object({
    depotIds: Type.Optional(Type.Array(Uuid, { maxItems: 500 })),
    reserveIds: Type.Optional(Type.Array(Uuid, { maxItems: 500 })),
  }, { additionalProperties: false, description: '只用这些储备库/协议储备；缺省为管辖范围内全部 · only these depots / reserves; default all in the jurisdiction' })),
}, { additionalProperties: false })

const OrderLine = Type.Object({
  sourceKind: Type.String(), sourceId: Type.String(), sourceName: Type.String(), sourceLon: Type.Union([Type.Number(), Type.Null()]), sourceLat: Type.Union([Type.Number(), Type.Null()]),
  demandIndex: Type.Integer(), demandLabel: Type.String(), demandLon: Type.Number(), demandLat: Type.Number(),
  supplyId: Type.String(), supplyName: Type.String(), unit: Type.String(), quantity: Type.Integer(), travelSeconds: Type.Number(),
})

export const Order = Type.Object({
  id: Type.String(), orderNo: Type.String(), status: Type.String(), divisionCode: Type.String(),
  demands: Type.Array(Type.Object({ index: Type.Integer(), label: Type.String(), lon: Type.Number(), lat: Type.Number(), priority: Type.String() })),
  lines: Type.Array(OrderLine),
  unmet: Type.Array(Type.Object({ demandIndex: Type.Integer(), demandLabel: Type.String(), supplyId: Type.String(), supplyName: Type.String(), unit: Type.String(), quantity: Type.Integer() })),
  objectiveSeconds: Type.Number({ description: 'Σ 车程秒 × 数量 · Σ travel seconds × quantity' }),
  solveMs: Type.Number(),
  travelSource: Type.Optional(Type.String()),
  createdByName: Type.String(), createdAt: Type.String(),
  confirmedByName: Type.Union([Type.String(), Type.Null()]), confirmedAt: Type.Union([Type.String(), Type.Null()]),
  reserveCalls: Type.Optional(Type.Array(Type.Object({ reserveId: Type.String(), supplierName: Type.String(), supplyName: Type.String(), unit: Type.String(), quantity: Type.Integer() }))),
})

export const OrderList = Type.Object({ items: Type.Array(Order) })

export const EvacuationBody = Type.Object({
  area: Type.Union([
    Type.Object({ divisionCodes: Type.Array(Code, { minItems: 1, maxItems: 500 }) }, { additionalProperties: false }),
    Type.Object({ polygon: Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Type.Array(Position, { minItems: 4 }), { minItems: 1 }) }, { additionalProperties: false }) }, { additionalProperties: false }),
    Type.Object({ warningId: Uuid }, { additionalProperties: false }),
  ], { description: '{divisionCodes} | {polygon (GeoJSON Polygon)} | {warningId}' }),
  maxMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 600, description: '最长车程（分钟），超出的安置点不用 · longest drive allowed, minutes' })),
  withRoutes: Type.Optional(Type.Boolean({ default: true })),
}, { additionalProperties: false })

const LineString = Type.Object({ type: Type.Literal('LineString'), coordinates: Type.Array(Position) })

export const EvacuationPlan = Type.Object({
  id: Type.String(),
  villages: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), population: Type.Integer(), synthetic: Type.Boolean(), lon: Type.Number(), lat: Type.Number(), unassigned: Type.Integer() })),
  shelters: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), capacity: Type.Integer(), assigned: Type.Integer(), lon: Type.Number(), lat: Type.Number() })),
  assignments: Type.Array(Type.Object({ villageCode: Type.String(), shelterId: Type.String(), people: Type.Integer(), travelSeconds: Type.Number(), route: Type.Union([LineString, Type.Null()]) })),
  people: Type.Integer(), assigned: Type.Integer(), unassigned: Type.Integer(), personSeconds: Type.Number(), solveMs: Type.Number(),
  maxMinutes: Type.Union([Type.Integer(), Type.Null()]), travelSource: Type.String(),
})

export const CoverageQuery = Type.Object({
  minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 600, default: 30 })),
}, { additionalProperties: false })

export const Coverage = Type.Object({
  minutes: Type.Integer(),
  rule: Type.String(), ruleEn: Type.String(), travelSource: Type.String(),
  villages: Type.Array(Type.Object({
    code: Type.String(), name: Type.String(), population: Type.Integer(), lon: Type.Number(), lat: Type.Number(),
    reasons: Type.Array(Type.String()), hazardPoints: Type.Integer(), riverDistanceM: Type.Union([Type.Number(), Type.Null()]),
    nearestShelterId: Type.Union([Type.String(), Type.Null()]), nearestShelterName: Type.Union([Type.String(), Type.Null()]),
    nearestMinutes: Type.Union([Type.Number(), Type.Null()]), covered: Type.Boolean(),
  })),
  highRisk: Type.Integer(), uncovered: Type.Integer(),
})
