/**
 * Largest-remainder apportionment (最大余额法, the Hamilton method): splits a whole number
 * into whole shares proportional to weights, so the shares add up exactly to the total.
 *
 * Each share first gets the integer part of its quota `total × w / Σw`; the units left over go
 * one each to the largest fractional remainders (ties: the earlier index).
 *
 * @example apportionLargestRemainder(7, [1, 1, 1]) // → [3, 2, 2]
 */
export function apportionLargestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`total must be a non-negative integer, got ${total}`)
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) throw new RangeError('weights must be finite and non-negative')
  const sum = weights.reduce((a, b) => a + b, 0)
  if (weights.length === 0 || sum <= 0) {
    if (total === 0) return weights.map(() => 0)
    throw new RangeError('cannot apportion a positive total over zero weight')
  }
  const quotas = weights.map((w) => (total * w) / sum)
  const shares = quotas.map(Math.floor)
  let left = total - shares.reduce((a, b) => a + b, 0)
  const byRemainder = quotas
    .map((q, index) => ({ index, remainder: q - Math.floor(q) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index)
  for (const { index } of byRemainder) {
    if (left <= 0) break
    shares[index]! += 1
    left -= 1
  }
  return shares
}
