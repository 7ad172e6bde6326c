/**
 * Rate of change over a window (变化速率), e.g. GNSS or crack-meter displacement in mm/h:
 * (last − first) / (tLast − tFirst) × perMs between the oldest and newest readings in the window.
 * Undefined (NaN) until the readings span at least `minSpanMs` (and more than 0 ms), so two
 * noisy readings a second apart do not read as a landslide.
 */
export function rateOfChange(firstTs: number, firstValue: number, lastTs: number, lastValue: number, perMs: number, minSpanMs: number): number {
  const span = lastTs - firstTs
  if (!(span > 0) || span < minSpanMs) return NaN
  return ((lastValue - firstValue) / span) * perMs
}
