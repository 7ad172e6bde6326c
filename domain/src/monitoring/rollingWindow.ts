/**
 * One metric's recent readings of one device, ordered by timestamp, with a running sum per
 * window (e.g. rainfall over 3, 6 and 12 h): O(1) amortised per reading, never re-summing.
 *
 * A ring buffer holds the readings of the longest window. Each window keeps the index of its
 * first reading inside (ts > now − windowMs) and the sum from there to the newest; as time
 * advances the index moves forward subtracting what leaves. An out-of-order reading inside the
 * longest window is inserted in place (binary search, shift — rare); one older than that, or
 * a duplicate timestamp, changes nothing. Float sums are recomputed exactly now and then, so
 * thousands of additions and subtractions do not drift.
 */

export const added = 0
export const duplicate = 1
export const ignored = 2
/** What `add` did: the reading changed the window, repeated a timestamp, or had no effect */
export type AddResult = typeof added | typeof duplicate | typeof ignored

export interface RollingWindowJson {
  ts: number[]
  values: number[]
  sums: number[]
  /** Incremental updates per window since its last exact re-sum */
  updates: number[]
  latestTs: number | null
  latestValue: number | null
}

const initialCapacity = 16

export class RollingWindow {
  readonly windowsMs: readonly number[]
  /** Timestamp of the newest reading ever seen (−Infinity before the first) */
  latestTs = -Infinity
  latestValue = NaN
  private readonly retentionMs: number
  private ts: Float64Array
  private values: Float64Array
  private mask: number
  /** Logical indexes: entries live in [head, tail); slot = index & mask */
  private head = 0
  private tail = 0
  private readonly starts: number[]
  private readonly sums: Float64Array
  private readonly updates: Uint32Array

  constructor(windowsMs: readonly number[]) {
    this.windowsMs = windowsMs
    this.retentionMs = windowsMs.length > 0 ? Math.max(...windowsMs) : 0
    const capacity = windowsMs.length > 0 ? initialCapacity : 0
    this.ts = new Float64Array(capacity)
    this.values = new Float64Array(capacity)
    this.mask = capacity - 1
    this.starts = windowsMs.map(() => 0)
    this.sums = new Float64Array(windowsMs.length)
    this.updates = new Uint32Array(windowsMs.length)
  }

  /** Adds a reading at time `now` (≥ ts); the caller advances the window to `now` first. */
  add(ts: number, value: number, now: number): AddResult {
    if (ts === this.latestTs) return duplicate
    const newest = ts > this.latestTs
    if (newest) {
      this.latestTs = ts
      this.latestValue = value
    }
    if (this.windowsMs.length === 0 || ts <= now - this.retentionMs) return newest ? added : ignored
    const p = newest ? this.tail : this.positionOf(ts)
    if (p < 0) return duplicate
    this.insertAt(p, ts, value, now)
    return added
  }

  /** Moves every window's start past the readings that are now too old. */
  advance(now: number): void {
    const windows = this.windowsMs.length
    for (let k = 0; k < windows; k++) {
      const cutoff = now - this.windowsMs[k]!
      let s = this.starts[k]!
      let sum = this.sums[k]!
      let moved = 0
      while (s < this.tail && this.ts[s & this.mask]! <= cutoff) {
        sum -= this.values[s & this.mask]!
        s++
        moved++
      }
      if (moved > 0) {
        this.starts[k] = s
        this.sums[k] = s === this.tail ? 0 : sum
        this.noteUpdates(k, moved)
      }
    }
    this.dropBefore(this.oldestStart())
  }

  /** Sum of the readings in window k */
  sum(k: number): number {
    return this.sums[k]!
  }

  /** Number of readings in window k */
  count(k: number): number {
    return this.tail - this.starts[k]!
  }

  /** Oldest reading in window k (undefined when empty) */
  firstTs(k: number): number {
    return this.starts[k]! < this.tail ? this.ts[this.starts[k]! & this.mask]! : NaN
  }

  firstValue(k: number): number {
    return this.starts[k]! < this.tail ? this.values[this.starts[k]! & this.mask]! : NaN
  }

