/**
 * The batch writer (批量写入): readings from every ingest request and MQTT message wait in one
 * bounded queue and are written by group commit — a new commit starts at most every
 * `flushIntervalMs` (at once when the writer was idle), or as soon as `flushRows` wait — as one
 * multi-row `unnest` insert and the batch's rollups in one transaction. A submitter's promise
 * resolves only after that transaction has committed (durable before acknowledged). When the
 * queue is full, `trySubmit` refuses at once (HTTP answers 429) and `submit` waits for room
 * (MQTT withholds the PUBACK): memory stays bounded, nothing is dropped silently.
 *
 * Up to `flushConcurrency` batches are in flight at once, so the database writes one batch
 * while this process evaluates the rules of the one before and parses the next requests (on a
 * PostgreSQL server, one flush at a time left both sides idle a third of the time). Each
 * batch's committed rows (not duplicates) go to `onCommitted` (the rule engine) one batch at a
 * time, in the order the batches were taken from the queue, whatever order they commit in;
 * a batch counts as in flight until its rules have run.
 *
 * Concurrent batches lock rollup rows in one order (sorted), so they wait for each other
 * there but cannot deadlock; the same reading in two concurrent batches (a device's retry) is
 * stored by one and a duplicate in the other (ON CONFLICT); should two such copies cross in
 * opposite order, PostgreSQL aborts one batch as a deadlock and its senders are told to retry.
 * New day partitions are created one at a time, each in its own transaction before the batch.
 */
import type { Db } from '../../db/database.ts'
import * as queries from './queries.ts'
import { rollupsOf } from './rollups.ts'

export interface ReadingRow {
  deviceId: string
  metric: string
  /** epoch ms */
  ts: number
  value: number
}

export interface WriterStats {
  queueDepth: number
  oldestUnprocessedAgeMs: number
  acceptedTotal: number
  storedTotal: number
  duplicateTotal: number
  /** Refused because the queue was full (the client was told to retry) */
  droppedTotal: number
  batches: number
}

interface Entry {
  rows: readonly ReadingRow[]
  enqueuedAt: number
  resolve: (inserted: boolean[]) => void
  reject: (error: unknown) => void
}

export interface BatchWriterOptions {
  capacity: number
  flushIntervalMs: number
  flushRows: number
  /** Batches in flight at once (≥ 1) */
  flushConcurrency: number
  now: () => number
  onCommitted: (rows: ReadingRow[], enqueuedAt: number) => Promise<void>
  onError: (message: string, error: unknown) => void
}

const dayMs = 86_400_000

/** A reading's identity, as `insertReadings` answers it */
const keyOf = (r: ReadingRow): string => `${r.deviceId}|${r.metric}|${r.ts}`

export class BatchWriter {
  private readonly queue: Entry[] = []
  private queued = 0
  private timer: NodeJS.Timeout | null = null
  /** Batches taken from the queue whose rules have not run yet, with their oldest enqueue time */
  private readonly inFlight = new Map<Promise<void>, number>()
  /** Resolves when the rules of the latest batch taken have run */
  private rulesTail: Promise<void> = Promise.resolve()
  private partitionsCreated: Promise<void> = Promise.resolve()
  private readonly waiters: (() => void)[] = []
  private readonly knownDays = new Set<number>()
  private closed = false
  private lastFlushAt = -Infinity
  readonly totals = { acceptedTotal: 0, storedTotal: 0, duplicateTotal: 0, droppedTotal: 0, batches: 0 }

  constructor(private readonly db: Db, private readonly options: BatchWriterOptions) {}

