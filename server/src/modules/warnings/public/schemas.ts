/** TypeBox schemas of the public warning routes. */
import { Type } from '@fastify/type-provider-typebox'

export const IdentifierParams = Type.Object({
  identifier: Type.String({ minLength: 1, maxLength: 200, description: 'CAP identifier' }),
})

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() })
const Level = Type.Union([Type.Literal('blue'), Type.Literal('yellow'), Type.Literal('orange'), Type.Literal('red')])

export const PublicWarningSchema = Type.Object({
  identifier: Type.String(),
  msgType: Type.Union([Type.Literal('Alert'), Type.Literal('Update')]),
  hazard: Type.String(),
  hazardName: Bilingual,
  level: Level,
  headline: Type.String(),
  headlineEn: Type.Union([Type.String(), Type.Null()]),
  description: Type.String(),
  descriptionEn: Type.Union([Type.String(), Type.Null()]),
  instruction: Type.Union([Type.String(), Type.Null()]),
  instructionEn: Type.Union([Type.String(), Type.Null()]),
  onset: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  sent: Type.String({ format: 'date-time' }),
  expires: Type.String({ format: 'date-time' }),
  areaDesc: Type.String(),
  divisionCodes: Type.Array(Type.String()),
  area: Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(Type.Array(Type.Array(Type.Array(Type.Number())))) }, { description: 'GeoJSON MultiPolygon (WGS84)' }),
  capUrl: Type.String(),
})

export const PublicWarningsSchema = Type.Object({
  generatedAt: Type.String({ format: 'date-time' }),
  warnings: Type.Array(PublicWarningSchema),
})

export const BoundarySchema = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(Type.Object({
    type: Type.Literal('Feature'),
    properties: Type.Object({ code: Type.String(), name: Type.String(), level: Type.String({ description: 'county: the boundary; township: a township point' }) }),
    geometry: Type.Unknown({ description: 'GeoJSON (Multi)Polygon or Point' }),
  })),
})
