/**
 * The public side of warnings (公众预警): the Atom feed of CAP alerts, each alert's CAP XML as
 * published, and the active warnings with their areas as GeoJSON for the public page. Only
 * issued warnings appear; nothing here needs a session.
 */
import type { MultiPolygon } from 'geojson'
import { defaultHazardEvents, type HazardEventKey } from '@yingji/domain/cap/hazardEvents'
import { warningLevelInfo } from '@yingji/domain/cap/warningLevels'
import type { Queryable } from '../../../db/database.ts'
import { notFound } from '../../../http/errors.ts'
import { buildAtomFeed } from './atom.ts'
import { countyBoundaries, listIssuedUnexpired, townshipPoints, publishedCapXml, type PublicWarningRow } from './queries.ts'

/** The feed lists at most this many alerts (a county rarely has more than a handful active). */
const feedLimit = 500

export const capUrlOf = (baseUrl: string, identifier: string) => `${baseUrl}/public/cap/${encodeURIComponent(identifier)}.xml`

const hazardName = (hazard: string) => defaultHazardEvents[hazard as HazardEventKey]?.name ?? { zh: hazard, en: hazard }
const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(value))

export async function atomFeed(q: Queryable, baseUrl: string): Promise<string> {
  const rows = await listIssuedUnexpired(q, { withCancels: true, limit: feedLimit })
  return buildAtomFeed({
    id: `${baseUrl}/public/cap/feed.atom`,
    title: '乐平市突发事件预警信息 · Leping emergency warnings (CAP 1.2)',
    subtitle: '已发布且未过期的预警，每条链接到其 CAP 1.2 文档 · Issued, unexpired warnings, each linking to its CAP 1.2 document',
    selfUrl: `${baseUrl}/public/cap/feed.atom`,
    alternateUrl: `${baseUrl}/alerts`,
    authorName: '乐平市应急管理局 · Leping Emergency Management Bureau',
    updated: rows[0] ? asDate(rows[0].sent) : new Date(),
    entries: rows.map((row) => {
      const level = warningLevelInfo[row.level]
      const hazard = hazardName(row.hazard)
      const prefix = row.msg_type === 'Cancel' ? '【解除 · Cancel】' : row.msg_type === 'Update' ? '【更新 · Update】' : ''
      return {
        id: capUrlOf(baseUrl, row.identifier),
        title: `${prefix}${row.headline}`,
        updated: asDate(row.sent),
        summary: `${row.area_desc}：${row.description}`,
        capUrl: capUrlOf(baseUrl, row.identifier),
        categories: [
          { term: row.hazard, label: `${hazard.zh} · ${hazard.en}` },
          { term: row.level, label: `${level.name.zh} · ${level.name.en}` },
        ],
      }
    }),
  })
}

export async function capDocument(q: Queryable, identifier: string): Promise<string> {
  const xml = await publishedCapXml(q, identifier)
  if (xml === null) throw notFound('已发布的预警', 'Issued warning', 'params.identifier')
  return xml
}

export interface PublicWarning {
  identifier: string
  msgType: 'Alert' | 'Update'
  hazard: string
  hazardName: { zh: string; en: string }
  level: 'blue' | 'yellow' | 'orange' | 'red'
  headline: string
  headlineEn: string | null
  description: string
  descriptionEn: string | null
  instruction: string | null
  instructionEn: string | null
  onset: string | null
  sent: string
  expires: string
  areaDesc: string
  divisionCodes: string[]
  area: MultiPolygon
  capUrl: string
}

/** Active warnings (issued, not expired, not a Cancel), most severe first, then newest. */
export async function activeWarnings(q: Queryable, baseUrl: string): Promise<{ generatedAt: string; warnings: PublicWarning[] }> {
  const rows = await listIssuedUnexpired(q, { withCancels: false, limit: feedLimit })
  const warnings = rows.map((row) => toPublic(row, baseUrl))
  warnings.sort((a, b) => warningLevelInfo[a.level].rank - warningLevelInfo[b.level].rank || b.sent.localeCompare(a.sent))
  return { generatedAt: new Date().toISOString(), warnings }
}

function toPublic(row: PublicWarningRow, baseUrl: string): PublicWarning {
  return {
    identifier: row.identifier,
    msgType: row.msg_type === 'Update' ? 'Update' : 'Alert',
    hazard: row.hazard,
    hazardName: hazardName(row.hazard),
    level: row.level,
    headline: row.headline,
    headlineEn: row.headline_en,
    description: row.description,
    descriptionEn: row.description_en,
    instruction: row.instruction,
    instructionEn: row.instruction_en,
    onset: row.onset === null ? null : asDate(row.onset).toISOString(),
    sent: asDate(row.sent).toISOString(),
    expires: asDate(row.expires).toISOString(),
    areaDesc: row.area_desc,
    divisionCodes: row.division_codes,
    area: JSON.parse(row.geojson) as MultiPolygon,
    capUrl: capUrlOf(baseUrl, row.identifier),
  }
}

/** The county boundary and the townships' points as a FeatureCollection, for the public map (no session). */
export async function boundary(q: Queryable) {
  const [areas, townships] = await Promise.all([countyBoundaries(q), townshipPoints(q)])
  return {
    type: 'FeatureCollection' as const,
    features: [
      ...areas.map((row) => ({ type: 'Feature' as const, properties: { code: row.code, name: row.name, level: 'county' }, geometry: JSON.parse(row.geojson) as unknown })),
      ...townships.map((row) => ({ type: 'Feature' as const, properties: { code: row.code, name: row.name, level: 'township' }, geometry: { type: 'Point', coordinates: [Number(row.lon), Number(row.lat)] } as unknown })),
    ],
  }
}