  /** Newest reading still held in the windows */
  lastTs(): number {
    return this.tail > this.head ? this.ts[(this.tail - 1) & this.mask]! : NaN
  }

  lastValue(): number {
    return this.tail > this.head ? this.values[(this.tail - 1) & this.mask]! : NaN
  }

  toJSON(): RollingWindowJson {
    const ts: number[] = []
    const values: number[] = []
    for (let i = this.head; i < this.tail; i++) {
      ts.push(this.ts[i & this.mask]!)
      values.push(this.values[i & this.mask]!)
    }
    return {
      ts,
      values,
      sums: Array.from(this.sums),
      updates: Array.from(this.updates),
      latestTs: Number.isFinite(this.latestTs) ? this.latestTs : null,
      latestValue: Number.isFinite(this.latestTs) ? this.latestValue : null,
    }
  }

  /** Restores a window saved at instance time `now` (its windows' starts follow from `now`). */
  static fromJSON(json: RollingWindowJson, windowsMs: readonly number[], now: number): RollingWindow {
    const window = new RollingWindow(windowsMs)
    window.latestTs = json.latestTs ?? -Infinity
    window.latestValue = json.latestValue ?? NaN
    for (let i = 0; i < json.ts.length; i++) {
      window.ensureCapacity()
      window.ts[window.tail & window.mask] = json.ts[i]!
      window.values[window.tail & window.mask] = json.values[i]!
      window.tail++
    }
    windowsMs.forEach((windowMs, k) => {
      let s = window.head
      while (s < window.tail && window.ts[s & window.mask]! <= now - windowMs) s++
      window.starts[k] = s
      window.sums[k] = json.sums[k] ?? 0
      window.updates[k] = json.updates[k] ?? 0
    })
    return window
  }

  /** Logical index where ts belongs, or −1 when a reading with that timestamp is held. */
  private positionOf(ts: number): number {
    let lo = this.head
    let hi = this.tail
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const at = this.ts[mid & this.mask]!
      if (at === ts) return -1
      if (at < ts) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private insertAt(p: number, ts: number, value: number, now: number): void {
    this.ensureCapacity()
    for (let i = this.tail; i > p; i--) {
      this.ts[i & this.mask] = this.ts[(i - 1) & this.mask]!
      this.values[i & this.mask] = this.values[(i - 1) & this.mask]!
    }
    this.ts[p & this.mask] = ts
    this.values[p & this.mask] = value
    this.tail++
    const windows = this.windowsMs.length
    for (let k = 0; k < windows; k++) {
      const inside = ts > now - this.windowsMs[k]!
      if (inside) {
        this.sums[k] = this.sums[k]! + value
        this.noteUpdates(k, 1)
      }
      const s = this.starts[k]!
      if (s > p || (s === p && !inside)) this.starts[k] = s + 1
    }
  }

  /** Re-sums window k once its incremental updates outnumber its readings (amortised O(1)). */
  private noteUpdates(k: number, n: number): void {
    const updates = this.updates[k]! + n
    if (updates <= 64 + this.count(k)) {
      this.updates[k] = updates
      return
    }
    let sum = 0
    for (let i = this.starts[k]!; i < this.tail; i++) sum += this.values[i & this.mask]!
    this.sums[k] = sum
    this.updates[k] = 0
  }

  private oldestStart(): number {
    let oldest = this.tail
    for (const s of this.starts) if (s < oldest) oldest = s
    return oldest
  }

  private dropBefore(index: number): void {
    if (index > this.head) this.head = index
    if (this.head === this.tail) {
      // Rebase so logical indexes stay small.
      this.head = 0
      this.tail = 0
      this.starts.fill(0)
    }
  }

  private ensureCapacity(): void {
    const capacity = this.ts.length
    if (this.tail - this.head < capacity) return
    const grown = Math.max(initialCapacity, capacity * 2)
    const ts = new Float64Array(grown)
    const values = new Float64Array(grown)
    const mask = grown - 1
    for (let i = this.head; i < this.tail; i++) {
      ts[i & mask] = this.ts[i & this.mask]!
      values[i & mask] = this.values[i & this.mask]!
    }
    this.ts = ts
    this.values = values
    this.mask = mask
  }
}
