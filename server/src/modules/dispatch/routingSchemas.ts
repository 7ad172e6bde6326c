/** TypeBox schemas of the routing API (roads, routes, closures, matrices). */
import { Type } from '@fastify/type-provider-typebox'

const Lon = Type.Number({ minimum: -180, maximum: 180 })
const Lat = Type.Number({ minimum: -90, maximum: 90 })
export const Position = Type.Tuple([Lon, Lat], { description: '[经度, 纬度] · [lon, lat] (WGS84)' })

export const RouteQuery = Type.Object({
  from: Type.String({ description: '起点 “经度,纬度” · start as "lon,lat"', maxLength: 60 }),
  to: Type.String({ description: '终点 “经度,纬度” · end as "lon,lat"', maxLength: 60 }),
}, { additionalProperties: false })

const SnappedPoint = Type.Object({
  lon: Type.Number(), lat: Type.Number(),
  distanceM: Type.Number({ description: '请求点到道路的距离（米）· metres from the asked point to the road' }),
})

export const LineStringGeometry = Type.Object({ type: Type.Literal('LineString'), coordinates: Type.Array(Type.Array(Type.Number())) })

export const RouteResult = Type.Object({
  distanceM: Type.Number(),
  durationS: Type.Number(),
  geometry: LineStringGeometry,
  snapped: Type.Object({ from: SnappedPoint, to: SnappedPoint }),
  /** Active closures when the route was computed. */
  closures: Type.Integer(),
  /** The network is (partly) synthetic. */
  synthetic: Type.Boolean(),
})

const PolygonInput = Type.Object({
  type: Type.Literal('Polygon'),
  coordinates: Type.Array(Type.Array(Position, { minItems: 4, maxItems: 2000 }), { minItems: 1, maxItems: 20 }),
}, { additionalProperties: false })
const LineInput = Type.Object({
  type: Type.Literal('LineString'),
  coordinates: Type.Array(Position, { minItems: 2, maxItems: 2000 }),
}, { additionalProperties: false })
const PointInput = Type.Object({ type: Type.Literal('Point'), coordinates: Position }, { additionalProperties: false })

export const ClosureBody = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: 500, description: '封路原因 · why the roads are closed' }),
  geometry: Type.Union([PolygonInput, LineInput, PointInput], { description: 'GeoJSON Polygon | LineString | Point（点需 radiusM）· Point needs radiusM' }),
  radiusM: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 50000, description: '点封路半径（米）· radius of a Point closure (m)' })),
  incidentId: Type.Optional(Type.String({ format: 'uuid' })),
}, { additionalProperties: false })

export const Closure = Type.Object({
  id: Type.String(),
  reason: Type.String(),
  geometry: Type.Object({ type: Type.String(), coordinates: Type.Unknown() }),
  radiusM: Type.Union([Type.Number(), Type.Null()]),
  incidentId: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.String(),
  createdAt: Type.String(),
  removedBy: Type.Union([Type.String(), Type.Null()]),
  removedAt: Type.Union([Type.String(), Type.Null()]),
  /** Road segments (both directions counted once) the closure closes now. */
  closedSegments: Type.Integer(),
})

export const ClosureParams = Type.Object({ id: Type.String({ format: 'uuid' }) })

export const RoadsResult = Type.Object({
  type: Type.Literal('FeatureCollection'),
  synthetic: Type.Boolean(),
  features: Type.Array(Type.Object({
    type: Type.Literal('Feature'),
    properties: Type.Object({
      id: Type.Integer(), class: Type.String(), name: Type.Union([Type.String(), Type.Null()]), speedKmh: Type.Number(),
      oneway: Type.Boolean(), synthetic: Type.Boolean(),
    }),
    geometry: LineStringGeometry,
  })),
})

export const MatrixBody = Type.Object({
  sources: Type.Array(Position, { minItems: 1, maxItems: 100 }),
  targets: Type.Array(Position, { minItems: 1, maxItems: 100 }),
}, { additionalProperties: false })

export const MatrixResult = Type.Object({
  /** `durationsS[i][j]`: seconds from source i to target j; null when unreachable. */
  durationsS: Type.Array(Type.Array(Type.Union([Type.Number(), Type.Null()]))),
  closures: Type.Integer(),
})
