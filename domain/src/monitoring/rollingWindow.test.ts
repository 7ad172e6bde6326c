import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../geo/seededRandom.ts'
import { added, duplicate, ignored, RollingWindow } from './rollingWindow.ts'

const h = 3_600_000

/** The naive answer: re-sum every reading with ts in (now − w, now]. */
function naiveSum(readings: Map<number, number>, now: number, windowMs: number): number {
  let sum = 0
  for (const [ts, value] of readings) if (ts > now - windowMs && ts <= now) sum += value
  return sum
}

function feed(window: RollingWindow, ts: number, value: number, state: { now: number }) {
  if (ts > state.now) {
    state.now = ts
    window.advance(ts)
  }
  return window.add(ts, value, state.now)
}

describe('RollingWindow: running sums over (now − w, now]', () => {
  it('sums each window and lets readings leave exactly when they are w old', () => {
    const window = new RollingWindow([3 * h, 12 * h])
    const state = { now: -Infinity }
    feed(window, 0, 10, state)
    feed(window, 1 * h, 20, state)
    feed(window, 3 * h, 5, state)
    // The reading at 0 is exactly 3 h old: outside (now − 3 h, now].
    expect([window.sum(0), window.sum(1)]).toEqual([25, 35])
    window.advance(12 * h)
    expect([window.sum(0), window.sum(1)]).toEqual([0, 25])
    window.advance(15 * h)
    expect([window.sum(0), window.sum(1), window.count(1)]).toEqual([0, 0, 0])
  })

  it('inserts an out-of-order reading in place, and ignores one older than every window', () => {
    const window = new RollingWindow([3 * h])
    const state = { now: -Infinity }
    feed(window, 1 * h, 1, state)
    feed(window, 3 * h, 3, state)
    expect(feed(window, 2 * h, 2, state)).toBe(added)
    expect([window.sum(0), window.firstTs(0), window.lastTs()]).toEqual([6, 1 * h, 3 * h])
    feed(window, 5 * h, 5, state)
    expect(feed(window, 2 * h - 1, 100, state)).toBe(ignored) // 3 h and 1 ms old
    expect([window.sum(0), window.firstTs(0)]).toEqual([8, 3 * h])
  })

  it('keeps the first of two readings with the same timestamp (idempotent on device, metric, ts)', () => {
    const window = new RollingWindow([3 * h])
    const state = { now: -Infinity }
    feed(window, 1 * h, 1, state)
    feed(window, 2 * h, 2, state)
    expect(feed(window, 2 * h, 99, state)).toBe(duplicate)
    expect(feed(window, 1 * h, 99, state)).toBe(duplicate)
    expect(window.sum(0)).toBe(3)
  })

  it('tracks the latest reading without holding any when it has no window', () => {
    const window = new RollingWindow([])
    const state = { now: -Infinity }
    expect(feed(window, 10, 1.5, state)).toBe(added)
    expect(feed(window, 5, 9, state)).toBe(ignored)
    expect(feed(window, 10, 9, state)).toBe(duplicate)
    expect([window.latestTs, window.latestValue]).toEqual([10, 1.5])
  })

  it('matches a naive re-sum on 20,000 shuffled, repeated readings (float noise below 1e-9)', () => {
    const random = mulberry32(4)
    const windows = [1 * h, 3 * h, 6 * h]
    const window = new RollingWindow(windows)
    const state = { now: -Infinity }
    const held = new Map<number, number>()
    let t = 0
    for (let i = 0; i < 20_000; i++) {
      t += Math.floor(random() * 120_000)
      // Mostly in order; some late by up to 7 h, some repeated.
      const late = random() < 0.2 ? Math.floor(random() * 7 * h) : 0
      const ts = Math.max(0, t - late)
      const value = Math.round(random() * 100) / 10
      const result = feed(window, ts, value, state)
      const inside = ts > state.now - 6 * h
      if (result === added && inside) held.set(ts, value)
      if (result === duplicate) expect(held.has(ts) || ts <= state.now - 6 * h).toBe(true)
      if (i % 997 === 0) windows.forEach((w, k) => expect(window.sum(k)).toBeCloseTo(naiveSum(held, state.now, w), 9))
    }
    windows.forEach((w, k) => expect(window.sum(k)).toBeCloseTo(naiveSum(held, state.now, w), 9))
  })

  it('survives a JSON round trip with the same sums and the same next answers', () => {
    const window = new RollingWindow([3 * h, 6 * h])
    const state = { now: -Infinity }
    for (let i = 1; i <= 100; i++) feed(window, i * 300_000, 0.1 * i, state)
    const restored = RollingWindow.fromJSON(JSON.parse(JSON.stringify(window)), [3 * h, 6 * h], state.now)
    const copy = { now: state.now }
    for (let i = 101; i <= 200; i++) {
      feed(window, i * 300_000, 0.3, state)
      feed(restored, i * 300_000, 0.3, copy)
      expect([restored.sum(0), restored.sum(1)]).toEqual([window.sum(0), window.sum(1)])
    }
    expect(restored.toJSON()).toEqual(window.toJSON())
  })
})
