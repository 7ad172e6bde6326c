/**
 * The monitoring runtime of one platform: the device cache, the batch writer, the rule engine
 * and its clock, the live stream. Created when the module is registered, stopped when the app
 * closes (the queue is written and the rule state saved).
 *
 * Rules run after each batch commits, on the rows actually inserted: a duplicate reading can
 * never count twice, acknowledgement waits only for the insert, and the alarm writes (with
 * their outbox events) get their own short transaction. If the process dies between the two,
 * the readings are stored and the start-up replay (readings since the last snapshot) feeds
 * them to the restored engine again; alarm writes apply by level, so replay changes nothing
 * already written.
 */
import crypto from 'node:crypto'
import { sql } from 'drizzle-orm'
import { resolveRuleSet, type RuleSetOverride } from '@yingji/domain/monitoring/mergeRuleSet'
import type { ResolvedRule, RuleDefinition, RuleProblem } from '@yingji/domain/monitoring/ruleDefinition'
import { RuleEngine, type RuleEngineState } from '@yingji/domain/monitoring/ruleEngine'
import type { AlarmTransition } from '@yingji/domain/monitoring/ruleInstance'
import { queryRows } from '../../db/rows.ts'
import type { Platform } from '../../platform.ts'
import { alarmView, applyTransition, renotifyDue, type AlarmView, type RuleName } from './alarms.ts'
import * as alarmQueries from './alarmQueries.ts'
import { BatchWriter, type ReadingRow } from './batchWriter.ts'
import { defaultRulesFor } from './deviceTypes.ts'
import * as queries from './queries.ts'
import { monitoringSettings, type MonitoringSettings } from './settings.ts'
import { StreamHub } from './stream.ts'

export interface DeviceInfo {
  id: string
  code: string
  type: string
  divisionCode: string
  name: string
  keyHash: string
  expectedIntervalS: number
  params: Record<string, number | null>
  ruleOverride: RuleSetOverride
}

export const hashKey = (key: string): string => crypto.createHash('sha256').update(key).digest('hex')

/** The device's effective rules: its type's defaults, its parameters, its overrides. */
export function effectiveRules(device: Pick<DeviceInfo, 'type' | 'expectedIntervalS' | 'params' | 'ruleOverride'>): { rules: ResolvedRule[]; definitions: RuleDefinition[]; problems: RuleProblem[] } {
  const definitions = defaultRulesFor(device.type)
  const override: RuleSetOverride = {
    ...device.ruleOverride,
    params: { ...device.params, expectedIntervalMs: device.expectedIntervalS * 1000, ...device.ruleOverride.params },
  }
  const { rules, problems } = resolveRuleSet(definitions, override)
  return { rules, definitions, problems }
}

/** Every rule of the device (also those switched off) with its own parameters as in force: what the settings page edits. */
export function ruleSettings(device: Pick<DeviceInfo, 'type' | 'params' | 'ruleOverride'>): { id: string; name: { zh: string; en: string }; params: Record<string, number | null>; disabled: boolean }[] {
  const definitions = [...defaultRulesFor(device.type)]
  for (const added of device.ruleOverride.add ?? []) {
    const at = definitions.findIndex((d) => d.id === added.id)
    if (at >= 0) definitions[at] = added
    else definitions.push(added)
  }
  return definitions.map((definition) => {
    const own = device.ruleOverride.rules?.[definition.id]
    const merged: Record<string, number | null> = { ...definition.params, ...device.params, ...device.ruleOverride.params, ...own?.params }
    const params = Object.fromEntries(Object.keys(definition.params ?? {}).map((key) => [key, merged[key] ?? null]))
    return { id: definition.id, name: definition.name, params, disabled: own?.disabled === true }
  })
}

const replayWindowMs = 10 * 60_000
const noSnapshotReplayMs = 24 * 3_600_000
const replayLimit = 500_000
const latencySamples = 10_000

export class MonitoringRuntime {
  readonly settings: MonitoringSettings
  readonly hub: StreamHub
  readonly writer: BatchWriter
  engine = new RuleEngine()
  private readonly byId = new Map<string, DeviceInfo>()
  private readonly byKey = new Map<string, DeviceInfo>()
  private readonly byCode = new Map<string, DeviceInfo>()
  private readonly ruleNames = new Map<string, RuleName>()
  private timers: NodeJS.Timeout[] = []
  private ticking: Promise<void> | null = null
  private readonly alarmListeners = new Set<(alarm: AlarmView) => void>()
  /** Reading → alarm latency (ms) of the latest transitions: from enqueue to the alarm committed */
  readonly alarmLatencies: number[] = []
  alarmTransitions = 0
  stopped = false

