/**
 * A threshold with hysteresis (回差). "以上 includes, 以下 excludes" (shared/domain/ (domain reference) README.md):
 * `above` is met at value ≥ threshold, `below` at value ≤ threshold. Once met, the condition
 * stays met until the value passes back beyond the deadband, so a value hovering at the
 * threshold does not flap. Sums of decimal readings carry float noise (0.1 + 0.2 ≠ 0.3), so
 * comparisons allow a relative 1e-9.
 */

/** Float tolerance of a comparison with `threshold` */
export function thresholdTolerance(threshold: number): number {
  return 1e-9 * Math.max(1, Math.abs(threshold))
}

/**
 * Whether the threshold is met now, given whether it was met before.
 * An undefined value (NaN: no reading, a rate without enough span) never meets it.
 */
export function evaluateThreshold(value: number, direction: 'above' | 'below', threshold: number, deadband: number, wasMet: boolean): boolean {
  if (Number.isNaN(value)) return false
  const tolerance = thresholdTolerance(threshold)
  if (direction === 'above') return value >= (wasMet ? threshold - deadband : threshold) - tolerance
  return value <= (wasMet ? threshold + deadband : threshold) + tolerance
}
