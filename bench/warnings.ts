/**
 * Warning delivery at county scale: 1,000,000 synthetic subscribers (2 % responsible persons),
 * each at a village of Leping (a point within ~1 km of it for 80 %, the village code for all).
 *
 * (a) Approval → full recipient list: the fan-out of a warning over a township-sized polygon
 *     (镇桥镇's synthetic area, and its division code), i.e. the deliveries rows written, as the
 *     product does it (one INSERT … SELECT over the subdivided area and the GiST index).
 *     Baseline, same run and database: the same statement without the subdivision and with
 *     index scans turned off (per-subscriber point-in-polygon over the whole table).
 * (b) Hand-off rate: approval event → outbox → fan-out → sender → a local HTTP SMS gateway
 *     (every message accepted by the gateway), one POST per message and the gateway's batch
 *     endpoint. Baseline: one INSERT and one POST (and one UPDATE) per message, in turn.
 *
 * Embedded database (PGlite) in a new data folder from the prepared template, as `npm start` runs
 * it (`YINGJI_BENCH_WARNINGS_MEMORY=1` keeps it in memory), with a 512MB page cache unless
 * `YINGJI_DB_SHARED_BUFFERS` says otherwise — the setting a deployment of this size would use
 * (README); or, when DATABASE_URL is set, a scratch database created (and dropped) on that
 * PostgreSQL server.
 * `YINGJI_BENCH_WARNING_SUBSCRIBERS` changes the population (default 1,000,000).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { loadConfig } from '../server/src/config.ts'
import { affectedRows, queryRows } from '../server/src/db/rows.ts'
import { closePlatform, createPlatform, type Platform } from '../server/src/platform.ts'
import { enqueueEvent } from '../server/src/modules/events/outbox.ts'
import { ensureSyntheticDivisionAreas } from '../server/src/modules/geo/syntheticAreas.ts'
import { createChannels } from '../server/src/modules/warnings/channels/index.ts'
import { startReceiver } from '../server/src/modules/warnings/channels/testing.ts'
import { audienceRows, insertDeliveries } from '../server/src/modules/warnings/delivery/audience.ts'
import { fanOutHandler, warningIssuedTopic } from '../server/src/modules/warnings/delivery/fanout.ts'
import { createSender } from '../server/src/modules/warnings/delivery/sender.ts'
import { loadDeliverySettings, type DeliverySettings } from '../server/src/modules/warnings/delivery/settings.ts'
import { formatFigures, median } from './lib/report.ts'

export const description = 'warning delivery: 1,000,000 subscribers → recipient list of a township polygon, and hand-off rate through outbox and sender to a local SMS gateway, against an unindexed scan and one insert + one send per message'

const subscriberCount = Number(process.env.YINGJI_BENCH_WARNING_SUBSCRIBERS ?? 1_000_000)
const chunk = 100_000
const township = '360281100000' // 镇桥镇
const runs = 3
const naiveSendCount = 1_000

async function generateSubscribers(platform: Platform): Promise<void> {
  for (let from = 1; from <= subscriberCount; from += chunk) {
    const to = Math.min(subscriberCount, from + chunk - 1)
    await platform.db.execute(sql`
      WITH v AS (
        SELECT array_agg(code::text ORDER BY code) AS codes, array_agg(ST_X(location) ORDER BY code) AS xs, array_agg(ST_Y(location) ORDER BY code) AS ys
        FROM geo.divisions WHERE level = 'village' AND location IS NOT NULL),
      g AS (SELECT i, 1 + floor(random() * (SELECT cardinality(codes) FROM v))::int AS k FROM generate_series(${from}::int, ${to}::int) AS i)
      INSERT INTO warnings.subscribers (id, name, kind, role, division_code, location, phone, channels, synthetic)
      SELECT gen_random_uuid(), '基准接收人' || g.i,
        CASE WHEN g.i % 50 = 0 THEN 'responsible' ELSE 'public' END, CASE WHEN g.i % 50 = 0 THEN 'village_leader' ELSE 'public' END,
        v.codes[g.k],
        CASE WHEN g.i % 5 = 0 THEN NULL ELSE ST_SetSRID(ST_MakePoint(v.xs[g.k] + (random() - 0.5) * 0.02, v.ys[g.k] + (random() - 0.5) * 0.02), 4326) END,
        '13' || lpad(g.i::text, 9, '0'), ARRAY['sms'], true
      FROM g, v`)
  }
  await platform.db.execute(sql`ANALYZE warnings.subscribers`)
}

async function addWarning(platform: Platform): Promise<string> {
  const id = crypto.randomUUID()
  await platform.db.execute(sql`
    INSERT INTO warnings.warnings (id, identifier, status, hazard, level, headline, description, instruction, expires, area, area_desc, area_geom,
      division_codes, division_code, created_by, created_by_name, sent)
    SELECT ${id}, ${`BENCH-${id}`}, 'issued', 'flood', 'red', '镇桥镇山洪灾害红色预警', '镇桥镇3小时降雨量已达100毫米以上。', '沿河低洼地带人员立即转移',
      now() + interval '1 day', '{"divisionCodes":["360281100000"]}'::jsonb, '镇桥镇', a.geometry, ARRAY[${township}], ${township}, ${crypto.randomUUID()}, '基准', now()
    FROM geo.division_areas a WHERE a.division_code = ${township}`)
  return id
}

const clear = (platform: Platform, warningId: string) => platform.db.execute(sql`DELETE FROM warnings.deliveries WHERE warning_id = ${warningId}`)

/** CPU time of this process (ms); with PGlite the database's work is in it, with a server it is not. */
const cpuMs = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