  constructor(private readonly platform: Platform) {
    this.settings = monitoringSettings(platform)
    this.hub = new StreamHub(this.settings.sampledReadingsPerSecond)
    this.writer = new BatchWriter(platform.db, {
      capacity: this.settings.queueCapacity,
      flushIntervalMs: this.settings.flushIntervalMs,
      flushRows: this.settings.flushRows,
      flushConcurrency: this.settings.flushConcurrency,
      now: this.settings.now,
      onCommitted: (rows, enqueuedAt) => this.evaluate(rows, enqueuedAt),
      onError: (message, error) => console.error(message, error),
    })
  }

  async start(): Promise<void> {
    const { db } = this.platform
    for (const row of await queries.allDeviceKeys(db)) this.remember(rowToInfo(row))
    const saved = await queries.loadRuleState(db)
    const assigned = new Set<string>()
    if (saved) {
      try {
        this.engine = RuleEngine.fromJSON(saved.state as RuleEngineState)
        for (const instance of (saved.state as RuleEngineState).instances) assigned.add(instance.subject)
        for (const rule of (saved.state as RuleEngineState).rules) this.ruleNames.set(rule.id, rule.name)
      } catch (error) {
        console.error('规则状态无法恢复，重新开始 Rule state could not be restored; starting afresh', error)
        this.engine = new RuleEngine()
        assigned.clear()
      }
    }
    for (const device of this.byId.values()) if (!assigned.has(device.id)) this.assign(device)
    await this.writer.start()
    // Readings committed after the last snapshot (or, without one, of the longest window).
    await this.replay(new Date(saved ? new Date(saved.saved_at).getTime() - replayWindowMs : this.settings.now() - noSnapshotReplayMs))
    const every = (ms: number, fn: () => Promise<unknown> | void) => {
      if (ms > 0) this.timers.push(setInterval(() => { void Promise.resolve(fn()).catch((error: unknown) => console.error(error)) }, ms).unref())
    }
    every(this.settings.tickIntervalMs, () => this.tick())
    every(this.settings.snapshotIntervalMs, () => this.saveSnapshot())
    every(this.settings.tickIntervalMs > 0 ? 3_600_000 : 0, () => this.applyRetention())
    await this.applyRetention()
    every(this.settings.lagEventIntervalMs, () => { this.hub.lag(this.lag()) })
  }

