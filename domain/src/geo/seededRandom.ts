/**
 * Seeded pseudo-random numbers for reproducible synthetic data (合成数据): the same seed gives
 * the same sequence on every machine, so generated points and populations are stable fixtures.
 */

/** A generator of floats in [0, 1). */
export type Random = () => number

/**
 * mulberry32: a 32-bit-state generator (Tommy Ettinger's public-domain design). Small and
 * fast; statistically fine for sampling fixtures, not for anything secret.
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * An independent stream for one purpose (`'townships'`, `'population'`…), so changing how
 * one thing is generated does not shift every other generated value.
 */
export function randomStream(seed: number, purpose: string): Random {
  let hash = 0x811c9dc5 ^ (seed >>> 0)
  for (let i = 0; i < purpose.length; i++) hash = Math.imul(hash ^ purpose.charCodeAt(i), 0x01000193)
  return mulberry32(hash >>> 0)
}

/** A standard normal deviate (Box–Muller). */
export function normalDeviate(random: Random): number {
  const u = 1 - random() // (0, 1]: log(0) is never taken
  const v = random()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}
