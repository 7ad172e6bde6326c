/**
 * Devices (监测设备): register, list, change, map, readings. A device's machine key is shown
 * once at registration and stored only as a SHA-256 hash. Every write is audited.
 */
import crypto from 'node:crypto'
import type { WarningLevel } from '@yingji/domain/cap/warningLevels'
import { divisionPrefix, isWithinDivision } from '@yingji/domain/geo/divisionCode'
import type { RuleSetOverride } from '@yingji/domain/monitoring/mergeRuleSet'
import type { Db, Queryable } from '../../db/database.ts'
import { assertInJurisdiction, type Actor } from '../../http/access.ts'
import { AppError, forbidden, invalid, notFound } from '../../http/errors.ts'
import { recordAudit } from '../auth/audit.ts'
import { divisionPlaces, parseDivisionCode } from '../geo/index.ts'
import { deviceTypeInfo, deviceTypes, metricUnit } from './deviceTypes.ts'
import * as queries from './queries.ts'
import { effectiveRules, hashKey, ruleSettings, type MonitoringRuntime } from './runtime.ts'

export interface LonLat { lon: number; lat: number }

export interface DeviceView {
  id: string
  code: string
  type: string
  name: string
  divisionCode: string
  location: LonLat
  expectedIntervalS: number
  enterpriseId: string | null
  hazardPointId: string | null
  params: Record<string, number | null>
  ruleOverride: RuleSetOverride
  status: 'online' | 'offline' | 'never'
  lastSeenAt: string | null
  alarmLevel: WarningLevel | null
  synthetic: boolean
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6

function view(r: queries.DeviceRow): DeviceView {
  return {
    id: r.id, code: r.code, type: r.type, name: r.name, divisionCode: r.division_code,
    location: { lon: round6(r.lon), lat: round6(r.lat) }, expectedIntervalS: r.expected_interval_s,
    enterpriseId: r.enterprise_id, hazardPointId: r.hazard_point_id, params: r.params ?? {},
    ruleOverride: (r.rule_override ?? {}) as RuleSetOverride, status: r.status,
    lastSeenAt: r.last_seen_at === null ? null : new Date(r.last_seen_at).toISOString(), alarmLevel: r.alarm_level, synthetic: r.synthetic,
  }
}

export function listDeviceTypes() {
  return deviceTypes.map((t) => ({ ...t, metrics: [...t.metrics] }))
}

const defaultIntervalS: Record<string, number> = { rain_gauge: 300, water_level: 300, gas_lel: 60, toxic_gas: 60, tank: 60, tailings_pond: 600, gnss: 3600, weather: 300, video_ai: 3600 }

export interface DeviceInput {
  code: string
  type: string
  name: string
  divisionCode: string
  location: LonLat
  expectedIntervalS?: number
  enterpriseId?: string | null
  hazardPointId?: string | null
  params?: Record<string, number | null>
  ruleOverride?: RuleSetOverride
}

/** Only problems of the override itself are errors; a missing station parameter is shown, not refused. */
function checkRules(input: Pick<DeviceInput, 'type' | 'params' | 'ruleOverride'> & { expectedIntervalS: number }) {
  const { problems } = effectiveRules({ type: input.type, expectedIntervalS: input.expectedIntervalS, params: input.params ?? {}, ruleOverride: input.ruleOverride ?? {} })
  const bad = problems.find((p) => !/^Parameter .* is missing$/.test(p.messageEn))
  if (bad) throw invalid('invalid_rule_override', `body.ruleOverride.${bad.field}`, `规则 ${bad.ruleId}：${bad.message}`, `Rule ${bad.ruleId}: ${bad.messageEn}`)
}

async function checkDivision(q: Queryable, actor: Actor, raw: string): Promise<string> {
  const code = parseDivisionCode(raw, 'body.divisionCode')
  assertInJurisdiction(actor, code)
  if (!(await divisionPlaces(q, [code])).has(code)) throw invalid('unknown_division', 'body.divisionCode', `行政区划不存在：${raw}`, `No such division: ${raw}`)
  return code
}

export interface CreatedDevice extends DeviceView { apiKey: string }

export const newDeviceKey = (): string => `yjd_${crypto.randomBytes(24).toString('base64url')}`

export async function createDevice(db: Db, runtime: MonitoringRuntime, actor: Actor | null, input: DeviceInput, options: { synthetic?: boolean } = {}): Promise<CreatedDevice> {
  if (!deviceTypeInfo(input.type)) {
    throw invalid('unknown_device_type', 'body.type', `未知设备类型：${input.type}`, `Unknown device type: ${input.type}`)
  }
  const expectedIntervalS = input.expectedIntervalS ?? defaultIntervalS[input.type] ?? 300
  checkRules({ ...input, expectedIntervalS })
  const apiKey = newDeviceKey()
  const id = crypto.randomUUID()
  await db.transaction(async (tx) => {
    const divisionCode = actor ? await checkDivision(tx, actor, input.divisionCode) : parseDivisionCode(input.divisionCode, 'body.divisionCode')
    if (await queries.deviceCodeTaken(tx, input.code)) {
      throw new AppError('conflict', 'device_code_taken', `设备编码已存在：${input.code}`, `Device code already in use: ${input.code}`, 'body.code')
    }
    await queries.insertDevice(tx, {
      id, code: input.code, type: input.type, name: input.name, divisionCode, lon: input.location.lon, lat: input.location.lat,
      expectedIntervalS, enterpriseId: input.enterpriseId ?? null, hazardPointId: input.hazardPointId ?? null,
      params: input.params ?? {}, ruleOverride: input.ruleOverride ?? {}, apiKeyHash: hashKey(apiKey), synthetic: options.synthetic ?? false,
    })
    const created = await queries.findDevice(tx, id)
    await recordAudit(tx, { actor, action: 'device.create', entity: 'monitoring.device', entityId: id, after: created && view(created) })
  })
  await runtime.reloadDevice(id)
  return { ...(await getDeviceRow(db, id)), apiKey }
}

async function getDeviceRow(q: Queryable, id: string): Promise<DeviceView> {
  const row = await queries.findDevice(q, id)
  if (!row) throw notFound('设备', 'Device', 'params.id')
  return view(row)
}

function canSee(actor: Actor, device: DeviceView): boolean {
  if (!isWithinDivision(device.divisionCode, actor.jurisdiction)) return false
  return actor.role !== 'enterprise' || (device.enterpriseId !== null && device.enterpriseId === actor.enterpriseId)
}

async function visibleDevice(q: Queryable, actor: Actor, id: string): Promise<DeviceView> {
  const device = await getDeviceRow(q, id)
  if (!canSee(actor, device)) throw notFound('设备', 'Device', 'params.id')
  return device
}

export async function getDevice(q: Queryable, actor: Actor, id: string) {
  const device = await visibleDevice(q, actor, id)
  const { rules, problems } = effectiveRules(device)
  return { ...device, rules, ruleSettings: ruleSettings(device), ruleProblems: problems }
}

export interface DeviceListQuery { q?: string; type?: string; divisionCode?: string; status?: string; page: number; pageSize: number }

function listPrefix(actor: Actor, raw: string | undefined): string {
  if (raw === undefined) return divisionPrefix(actor.jurisdiction)
  const code = parseDivisionCode(raw, 'querystring.divisionCode')
  if (isWithinDivision(code, actor.jurisdiction)) return divisionPrefix(code)
  if (isWithinDivision(actor.jurisdiction, code)) return divisionPrefix(actor.jurisdiction)
  throw forbidden('该行政区划不在您的管辖范围内', 'That division is outside your jurisdiction')
}

export async function listDevices(q: Queryable, actor: Actor, query: DeviceListQuery) {
  if (actor.role === 'enterprise' && !actor.enterpriseId) return { items: [], total: 0, page: query.page, pageSize: query.pageSize }
  const filter = { prefix: listPrefix(actor, query.divisionCode), type: query.type, status: query.status, q: query.q }
  const { rows, total } = await queries.listDevices(q, filter, query.pageSize, (query.page - 1) * query.pageSize)
  const items = rows.map(view).filter((d) => canSee(actor, d))
  return { items, total: actor.role === 'enterprise' ? items.length : total, page: query.page, pageSize: query.pageSize }
}

export async function deviceMap(q: Queryable, actor: Actor, query: Omit<DeviceListQuery, 'page' | 'pageSize'>) {
  const { items } = await listDevices(q, actor, { ...query, page: 1, pageSize: 100_000 })
  return {
    type: 'FeatureCollection' as const,
    features: items.map((d) => ({
      type: 'Feature' as const,
      properties: { id: d.id, code: d.code, name: d.name, type: d.type, status: d.status, alarmLevel: d.alarmLevel },
      geometry: { type: 'Point' as const, coordinates: [d.location.lon, d.location.lat] },
    })),
  }
}

export type DevicePatch = Partial<Omit<DeviceInput, 'code' | 'type'>>

export async function updateDevice(db: Db, runtime: MonitoringRuntime, actor: Actor, id: string, patch: DevicePatch) {
  await db.transaction(async (tx) => {
    const before = await visibleDevice(tx, actor, id)
    assertInJurisdiction(actor, before.divisionCode)
    const divisionCode = patch.divisionCode === undefined ? before.divisionCode : await checkDivision(tx, actor, patch.divisionCode)
    const next = {
      name: patch.name ?? before.name, divisionCode, lon: patch.location?.lon ?? before.location.lon, lat: patch.location?.lat ?? before.location.lat,
      expectedIntervalS: patch.expectedIntervalS ?? before.expectedIntervalS,
      enterpriseId: patch.enterpriseId === undefined ? before.enterpriseId : patch.enterpriseId,
      hazardPointId: patch.hazardPointId === undefined ? before.hazardPointId : patch.hazardPointId,
      params: patch.params ?? before.params, ruleOverride: patch.ruleOverride ?? before.ruleOverride,
    }
    checkRules({ type: before.type, ...next })
    await queries.updateDevice(tx, id, next)
    await recordAudit(tx, { actor, action: 'device.update', entity: 'monitoring.device', entityId: id, before, after: await getDeviceRow(tx, id) })
  })
  await runtime.reloadDevice(id)
  return getDevice(db, actor, id)
}

/** A new machine key for a device (the old one stops working at once). */
export async function rotateDeviceKey(db: Db, runtime: MonitoringRuntime, actor: Actor | null, id: string): Promise<string> {
  const apiKey = newDeviceKey()
  await db.transaction(async (tx) => {
    await queries.setDeviceKeyHash(tx, id, hashKey(apiKey))
    await recordAudit(tx, { actor, action: 'device.rotate_key', entity: 'monitoring.device', entityId: id })
  })
  await runtime.reloadDevice(id)
  return apiKey
}

export interface ReadingsQuery { metric?: string; from?: string; to?: string; bucket?: 'raw' | '1m' | '1h' }

const levelLabels: Record<string, string> = { blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色' }

export async function deviceReadings(q: Queryable, actor: Actor, id: string, query: ReadingsQuery, now: number) {
  const device = await visibleDevice(q, actor, id)
  const type = deviceTypeInfo(device.type)!
  const metric = query.metric ?? type.metrics[0]!.metric
  const unit = metricUnit(device.type, metric)
  if (unit === undefined) throw invalid('unknown_metric', 'querystring.metric', `设备类型 ${device.type} 没有指标 ${metric}`, `Device type ${device.type} has no metric ${metric}`)
  const to = query.to ? new Date(query.to) : new Date(now)
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 24 * 3_600_000)
  if (Number.isNaN(from.getTime())) throw invalid('invalid_time', 'querystring.from', 'from 不是有效时间', 'from is not a valid time')
  if (Number.isNaN(to.getTime())) throw invalid('invalid_time', 'querystring.to', 'to 不是有效时间', 'to is not a valid time')
  const bucket = query.bucket ?? 'raw'
  const rows = bucket === 'raw'
    ? await queries.readingsRaw(q, id, metric, from, to, 20_000)
    : await queries.readingsBucketed(q, id, metric, from, to, bucket, metric === 'rainfall_mm')
  // Thresholds on this metric of the device's rules, for the chart's lines.
  const thresholds: { level: WarningLevel; value: number; label: string }[] = []
  for (const rule of effectiveRules(device).rules) {
    for (const level of rule.levels) {
      const c = level.when
      if (c.kind === 'threshold' && c.metric === metric) {
        const window = c.measure.kind === 'sum' ? `${c.measure.windowMs / 3_600_000}小时累计` : c.measure.kind === 'rate' ? '速率' : ''
        thresholds.push({ level: level.level, value: c.value, label: `${rule.name.zh} ${levelLabels[level.level]} ${window}${c.direction === 'above' ? '≥' : '≤'}${c.value}` })
      }
    }
  }
  return { metric, unit, points: rows.map((r) => ({ ts: new Date(r.ts).toISOString(), value: r.value })), thresholds }
}
