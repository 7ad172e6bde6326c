import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'drizzle-orm'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { buildCapAlert } from '@yingji/domain/cap/buildCapAlert'
import { composeWarningAlert } from '@yingji/domain/cap/composeWarningAlert'
import { formatWarningIdentifier } from '@yingji/domain/cap/capIdentifier'
import type { HazardEventKey } from '@yingji/domain/cap/hazardEvents'
import type { WarningLevel } from '@yingji/domain/cap/warningLevels'
import { buildApp } from '../../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../../testing/platform.ts'

const schema = fileURLToPath(new URL('../../../../test-fixtures/cap/CAP-v1.2.xsd', import.meta.url))

/** xmllint's verdict against the OASIS CAP 1.2 schema (as domain/src/cap/capSchema.test.ts). */
function validateWithXsd(xml: string): { valid: boolean; output: string } {
  const run = spawnSync('xmllint', ['--noout', '--schema', schema, '-'], { input: xml, encoding: 'utf8' })
  if (run.error) throw new Error(`xmllint could not run (${run.error.message}). Install it: apt-get install libxml2-utils`)
  return { valid: run.status === 0, output: run.stderr }
}

// A small square inside 镇桥镇's part of the county (lon, lat)
const ring: [number, number][] = [[117.20, 29.00], [117.26, 29.00], [117.26, 29.05], [117.20, 29.05], [117.20, 29.00]]

interface Row {
  status: 'draft' | 'submitted' | 'rejected' | 'issued' | 'superseded' | 'cancelled'
  msgType?: 'Alert' | 'Update' | 'Cancel'
  hazard: HazardEventKey
  level: WarningLevel
  headline: string
  sentMinutesAgo: number
  expiresInHours: number
  sequence: number
}

/** Inserts a warning the way approval stores it: the CAP XML composed from the row's texts. */
async function insertWarning(platform: TestPlatform, row: Row): Promise<string> {
  const sent = new Date(Math.floor(Date.now() / 1000) * 1000 - row.sentMinutesAgo * 60_000)
  const expires = new Date(Date.now() + row.expiresInHours * 3600_000)
  const identifier = formatWarningIdentifier({ areaCode: '360281000000', sectorCode: '001', sent, sequence: row.sequence })
  const issuedLike = ['issued', 'superseded', 'cancelled'].includes(row.status)
  const description = '受强降雨影响，镇桥镇未来6小时内降雨量将达50毫米以上 & 可能引发山洪 <注意防范>。'
  const xml = issuedLike
    ? buildCapAlert(composeWarningAlert({
      identifier, sender: 'yingji@leping.gov.cn', sent, msgType: row.msgType ?? 'Alert',
      references: row.msgType && row.msgType !== 'Alert' ? [{ sender: 'yingji@leping.gov.cn', identifier: '360281001000000_20261129080000_0', sent: '2026-11-29T08:00:00+08:00' }] : undefined,
      hazard: row.hazard, level: row.level, expires,
      senderName: { zh: '乐平市应急管理局', en: 'Leping Emergency Management Bureau' },
      headline: { zh: row.headline, en: 'Rainstorm warning' },
      description: { zh: description, en: 'Heavy rain expected.' },
      instruction: { zh: '转移危险区域人员。' },
      areas: [{ name: { zh: '乐平市镇桥镇', en: 'Zhenqiao, Leping' }, polygons: [ring], divisionCodes: ['360281100000'] }],
    }), { timeZoneOffset: '+08:00' })
    : null
  const geometry = JSON.stringify({ type: 'Polygon', coordinates: [ring] })
  await platform.db.execute(sql`
    INSERT INTO warnings.warnings (id, identifier, status, msg_type, hazard, level, headline, description, description_en, instruction, expires,
      area, area_desc, area_geom, division_codes, division_code, created_by, created_by_name, sent, cap_xml)
    VALUES (${randomUUID()}, ${identifier}, ${row.status}, ${row.msgType ?? 'Alert'}, ${row.hazard}, ${row.level}, ${row.headline}, ${description},
      'Heavy rain expected.', '转移危险区域人员。', ${expires}, ${JSON.stringify({ divisionCodes: ['360281100000'] })}::jsonb, '乐平市镇桥镇',
      ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${geometry}), 4326)), ARRAY['360281100000']::text[], '360281100000',
      ${randomUUID()}, '测试值班员', ${issuedLike ? sent : null}, ${xml})`)
  return identifier
}

