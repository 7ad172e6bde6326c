/**
 * Monitoring ingest, end to end with rules evaluated and rows stored durably before each
 * acknowledgement: HTTP batches (real sockets, many senders) and single-reading MQTT QoS 1
 * messages through the built-in broker, on the embedded database and on a PostgreSQL server
 * when one is reachable. Also reading → alarm latency at about half the HTTP maximum, lag and
 * drops. Baseline, in the same run on the same database: one INSERT per reading followed by a
 * SQL query per reading for the rainstorm rule (the 3-hour sum).
 * Load generator and server share the process and the machine's 2 cores.
 * The embedded database lives in a new data folder from the prepared template, as `npm start`
 * runs it; `YINGJI_BENCH_INGEST_MEMORY=1` keeps it in memory instead (its files grow by copying,
 * which costs more than a folder on disk).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import mqtt from 'mqtt'
import { loadConfig } from '../server/src/config.ts'
import { buildApp } from '../server/src/http/app.ts'
import { configureMonitoring, monitoringRuntime } from '../server/src/modules/monitoring/index.ts'
import { startMqttIngest } from '../server/src/modules/monitoring/mqtt.ts'
import { createDevice } from '../server/src/modules/monitoring/service.ts'
import { closePlatform, createPlatform, type Platform } from '../server/src/platform.ts'
import { queryRows } from '../server/src/db/rows.ts'
import { adminQuery, adminUrl, databaseUrl, serverReachable } from './lib/postgresServer.ts'

export const description = 'monitoring ingest: readings/s over HTTP batches and MQTT QoS 1 with rules and durable storage, reading → alarm latency, against one INSERT + one rule query per reading'

const phaseMs = Number(process.env.YINGJI_BENCH_INGEST_MS ?? 8000)
const loadDevices = 500
const batchSize = 1000
const httpSenders = Number(process.env.YINGJI_BENCH_INGEST_SENDERS ?? 24)
const mqttClients = 8
const mqttWindow = 200
const baselineReadings = 3000
/** Gauges that each raise one orange alarm in the latency phase: enough that p99 is not simply the worst one */
const triggerCount = 200

interface Device { id: string; code: string; apiKey: string; next: number }

