/**
 * Ingest (数据接入): a device's batch of `{metric, ts, value}` items, checked item by item.
 * Good items are queued for the batch writer even when others are bad; each item gets its own
 * answer once the batch is durable. Used by HTTP and MQTT alike.
 */
import { AppError } from '../../http/errors.ts'
import type { ReadingRow } from './batchWriter.ts'
import { deviceTypeInfo } from './deviceTypes.ts'
import type { DeviceInfo, MonitoringRuntime } from './runtime.ts'

export type ItemStatus = 'accepted' | 'duplicate' | 'rejected'

export interface ItemResult {
  index: number
  status: ItemStatus
  /** Why an item was rejected: a stable code */
  reason?: string
  message?: string
  messageEn?: string
}

const futureToleranceMs = 5 * 60_000

const reject = (index: number, reason: string, message: string, messageEn: string): ItemResult => ({ index, status: 'rejected', reason, message, messageEn })

/** Epoch ms of an ISO 8601 time with a zone, or of epoch milliseconds; NaN otherwise. */
function parseTs(ts: unknown): number {
  if (typeof ts === 'number') return Number.isFinite(ts) ? Math.round(ts) : NaN
  if (typeof ts !== 'string' || !/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/.test(ts)) return NaN
  return Date.parse(ts)
}

const itemFields = new Set(['metric', 'ts', 'value'])

/** Fields of an item besides metric, ts and value (a rest pattern would copy every item). */
function unknownFields(item: object): string[] {
  const unknown: string[] = []
  for (const key in item) if (!itemFields.has(key)) unknown.push(key)
  return unknown
}

export interface CheckedBatch {
  rows: ReadingRow[]
  /** For each row, its index in the batch */
  indexOf: number[]
  results: ItemResult[]
}

/** Checks every item; duplicates inside the batch are answered `duplicate` at once. */
export function checkItems(device: DeviceInfo, items: readonly unknown[], now: number, retentionMs: number): CheckedBatch {
  const metrics = new Set(deviceTypeInfo(device.type)?.metrics.map((m) => m.metric) ?? [])
  const rows: ReadingRow[] = []
  const indexOf: number[] = []
  const results: ItemResult[] = new Array<ItemResult>(items.length)
  // Timestamps already taken, per metric: a number set, not a string key per item.
  const seen = new Map<string, Set<number>>()
  items.forEach((item, index) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      results[index] = reject(index, 'not_an_object', '应为 {metric, ts, value} 对象', 'Expected an object {metric, ts, value}')
      return
    }
    const { metric, ts, value } = item as Record<string, unknown>
    const unknown = unknownFields(item)
    if (unknown.length > 0) {
      results[index] = reject(index, 'unknown_field', `不认识的字段：${unknown.join(', ')}`, `Unknown field: ${unknown.join(', ')}`)
      return
    }
    if (typeof metric !== 'string' || !metrics.has(metric)) {
      results[index] = reject(index, 'unknown_metric', `设备类型 ${device.type} 没有指标 ${String(metric)}`, `Device type ${device.type} has no metric ${String(metric)}`)
      return
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      results[index] = reject(index, 'invalid_value', `value 应为有限数值：${JSON.stringify(value) ?? 'undefined'}`, `value must be a finite number: ${JSON.stringify(value) ?? 'undefined'}`)
      return
    }
    const t = parseTs(ts)
    if (Number.isNaN(t)) {
      results[index] = reject(index, 'invalid_ts', 'ts 应为带时区的 ISO 8601 时间或毫秒时间戳', 'ts must be an ISO 8601 time with a zone, or epoch milliseconds')
      return
    }
    if (t > now + futureToleranceMs) {
      results[index] = reject(index, 'ts_in_future', 'ts 超前当前时间 5 分钟以上', 'ts is more than 5 minutes in the future')
      return
    }
    if (t < now - retentionMs) {
      results[index] = reject(index, 'ts_too_old', 'ts 早于数据保留期', 'ts is older than the retention period')
      return
    }
    let taken = seen.get(metric)
    if (!taken) seen.set(metric, (taken = new Set()))
    if (taken.has(t)) {
      results[index] = { index, status: 'duplicate' }
      return
    }
    taken.add(t)
    rows.push({ deviceId: device.id, metric, ts: t, value })
    indexOf.push(index)
  })
  return { rows, indexOf, results }
}

export function batchTooLarge(count: number, max: number): AppError {
  const error = new AppError('invalid', 'batch_too_large', `一批最多 ${max} 条，收到 ${count} 条`, `At most ${max} items per batch; got ${count}`, 'body')
  Object.defineProperty(error, 'status', { value: 413 })
  return error
}

export function queueFull(): AppError {
  return new AppError('too_many', 'ingest_queue_full', '写入队列已满，请稍后重试', 'The write queue is full; retry later')
}

/** Items of a payload: an array, or one object. */
export function payloadItems(body: unknown, max: number): unknown[] {
  const items = Array.isArray(body) ? body : body && typeof body === 'object' ? [body] : null
  if (!items) throw new AppError('invalid', 'invalid_payload', '应为 {metric, ts, value} 数组', 'Expected an array of {metric, ts, value}', 'body')
  if (items.length > max) throw batchTooLarge(items.length, max)
  return items
}

function merge(checked: CheckedBatch, inserted: boolean[]): ItemResult[] {
  inserted.forEach((ok, i) => {
    const index = checked.indexOf[i]!
    checked.results[index] = { index, status: ok ? 'accepted' : 'duplicate' }
  })
  return checked.results
}

/** HTTP: refuses at once when the queue is full (the route answers 429 with Retry-After). */
export async function ingestNow(runtime: MonitoringRuntime, device: DeviceInfo, body: unknown): Promise<ItemResult[]> {
  const { settings } = runtime
  const checked = checkItems(device, payloadItems(body, settings.maxBatchItems), settings.now(), settings.retentionDays * 86_400_000)
  const pending = runtime.writer.trySubmit(checked.rows)
  if (!pending) throw queueFull()
  return merge(checked, await pending)
}

/** MQTT: waits for room in the queue (the PUBACK waits with it). */
export async function ingestWaiting(runtime: MonitoringRuntime, device: DeviceInfo, body: unknown): Promise<ItemResult[]> {
  const { settings } = runtime
  const checked = checkItems(device, payloadItems(body, settings.maxBatchItems), settings.now(), settings.retentionDays * 86_400_000)
  return merge(checked, await runtime.writer.submit(checked.rows))
}