async function recipientList(platform: Platform, warningId: string, naive: boolean): Promise<{ ms: number; cpu: number; rows: number }> {
  const target = { id: warningId, divisionCodes: [township], referencesId: null }
  const c0 = cpuMs()
  const t0 = performance.now()
  const rows = await platform.db.transaction(async (tx) => {
    if (!naive) return insertDeliveries(tx, target)
    // The selection without indexes (whole polygon, sequential scans); the INSERT itself with
    // them on again, since its foreign-key checks would otherwise scan the table per row.
    await tx.execute(sql`SET LOCAL enable_indexscan = off`)
    await tx.execute(sql`SET LOCAL enable_bitmapscan = off`)
    await tx.execute(sql`CREATE TEMP TABLE naive_audience ON COMMIT DROP AS ${audienceRows(target, { subdivide: false })}`)
    await tx.execute(sql`SET LOCAL enable_indexscan = on`)
    await tx.execute(sql`SET LOCAL enable_bitmapscan = on`)
    return affectedRows(await tx.execute(sql`
      INSERT INTO warnings.deliveries (warning_id, subscriber_id, channel, priority, address, township_code)
      SELECT ${warningId}, a.subscriber_id, a.channel, a.priority, a.address, a.township_code FROM naive_audience a
      WHERE a.address IS NOT NULL AND a.address <> ''`))
  })
  return { ms: performance.now() - t0, cpu: cpuMs() - c0, rows }
}

const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000)