const percentile = (values: readonly number[], p: number) => {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en-US')

async function registerDevices(platform: Platform, count: number, prefix: string): Promise<Device[]> {
  const runtime = monitoringRuntime(platform)
  const townships = ['360281100', '360281101', '360281102', '360281103', '360281104', '360281105']
  const out: Device[] = []
  const start = Date.now() - 10 * 3_600_000
  for (let i = 0; i < count; i++) {
    const d = await createDevice(platform.db, runtime, null, {
      code: `${prefix}-${i}`, type: 'rain_gauge', name: `基准雨量站${i}`, divisionCode: townships[i % townships.length]!, location: { lon: 117.2, lat: 29 },
    })
    out.push({ id: d.id, code: d.code, apiKey: d.apiKey, next: start })
  }
  return out
}

/** Readings of `device` with fresh timestamps (one per second of its own clock) */
function take(device: Device, n: number, value = 0): { metric: string; ts: number; value: number }[] {
  const items = []
  for (let i = 0; i < n; i++) items.push({ metric: 'rainfall_mm', ts: (device.next += 1000), value })
  return items
}

async function httpPhase(base: string, devices: Device[], ms: number, paceReadingsPerSecond?: number) {
  const until = performance.now() + ms
  let accepted = 0
  let refused = 0
  let k = 0
  const started = performance.now()
  // Paced: each sender keeps its own schedule, offset from the others', so requests arrive
  // evenly spread (devices are not synchronised) rather than all senders at once in bursts.
  const interval = paceReadingsPerSecond ? (httpSenders * batchSize / paceReadingsPerSecond) * 1000 : 0
  const sender = async (_: unknown, j: number) => {
    for (let n = 0; performance.now() < until; n++) {
      if (paceReadingsPerSecond) {
        const wait = started + (j / httpSenders + n) * interval - performance.now()
        if (wait > 0) await new Promise((r) => setTimeout(r, wait))
        if (performance.now() >= until) break
      }
      const device = devices[k++ % devices.length]!
      const res = await fetch(`${base}/api/ingest/readings`, {
        method: 'POST', headers: { authorization: `Bearer ${device.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify(take(device, batchSize)),
      })
      await res.arrayBuffer()
      if (res.status === 200) accepted += batchSize
      else if (res.status === 429) refused += batchSize
      else throw new Error(`ingest answered ${res.status}`)
    }
  }
  await Promise.all(Array.from({ length: httpSenders }, sender))
  return { accepted, refused, ms: performance.now() - started }
}

async function mqttPhase(port: number, devices: Device[], ms: number) {
  const clients = await Promise.all(devices.slice(0, mqttClients).map((d) =>
    mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { username: d.code, password: d.apiKey, reconnectPeriod: 0 }).then((client) => ({ client, device: d }))))
  const until = performance.now() + ms
  const started = performance.now()
  let acked = 0
  await Promise.all(clients.map(async ({ client, device }) => {
    const inflight = new Set<Promise<unknown>>()
    while (performance.now() < until) {
      while (inflight.size < mqttWindow) {
        const p: Promise<unknown> = client.publishAsync(`yingji/${device.code}/telemetry`, JSON.stringify(take(device, 1)[0]), { qos: 1 })
          .then(() => { acked++; inflight.delete(p) })
        inflight.add(p)
      }
      await Promise.race(inflight)
    }
    await Promise.all(inflight)
  }))
  const elapsed = performance.now() - started
  await Promise.all(clients.map(({ client }) => client.endAsync()))
  return { acked, ms: elapsed }
}

/** Half-rate HTTP load while trigger gauges each get 52 mm in 65 minutes (orange): send → alarm pushed. */
async function latencyPhase(platform: Platform, base: string, devices: Device[], triggers: Device[], rate: number, ms: number) {
  const runtime = monitoringRuntime(platform)
  const sentAt = new Map<string, number>()
  const latencies: number[] = []
  const off = runtime.onAlarm((alarm) => {
    const t0 = sentAt.get(alarm.deviceId)
    if (t0 !== undefined && alarm.level === 'orange') { latencies.push(performance.now() - t0); sentAt.delete(alarm.deviceId) }
  })
  const load = httpPhase(base, devices, ms, rate)
  const gap = ms / (triggers.length + 1)
  for (const trigger of triggers) {
    await new Promise((r) => setTimeout(r, gap))
    const start = Date.now() - 3 * 3_600_000
    const warmup = Array.from({ length: 12 }, (_, i) => ({ metric: 'rainfall_mm', ts: start + (i + 1) * 300_000, value: 4 }))
    await fetch(`${base}/api/ingest/readings`, { method: 'POST', headers: { authorization: `Bearer ${trigger.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify(warmup) })
    sentAt.set(trigger.id, performance.now())
    await fetch(`${base}/api/ingest/readings`, { method: 'POST', headers: { authorization: `Bearer ${trigger.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify([{ metric: 'rainfall_mm', ts: start + 13 * 300_000, value: 4 }]) })
  }
  const result = await load
  await new Promise((r) => setTimeout(r, 500))
  off()
  return { latencies, missing: sentAt.size, ...result }
}

async function baselinePhase(platform: Platform, device: Device) {
  const started = performance.now()
  let alarms = 0
  for (const r of take(device, baselineReadings, 0.1)) {
    await platform.db.execute(sql`INSERT INTO monitoring.readings (device_id, metric, ts, value) VALUES (${device.id}, ${r.metric}, to_timestamp(${r.ts} / 1000.0), ${r.value}) ON CONFLICT DO NOTHING`)
    const [sum] = await queryRows<{ s: number | null }>(platform.db, sql`
      SELECT sum(value) AS s FROM monitoring.readings WHERE device_id = ${device.id} AND metric = ${r.metric}
        AND ts > to_timestamp(${r.ts - 3 * 3_600_000} / 1000.0) AND ts <= to_timestamp(${r.ts} / 1000.0)`)
    if ((sum?.s ?? 0) >= 50) alarms++
  }
  return { readings: baselineReadings, ms: performance.now() - started, alarms }
}

async function measure(label: string, platform: Platform): Promise<void> {
  configureMonitoring(platform, { tickIntervalMs: 0, snapshotIntervalMs: 0, lagEventIntervalMs: 0, queueCapacity: 200_000 })
  const app = await buildApp(platform, { logger: false })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
  const runtime = monitoringRuntime(platform)
  const broker = await startMqttIngest(runtime, { port: 0, host: '127.0.0.1', log: () => {} })
  try {
    const t0 = performance.now()
    const devices = await registerDevices(platform, loadDevices, `${label}-load`)
    const triggers = await registerDevices(platform, triggerCount, `${label}-trigger`)
    const [baselineDevice] = await registerDevices(platform, 1, `${label}-baseline`)
    console.log(`${label}: ${loadDevices + triggerCount + 1} rain gauges registered in ${Math.round(performance.now() - t0)} ms (not timed)`)

    await httpPhase(base, devices, 1500) // warm-up
    const before = runtime.lag()
    let maxLag = 0
    const lagTimer = setInterval(() => { maxLag = Math.max(maxLag, runtime.lag().oldestUnprocessedAgeMs) }, 50)
    const http = await httpPhase(base, devices, phaseMs)
    await runtime.writer.drain()
    clearInterval(lagTimer)
    const after = runtime.lag()
    const storedHttp = after.storedTotal - before.storedTotal
    const httpRate = (http.accepted / http.ms) * 1000

    const mqttBefore = monitoringRuntime(platform).lag()
    const mq = broker.port ? await mqttPhase(broker.port, devices, phaseMs) : { acked: 0, ms: 1 }
    await runtime.writer.drain()
    const mqttAfter = monitoringRuntime(platform).lag()

    const lat = await latencyPhase(platform, base, devices, triggers, httpRate / 2, phaseMs)
    const base0 = await baselinePhase(platform, baselineDevice!)
    const baseRate = (base0.readings / base0.ms) * 1000
    const [{ n: rows }] = await queryRows<{ n: number }>(platform.db, sql`SELECT count(*)::int AS n FROM monitoring.readings`) as [{ n: number }]

    console.log(`\n| ${label} | readings/s | ratio to baseline | note |`)
    console.log('| --- | --- | --- | --- |')
    console.log(`| baseline: INSERT + rule query per reading | ${perSecond(base0.readings, base0.ms)} | 1.00× | ${base0.readings} readings, one connection |`)
    console.log(`| HTTP batches of ${batchSize}, ${httpSenders} senders | **${perSecond(http.accepted, http.ms)}** | ${(httpRate / baseRate).toFixed(1)}× | ${storedHttp.toLocaleString('en-US')} stored, ${http.refused} refused (429), max lag ${Math.round(maxLag)} ms |`)
    console.log(`| MQTT QoS 1, 1 reading/message, ${mqttClients} clients × ${mqttWindow} in flight | **${perSecond(mq.acked, mq.ms)}** | ${((mq.acked / mq.ms) * 1000 / baseRate).toFixed(1)}× | ${(mqttAfter.storedTotal - mqttBefore.storedTotal).toLocaleString('en-US')} stored for ${mq.acked.toLocaleString('en-US')} PUBACKs |`)
    console.log(`| reading → alarm at ~half the HTTP rate (${perSecond(lat.accepted, lat.ms)}/s) | p50 ${Math.round(percentile(lat.latencies, 50))} ms, p99 ${Math.round(percentile(lat.latencies, 99))} ms | — | ${lat.latencies.length} orange alarms, ${lat.missing} missing |`)
    const final = runtime.lag()
    console.log(`\n${label}: drops ${final.droppedTotal} refused-with-429 readings, 0 lost: accepted ${final.acceptedTotal.toLocaleString('en-US')} = stored ${final.storedTotal.toLocaleString('en-US')} + duplicates ${final.duplicateTotal}; ${rows.toLocaleString('en-US')} rows in the table (incl. ${base0.readings} baseline)`)
  } finally {
    await broker.close()
    await app.close()
  }
}

export async function run(): Promise<void> {
  const config = { ...loadConfig({}), logLevel: 'silent', simulate: false, adminPassword: undefined }
  console.log(`machine: ${os.cpus().length} cores, Node ${process.versions.node}, load average ${os.loadavg()[0]!.toFixed(1)}; ${phaseMs / 1000} s per phase`)
  const inMemory = process.env.YINGJI_BENCH_INGEST_MEMORY === '1'
  const dataDir = inMemory ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-bench-ingest-'))
  const embedded = await createPlatform({ ...config, databaseUrl: undefined, dataDir: dataDir ?? config.dataDir }, { inMemory })
  try {
    await measure(inMemory ? 'embedded (in memory)' : 'embedded (data folder)', embedded)
  } finally {
    await closePlatform(embedded)
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  }
  const unreachable = await serverReachable()
  if (unreachable) {
    console.warn(`\nSKIPPED the PostgreSQL server case: no server at ${adminUrl} (${unreachable})`)
    return
  }
  const name = `yingji_bench_ingest_${process.pid}`
  const url = databaseUrl(name)
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await adminQuery(`CREATE DATABASE ${name}`)
  try {
    const server = await createPlatform({ ...config, databaseUrl: url })
    try {
      console.log('')
      await measure('server', server)
    } finally {
      await closePlatform(server)
    }
  } finally {
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  }
}