  /** Reads which day partitions exist, so the hot path creates only new ones. */
  async start(): Promise<void> {
    for (const name of await queries.readingPartitions(this.db)) {
      const m = /^readings_(\d{4})(\d{2})(\d{2})$/.exec(name)
      if (m) this.knownDays.add(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
    }
  }

  /** Rows in the queue, or null when they do not fit (the caller answers 429). A submission repeats no (device, metric, ts) (`checkItems` sees to it). */
  trySubmit(rows: readonly ReadingRow[]): Promise<boolean[]> | null {
    if (this.closed) return null
    if (rows.length === 0) return Promise.resolve([])
    if (this.queued > 0 && this.queued + rows.length > this.options.capacity) {
      this.totals.droppedTotal += rows.length
      return null
    }
    return this.enqueue(rows)
  }

  /** Waits for room, then queues (MQTT: the client's in-flight window does the rest). */
  async submit(rows: readonly ReadingRow[]): Promise<boolean[]> {
    for (;;) {
      if (this.closed) throw new Error('writer closed')
      if (rows.length === 0) return []
      if (this.queued === 0 || this.queued + rows.length <= this.options.capacity) return this.enqueue(rows)
      await new Promise<void>((resolve) => this.waiters.push(resolve))
    }
  }

  stats(): WriterStats {
    let since = this.queue[0]?.enqueuedAt ?? NaN
    for (const at of this.inFlight.values()) if (!(at >= since)) since = at
    return { queueDepth: this.queued, oldestUnprocessedAgeMs: Number.isNaN(since) ? 0 : Math.max(0, this.options.now() - since), ...this.totals }
  }

  /** Waits until everything queued so far is written and its rules evaluated. */
  async drain(): Promise<void> {
    for (;;) {
      if (this.queue.length > 0 && this.inFlight.size < this.concurrency()) {
        this.startFlush()
        continue
      }
      if (this.inFlight.size === 0) return
      await Promise.race(this.inFlight.keys())
    }
  }

  /** Writes everything queued, then refuses new rows. */
  async close(): Promise<void> {
    this.closed = true
    await this.drain()
    if (this.timer) clearTimeout(this.timer)
    for (const wake of this.waiters.splice(0)) wake()
  }

  private enqueue(rows: readonly ReadingRow[]): Promise<boolean[]> {
    return new Promise<boolean[]>((resolve, reject) => {
      this.queue.push({ rows, enqueuedAt: this.options.now(), resolve, reject })
      this.queued += rows.length
      this.totals.acceptedTotal += rows.length
      this.schedule()
    })
  }

  private concurrency(): number {
    return Math.max(1, Math.floor(this.options.flushConcurrency))
  }

  private schedule(): void {
    if (this.queue.length === 0 || this.inFlight.size >= this.concurrency()) return
    if (this.queued >= this.options.flushRows) {
      if (this.timer) clearTimeout(this.timer)
      this.timer = null
      this.startFlush()
    } else if (!this.timer) {
      // Starts a commit at most every flushIntervalMs: at once after a quiet spell, batched under load.
      const wait = Math.max(0, this.lastFlushAt + this.options.flushIntervalMs - this.options.now())
      this.timer = setTimeout(() => {
        this.timer = null
        if (this.queue.length > 0 && this.inFlight.size < this.concurrency()) this.startFlush()
      }, wait)
    }
  }

  /** Takes the next batch from the queue and writes it; it leaves `inFlight` when its rules have run. */
  private startFlush(): void {
    const enqueuedAt = this.queue[0]!.enqueuedAt
    const flush: Promise<void> = this.flushOnce().finally(() => {
      this.inFlight.delete(flush)
      this.schedule()
    })
    this.inFlight.set(flush, enqueuedAt)
  }

  private async flushOnce(): Promise<void> {
    this.lastFlushAt = this.options.now()
    const batch: Entry[] = []
    let count = 0
    while (this.queue.length > 0 && (batch.length === 0 || count + this.queue[0]!.rows.length <= this.options.flushRows)) {
      const entry = this.queue.shift()!
      batch.push(entry)
      count += entry.rows.length
    }
    // This batch's rules run after the previous batch's, whichever commits first.
    const previousRules = this.rulesTail
    let rulesDone!: () => void
    this.rulesTail = new Promise<void>((resolve) => { rulesDone = resolve })
    try {
      const stored = await this.write(batch, count)
      await previousRules
      if (stored.length > 0) await this.options.onCommitted(stored, batch[0]!.enqueuedAt)
    } catch (error) {
      this.options.onError('规则评估失败 Rule evaluation failed', error)
    } finally {
      rulesDone()
    }
  }

  /** Writes one batch in one transaction and answers its submitters; returns the rows stored (empty when it failed). */
  private async write(batch: Entry[], count: number): Promise<ReadingRow[]> {
    // Two submissions of the batch can carry the same reading (a device retrying before its
    // answer): such a key is sent once and its later copies are duplicates, as a stored one
    // would be. Only submissions sharing a device can repeat each other, so keys are built only then.
    const owner = new Map<string, number>()
    let shared = false
    batch.forEach((entry, e) => {
      for (const r of entry.rows) {
        const first = owner.get(r.deviceId)
        if (first === undefined) owner.set(r.deviceId, e)
        else if (first !== e) shared = true
      }
    })
    const seen = new Set<string>()
    const sent: ReadingRow[] = []
    const deviceIds: string[] = []
    const metrics: string[] = []
    const ts: number[] = []
    const values: number[] = []
    const days = new Set<number>()
    const firsts = batch.map((entry) => entry.rows.map((r) => {
      if (shared) {
        const key = keyOf(r)
        if (seen.has(key)) return false
        seen.add(key)
      }
      sent.push(r)
      deviceIds.push(r.deviceId)
      metrics.push(r.metric)
      ts.push(r.ts)
      values.push(r.value)
      const day = Math.floor(r.ts / dayMs) * dayMs
      if (!this.knownDays.has(day)) days.add(day)
      return true
    }))
    let written: { inserted: Set<string> | null; stored: ReadingRow[] }
    try {
      if (days.size > 0) await this.createPartitions(days)
      written = await this.db.transaction(async (tx) => {
        const inserted = await queries.insertReadings(tx, deviceIds, metrics, ts, values)
        const stored = inserted ? sent.filter((r) => inserted.has(keyOf(r))) : sent
        // In the same transaction: a reading and its share of the rollups are stored together or not at all.
        await queries.addRollups(tx, rollupsOf(stored))
        await queries.touchDevices(tx, [...owner.keys()].sort())
        return { inserted, stored }
      })
    } catch (error) {
      this.release(count)
      this.options.onError('读数写入失败 Writing readings failed', error)
      for (const entry of batch) entry.reject(error)
      return []
    }
    this.totals.batches++
    const { inserted, stored } = written
    batch.forEach((entry, e) => {
      const first = firsts[e]!
      entry.resolve(inserted ? entry.rows.map((r, i) => first[i]! && inserted.has(keyOf(r))) : first)
    })
    this.totals.storedTotal += stored.length
    this.totals.duplicateTotal += count - stored.length
    this.release(count)
    return stored
  }

  /**
   * New day partitions, one creation at a time and each in its own transaction (DDL on the
   * parent waits for the inserts in flight; two batches creating one day would race).
   * An empty partition left by a batch that then fails is harmless.
   */
  private createPartitions(days: ReadonlySet<number>): Promise<void> {
    const created = this.partitionsCreated.then(async () => {
      for (const day of days) {
        if (this.knownDays.has(day)) continue
        await queries.ensureDayPartition(this.db, day)
        this.knownDays.add(day)
      }
    })
    this.partitionsCreated = created.catch(() => {})
    return created
  }

  private release(count: number): void {
    this.queued -= count
    for (const wake of this.waiters.splice(0)) wake()
  }
}