  async stop(): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    for (const timer of this.timers) clearInterval(timer)
    this.timers = []
    this.hub.closeAll()
    await this.writer.close()
    await this.ticking
    await this.saveSnapshot()
  }

  // --- devices ---

  device(id: string): DeviceInfo | undefined {
    return this.byId.get(id)
  }

  deviceByKey(key: string): DeviceInfo | undefined {
    return this.byKey.get(hashKey(key))
  }

  deviceByCode(code: string): DeviceInfo | undefined {
    return this.byCode.get(code)
  }

  /** After a device is created or changed: new key; changed rules re-assigned (unchanged ones keep their state, see RuleEngine.assign). */
  async reloadDevice(id: string): Promise<void> {
    const [row] = await queryRows<queries.DeviceKeyRow>(this.platform.db, sql`
      SELECT id, code, type, name, division_code, api_key_hash, expected_interval_s, params, rule_override FROM monitoring.devices WHERE id = ${id}`)
    const old = this.byId.get(id)
    if (old) {
      this.byKey.delete(old.keyHash)
      this.byCode.delete(old.code)
      this.byId.delete(id)
    }
    if (!row) {
      this.engine.unassign(id)
      return
    }
    const info = rowToInfo(row)
    this.remember(info)
    const rulesChanged = !old || JSON.stringify([old.type, old.expectedIntervalS, old.params, old.ruleOverride]) !== JSON.stringify([info.type, info.expectedIntervalS, info.params, info.ruleOverride])
    if (rulesChanged) this.assign(info)
  }

  onAlarm(listener: (alarm: AlarmView) => void): () => void {
    this.alarmListeners.add(listener)
    return () => { this.alarmListeners.delete(listener) }
  }

  lag() {
    const stats = this.writer.stats()
    return {
      queueDepth: stats.queueDepth,
      oldestUnprocessedAgeMs: stats.oldestUnprocessedAgeMs,
      acceptedTotal: stats.acceptedTotal,
      storedTotal: stats.storedTotal,
      droppedTotal: stats.droppedTotal,
      duplicateTotal: stats.duplicateTotal,
    }
  }

  /** Lets the rule clock run to now: no-data, clear holds, then re-notification. */
  async tick(now = this.settings.now()): Promise<void> {
    if (this.ticking) return this.ticking
    this.ticking = (async () => {
      const transitions = this.engine.tick(now)
      if (transitions.length > 0) await this.persist(transitions, now)
      const renotified = await renotifyDue(this.platform.db, now, this.settings.escalateAfterMs)
      if (renotified.length > 0) {
        this.platform.outbox.nudge()
        for (const id of renotified) await this.publishAlarm(id)
      }
    })().finally(() => { this.ticking = null })
    return this.ticking
  }

  /** Drops the day partitions wholly older than the retention period (and older rollups); returns their names. */
  async applyRetention(now = this.settings.now()): Promise<string[]> {
    const cutoff = now - this.settings.retentionDays * 86_400_000
    const dropped: string[] = []
    for (const name of await queries.readingPartitions(this.platform.db)) {
      const m = /^readings_(\d{4})(\d{2})(\d{2})$/.exec(name)
      if (!m || Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + 86_400_000 > cutoff) continue
      await queries.dropPartition(this.platform.db, name)
      dropped.push(name)
    }
    await queries.dropRollupsBefore(this.platform.db, new Date(cutoff))
    return dropped
  }

  async saveSnapshot(): Promise<void> {
    await queries.saveRuleState(this.platform.db, this.engine.toJSON())
  }

  private remember(info: DeviceInfo): void {
    this.byId.set(info.id, info)
    this.byKey.set(info.keyHash, info)
    this.byCode.set(info.code, info)
  }

  private assign(device: DeviceInfo): void {
    const { rules } = effectiveRules(device)
    for (const rule of rules) this.ruleNames.set(rule.id, rule.name)
    this.engine.assign(device.id, rules, this.settings.now())
  }

  private async replay(since: Date): Promise<void> {
    const rows = await queryRows<{ device_id: string; metric: string; ts: Date | string; value: number }>(this.platform.db, sql`
      SELECT device_id, metric, ts, value FROM monitoring.readings WHERE ts >= ${since.toISOString()} ORDER BY ts LIMIT ${replayLimit}`)
    if (rows.length === 0) return
    await this.evaluate(rows.map((r) => ({ deviceId: r.device_id, metric: r.metric, ts: new Date(r.ts).getTime(), value: r.value })), this.settings.now())
  }

  /** The rule engine over committed rows; alarm changes persisted and pushed. */
  private async evaluate(rows: ReadingRow[], enqueuedAt: number): Promise<void> {
    if (rows.length === 0) return
    rows.sort((a, b) => a.ts - b.ts)
    let transitions: AlarmTransition[] | null = null
    for (const r of rows) {
      const out = this.engine.ingestValue(r.deviceId, r.metric, r.ts, r.value)
      if (out.length > 0) (transitions ??= []).push(...out)
    }
    this.hub.readings(rows, (id) => this.byId.get(id)?.divisionCode ?? null, this.settings.now())
    if (transitions) {
      await this.persist(transitions, this.settings.now())
      const latency = this.settings.now() - enqueuedAt
      for (let i = 0; i < transitions.length; i++) {
        if (this.alarmLatencies.length >= latencySamples) this.alarmLatencies.shift()
        this.alarmLatencies.push(latency)
      }
    }
  }

  private async persist(transitions: readonly AlarmTransition[], now: number): Promise<void> {
    const changed = await this.platform.db.transaction(async (tx) => {
      const ids: string[] = []
      for (const t of transitions) {
        const device = this.byId.get(t.subject)
        if (!device) continue
        const ruleName = this.ruleNames.get(t.ruleId) ?? { zh: t.ruleId, en: t.ruleId }
        const id = await applyTransition(tx, t, { device, ruleName, now, escalateAfterMs: this.settings.escalateAfterMs })
        if (id) ids.push(id)
      }
      return ids
    })
    this.alarmTransitions += changed.length
    if (changed.length === 0) return
    this.platform.outbox.nudge()
    for (const id of new Set(changed)) await this.publishAlarm(id)
  }

  /** Pushes the alarm's current state to the stream and the listeners. */
  async publishAlarm(id: string): Promise<void> {
    if (this.hub.size === 0 && this.alarmListeners.size === 0) return
    const row = await alarmQueries.findAlarm(this.platform.db, id)
    if (!row) return
    const view = alarmView(row)
    this.hub.alarm(view)
    for (const listener of this.alarmListeners) listener(view)
  }
}

function rowToInfo(row: queries.DeviceKeyRow): DeviceInfo {
  return {
    id: row.id, code: row.code, type: row.type, divisionCode: row.division_code, name: row.name, keyHash: row.api_key_hash,
    expectedIntervalS: row.expected_interval_s, params: row.params ?? {}, ruleOverride: (row.rule_override ?? {}) as RuleSetOverride,
  }
}

const runtimes = new WeakMap<Platform, MonitoringRuntime>()

/** The platform's runtime (one per platform). */
export function monitoringRuntime(platform: Platform): MonitoringRuntime {
  let runtime = runtimes.get(platform)
  if (!runtime || runtime.stopped) runtimes.set(platform, (runtime = new MonitoringRuntime(platform)))
  return runtime
}