describe('public CAP feed and warnings (/public, no session)', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    ids.orange = await insertWarning(platform, { status: 'issued', hazard: 'rainstorm', level: 'orange', headline: '乐平市应急管理局发布暴雨橙色预警', sentMinutesAgo: 30, expiresInHours: 6, sequence: 1 })
    ids.red = await insertWarning(platform, { status: 'issued', msgType: 'Update', hazard: 'flood', level: 'red', headline: '乐平市应急管理局发布洪水红色预警', sentMinutesAgo: 5, expiresInHours: 6, sequence: 2 })
    ids.cancel = await insertWarning(platform, { status: 'issued', msgType: 'Cancel', hazard: 'geologicalHazard', level: 'yellow', headline: '地质灾害黄色预警解除', sentMinutesAgo: 10, expiresInHours: 2, sequence: 3 })
    ids.superseded = await insertWarning(platform, { status: 'superseded', hazard: 'flood', level: 'orange', headline: '洪水橙色预警（已被更新）', sentMinutesAgo: 60, expiresInHours: 6, sequence: 4 })
    ids.expired = await insertWarning(platform, { status: 'issued', hazard: 'rainstorm', level: 'blue', headline: '已过期的暴雨蓝色预警', sentMinutesAgo: 600, expiresInHours: -1, sequence: 5 })
    ids.draft = await insertWarning(platform, { status: 'draft', hazard: 'rainstorm', level: 'red', headline: '草稿：暴雨红色预警', sentMinutesAgo: 0, expiresInHours: 6, sequence: 6 })
    ids.submitted = await insertWarning(platform, { status: 'submitted', hazard: 'rainstorm', level: 'yellow', headline: '待审：暴雨黄色预警', sentMinutesAgo: 0, expiresInHours: 6, sequence: 7 })
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  it('serves a valid Atom 1.0 feed of issued, unexpired alerts, newest first, without a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/public/cap/feed.atom', headers: { host: 'alerts.example.cn' } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/)
    expect(XMLValidator.validate(res.body)).toBe(true)
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'category'].includes(name) }).parse(res.body)
    const feed = parsed.feed
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(feed.id).toBe('http://alerts.example.cn/public/cap/feed.atom')
    expect(feed.link.map((link: { '@rel': string }) => link['@rel'])).toEqual(['self', 'alternate'])
    const titles: string[] = feed.entry.map((entry: { title: string }) => entry.title)
    // red update (5 min ago), the cancel (10 min), orange (30 min); never the draft, the submitted, the superseded or the expired
    expect(titles).toEqual(['【更新 · Update】乐平市应急管理局发布洪水红色预警', '【解除 · Cancel】地质灾害黄色预警解除', '乐平市应急管理局发布暴雨橙色预警'])
    expect(res.body).not.toContain('草稿')
    expect(res.body).not.toContain('待审')
    expect(res.body).not.toContain(ids.expired)
    // special characters of the texts are escaped, not breaking the XML
    expect(feed.entry[2].summary).toContain('& 可能引发山洪 <注意防范>')
    expect(feed.entry[0].category.map((c: { '@term': string }) => c['@term'])).toEqual(['flood', 'red'])
    expect(feed.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
  })

  it('every entry links to a CAP document that resolves and validates against the OASIS CAP 1.2 XSD', async () => {
    const res = await app.inject({ method: 'GET', url: '/public/cap/feed.atom', headers: { host: 'alerts.example.cn' } })
    const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link'].includes(name) }).parse(res.body).feed
    expect(feed.entry).toHaveLength(3)
    for (const entry of feed.entry) {
      const href: string = entry.link[0]['@href']
      expect(entry.link[0]['@type']).toBe('application/cap+xml')
      const url = new URL(href)
      expect(url.origin).toBe('http://alerts.example.cn')
      const doc = await app.inject({ method: 'GET', url: url.pathname })
      expect(doc.statusCode).toBe(200)
      expect(doc.headers['content-type']).toMatch(/^application\/cap\+xml/)
      const verdict = validateWithXsd(doc.body)
      expect(verdict.output).toContain('- validates')
      expect(verdict.valid).toBe(true)
      expect(entry.id).toBe(href)
      expect(doc.body).toContain(`<identifier>${decodeURIComponent(url.pathname.split('/').pop()!.replace(/\.xml$/, ''))}</identifier>`)
    }
  })

  it('a superseded alert stays readable (an Update references it); drafts, submitted and unknown alerts are 404', async () => {
    expect((await app.inject({ method: 'GET', url: `/public/cap/${ids.superseded}.xml` })).statusCode).toBe(200)
    for (const identifier of [ids.draft, ids.submitted, 'no-such-alert']) {
      const res = await app.inject({ method: 'GET', url: `/public/cap/${identifier}.xml` })
      expect(res.statusCode).toBe(404)
      expect(res.json().error).toMatchObject({ code: 'not_found', field: 'params.identifier' })
      expect(res.json().error.messageEn).toBeTruthy()
    }
  })

  it('lists the active warnings with their areas as GeoJSON, most severe first, no cancels, no drafts', async () => {
    const res = await app.inject({ method: 'GET', url: '/public/warnings.json', headers: { host: 'alerts.example.cn' } })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.warnings.map((w: { identifier: string }) => w.identifier)).toEqual([ids.red, ids.orange])
    const red = body.warnings[0]
    expect(red).toMatchObject({
      msgType: 'Update', hazard: 'flood', hazardName: { zh: '洪水', en: 'Flood' }, level: 'red', areaDesc: '乐平市镇桥镇',
      instruction: '转移危险区域人员。', descriptionEn: 'Heavy rain expected.', divisionCodes: ['360281100000'],
      capUrl: `http://alerts.example.cn/public/cap/${ids.red}.xml`,
    })
    expect(red.area.type).toBe('MultiPolygon')
    expect(red.area.coordinates[0][0]).toHaveLength(5)
    expect(new Date(red.expires).getTime()).toBeGreaterThan(Date.now())
  })

  it('serves the county boundary for the public map without a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/public/boundary.json' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    const county = body.features.filter((f: { properties: { level: string } }) => f.properties.level === 'county')
    expect(county.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(['360281000000'])
    expect(['Polygon', 'MultiPolygon']).toContain(county[0].geometry.type)
    const townships = body.features.filter((f: { properties: { level: string } }) => f.properties.level === 'township')
    expect(townships).toHaveLength(20)
    expect(townships.find((f: { properties: { code: string } }) => f.properties.code === '360281100000').properties.name).toBe('镇桥镇')
    expect(townships[0].geometry.type).toBe('Point')
  })

  it('the public routes are in the OpenAPI document without a security requirement', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    for (const path of ['/public/cap/feed.atom', '/public/warnings.json']) {
      expect(doc.paths[path]?.get).toBeTruthy()
      expect(doc.paths[path].get.security).toBeUndefined()
    }
  })
})