async function measure(platform: Platform): Promise<void> {
  const t0 = performance.now()
  await ensureSyntheticDivisionAreas(platform.db)
  await generateSubscribers(platform)
  const [{ n, located }] = (await queryRows<{ n: number; located: number }>(platform.db, sql`
    SELECT count(*)::int AS n, count(location)::int AS located FROM warnings.subscribers`)) as [{ n: number; located: number }]
  const [area] = await queryRows<{ km2: number; vertices: number }>(platform.db, sql`
    SELECT (ST_Area(geometry::geography) / 1e6)::float8 AS km2, ST_NPoints(geometry) AS vertices FROM geo.division_areas WHERE division_code = ${township}`)
  console.log(`subscribers: ${n.toLocaleString('en-US')} (${located.toLocaleString('en-US')} with a location), generated in ${Math.round(performance.now() - t0)} ms (not timed)`)
  console.log(`area: 镇桥镇 synthetic township area, ${area?.km2.toFixed(0)} km², ${area?.vertices} vertices\n`)

  // (a) approval → recipient list; each run approves a new warning, as in use (deliveries
  // accumulate; none are deleted), baseline and product in turn
  const fast: number[] = []
  const naive: number[] = []
  const fastCpu: number[] = []
  const naiveCpu: number[] = []
  let recipients = 0
  const listed: string[] = []
  const approve = async () => {
    listed.push(await addWarning(platform))
    return listed.at(-1)!
  }
  for (let i = 0; i < runs; i++) {
    const b = await recipientList(platform, await approve(), true)
    naive.push(b.ms)
    naiveCpu.push(b.cpu)
    const f = await recipientList(platform, await approve(), false)
    fast.push(f.ms)
    fastCpu.push(f.cpu)
    if (b.rows !== f.rows) throw new Error(`baseline found ${b.rows}, product ${f.rows}`)
    recipients = f.rows
  }
  // Not sent: (b) measures its own warnings only
  for (const w of listed) await clear(platform, w)
  console.log(`(a) approval → full recipient list (${recipients.toLocaleString('en-US')} deliveries rows written); goal ≤ 1 s`)
  const cpuNote = (runs: number[]) => `CPU of this process ${Math.round(median(runs))} ms (${runs.map((r) => Math.round(r)).join(', ')})${process.env.DATABASE_URL ? ', the server\'s not included' : ''}`
  console.log(formatFigures(
    { name: 'baseline: no subdivision, index scans off (per-subscriber point-in-polygon)', runs: naive, note: cpuNote(naiveCpu) },
    [{ name: 'product: ST_Subdivide + GiST, one INSERT … SELECT', runs: fast, note: cpuNote(fastCpu) }],
  ))

  // (b) hand-off: event → outbox → fan-out → sender → gateway
  const gateway = await startReceiver({ kind: 'sms', keepBodies: false })
  try {
    const base = loadDeliverySettings({})
    const variants: Array<{ name: string; settings: DeliverySettings }> = [
      { name: 'one POST per message, 64 in flight', settings: { ...base, claimBatch: 2000, sms: { ...base.sms, gatewayUrl: gateway.url, ratePerSecond: 0, concurrency: 64, batchSize: 1 } } },
      { name: 'gateway batch endpoint, 500 per POST, 4 in flight', settings: { ...base, claimBatch: 5000, sms: { ...base.sms, gatewayUrl: gateway.url, ratePerSecond: 0, concurrency: 4, batchSize: 500 } } },
    ]
    const lines: string[] = []
    for (const variant of variants) {
      const w = await addWarning(platform)
      const sender = createSender(platform.db, variant.settings, createChannels(variant.settings), { onError: (m, e) => console.error(m, e) })
      const unsubscribe = platform.bus.subscribe(warningIssuedTopic, fanOutHandler(platform.db, () => {}))
      const accepted0 = gateway.acceptedById.size
      const t = performance.now()
      await platform.db.transaction(async (tx) => {
        await enqueueEvent(tx, warningIssuedTopic, { warningId: w, identifier: `BENCH-${w}`, msgType: 'Alert', level: 'red', hazard: 'flood' })
      })
      await platform.outbox.drain()
      const fannedOut = performance.now() - t
      const report = await sender.drain()
      const total = performance.now() - t
      unsubscribe()
      const accepted = gateway.acceptedById.size - accepted0
      if (accepted !== report.sent) throw new Error(`gateway accepted ${accepted}, sender marked ${report.sent}`)
      lines.push(`| ${variant.name} | ${accepted.toLocaleString('en-US')} | ${Math.round(fannedOut)} ms | ${Math.round(total)} ms | ${perSecond(accepted, total).toLocaleString('en-US')} msg/s |`)
      await clear(platform, w)
    }
    // Baseline: one INSERT and one send (and one UPDATE) per message, in turn.
    const w = await addWarning(platform)
    const subs = await queryRows<{ id: string; phone: string }>(platform.db, sql`
      SELECT id, phone FROM warnings.subscribers WHERE division_code LIKE '360281100%' AND name LIKE '基准接收人%' AND phone IS NOT NULL LIMIT ${naiveSendCount}`)
    const t = performance.now()
    for (const s of subs) {
      const [row] = await queryRows<{ id: string }>(platform.db, sql`
        INSERT INTO warnings.deliveries (warning_id, subscriber_id, channel, priority, address, township_code)
        VALUES (${w}, ${s.id}, 'sms', 1, ${s.phone}, ${township}) RETURNING id`)
      const res = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to: s.phone, text: '预警', id: row!.id }) })
      await res.arrayBuffer()
      await platform.db.execute(sql`UPDATE warnings.deliveries SET status = 'sent', sent_at = now() WHERE id = ${row!.id}`)
    }
    const naiveMs = performance.now() - t
    const naiveRate = perSecond(subs.length, naiveMs)
    console.log(`\n(b) hand-off: approval event → outbox → fan-out → sender → local SMS gateway (all accepted); goal ≥ 5,000 msg/s`)
    console.log('| case | messages | fan-out done | all accepted | rate | ratio to baseline |')
    console.log('| --- | --- | --- | --- | --- | --- |')
    console.log(`| baseline: one INSERT + one POST + one UPDATE per message | ${subs.length.toLocaleString('en-US')} | — | ${Math.round(naiveMs)} ms | ${naiveRate.toLocaleString('en-US')} msg/s | 1.00× |`)
    for (const line of lines) {
      const rate = Number(line.split('|')[5]!.replace(/[^0-9]/g, ''))
      console.log(`${line} ${(rate / naiveRate).toFixed(2)}× |`)
    }
    console.log(`\nmedian (a) product ${Math.round(median(fast))} ms; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  } finally {
    await gateway.close()
  }
}

/** A scratch database on the server of `serverUrl` (never the data behind DATABASE_URL itself). */
async function scratchDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `yingji_bench_warnings_${process.pid}`
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: serverUrl })
    await client.connect()
    try {
      await client.query(text)
    } finally {
      await client.end()
    }
  }
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin(`CREATE DATABASE ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

export async function run(): Promise<void> {
  const config = { ...loadConfig({}), logLevel: 'silent', simulate: false, adminPassword: undefined,
    embeddedSharedBuffers: process.env.YINGJI_DB_SHARED_BUFFERS || '512MB' }
  const server = process.env.DATABASE_URL
  const inMemory = !server && process.env.YINGJI_BENCH_WARNINGS_MEMORY === '1'
  const dataDir = server || inMemory ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-bench-warnings-'))
  const where = server ? 'PostgreSQL server of DATABASE_URL (a scratch database)'
    : `embedded (PGlite, ${inMemory ? 'in memory' : 'data folder'}, shared_buffers ${config.embeddedSharedBuffers})`
  console.log(`machine: ${os.cpus().length} cores, Node ${process.versions.node}, load average ${os.loadavg()[0]!.toFixed(1)}; database: ${where}; ${runs} runs for (a)`)
  const scratch = server ? await scratchDatabase(server) : undefined
  try {
    const platform = await createPlatform({ ...config, databaseUrl: scratch?.url, dataDir: dataDir ?? config.dataDir }, { inMemory })
    try {
      await measure(platform)
    } finally {
      await closePlatform(platform)
    }
  } finally {
    await scratch?.drop()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
