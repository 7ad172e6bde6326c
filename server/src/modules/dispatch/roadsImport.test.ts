import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'drizzle-orm'
import { buildApp } from '../../http/app.ts'
import { queryRows } from '../../db/rows.ts'
import { createTestPlatform, type TestPlatform } from '../../testing/platform.ts'
import { loginAs } from '../../testing/session.ts'
import { getRoadNetwork } from './network.ts'
import { importRoads, parseRoads } from './roadsImport.ts'

const here = path.dirname(fileURLToPath(import.meta.url))

/** A small extract near the city seat: a primary road, a residential one-way street, a footway. */
const osmXml = `<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="test">
  <node id="1" lat="28.970" lon="117.100"/>
  <node id="2" lat="28.970" lon="117.120"/>
  <node id="3" lat="28.970" lon="117.140"/>
  <node id="4" lat="28.990" lon="117.120"/>
  <node id="5" lat="28.990" lon="117.140"/>
  <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="primary"/><tag k="name" v="测试大道"/><tag k="maxspeed" v="70"/></way>
  <way id="11"><nd ref="2"/><nd ref="4"/><tag k="highway" v="residential"/><tag k="oneway" v="yes"/></way>
  <way id="12"><nd ref="4"/><nd ref="5"/><nd ref="3"/><tag k="highway" v="tertiary"/></way>
  <way id="13"><nd ref="1"/><nd ref="4"/><tag k="highway" v="footway"/></way>
</osm>`

describe('road network import (OSM XML / PBF, GeoJSON)', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let headers: { cookie: string }

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    headers = (await loginAs(app, platform, { role: 'duty_officer' })).headers
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  it('reads the highway ways of an .osm.pbf extract', () => {
    const { roads, skipped } = parseRoads('pbf', fs.readFileSync(path.join(here, 'fixtures/somes.osm.pbf')))
    expect(roads.length).toBeGreaterThan(0)
    expect(roads.length + skipped).toBeGreaterThanOrEqual(17)
    for (const r of roads) expect(r.coordinates.length).toBeGreaterThanOrEqual(2)
  })

  it('an .osm extract replaces the synthetic network in one step; routing uses it at once, one-way honoured', async () => {
    const before = (await app.inject({ method: 'GET', url: '/api/dispatch/roads', headers })).json()
    expect(before.synthetic).toBe(true)
    const result = await importRoads(platform.db, null, 'leping-test.osm', Buffer.from(osmXml))
    expect(result).toMatchObject({ format: 'osm', roads: 3, skipped: 1, replaced: before.features.length })
    await platform.outbox.drain() // the server hears of it through the outbox
    const roads = (await app.inject({ method: 'GET', url: '/api/dispatch/roads', headers })).json()
    expect(roads.synthetic).toBe(false)
    expect(roads.features.map((f: { properties: { class: string; speedKmh: number } }) => [f.properties.class, f.properties.speedKmh]))
      .toEqual([['provincial', 70], ['village', 30], ['township', 40]])
    expect((await getRoadNetwork(platform)).graph.nodeCount).toBe(5)
    // Along the one-way street northwards…
    const up = (await app.inject({ method: 'GET', url: '/api/dispatch/route?from=117.12,28.97&to=117.12,28.99', headers })).json()
    expect(up.distanceM).toBeGreaterThan(2000)
    expect(up.distanceM).toBeLessThan(2300)
    // …but not back: round by the tertiary and the primary.
    const down = (await app.inject({ method: 'GET', url: '/api/dispatch/route?from=117.12,28.99&to=117.12,28.97', headers })).json()
    expect(down.distanceM).toBeGreaterThan(5500)
    const audit = await queryRows<{ action: string }>(platform.db, sql`SELECT action FROM auth.audit_log WHERE action = 'dispatch.roads.import'`)
    expect(audit.length).toBe(1)
  })

  it('GeoJSON with a bad feature is refused naming the feature and field; nothing changes', async () => {
    const count = async () => (await queryRows<{ n: number }>(platform.db, sql`SELECT count(*)::int AS n FROM dispatch.roads`))[0]!.n
    const n0 = await count()
    const bad = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { class: 'county', speed_kmh: 50 }, geometry: { type: 'LineString', coordinates: [[117.1, 28.9], [117.2, 28.9]] } },
        { type: 'Feature', properties: { class: 'motorway' }, geometry: { type: 'LineString', coordinates: [[117.1, 28.9], [117.2, 28.9]] } },
      ],
    }
    await expect(importRoads(platform.db, null, 'bad.geojson', Buffer.from(JSON.stringify(bad)))).rejects.toMatchObject({
      status: 400, field: 'features[1].properties.class',
    })
    await expect(importRoads(platform.db, null, 'roads.shp', Buffer.from('x'))).rejects.toMatchObject({ code: 'unknown_road_format' })
    await expect(importRoads(platform.db, null, 'broken.osm', Buffer.from('<osm><way'))).rejects.toMatchObject({ status: 400 })
    expect(await count()).toBe(n0)
    const good = { type: 'FeatureCollection', features: [bad.features[0], { ...bad.features[1], properties: { highway: 'trunk', oneway: 'yes', name: 'G206' } }] }
    const r = await importRoads(platform.db, null, 'good.geojson', Buffer.from(JSON.stringify(good)))
    expect(r).toMatchObject({ format: 'geojson', roads: 2, replaced: n0 })
  })
})
