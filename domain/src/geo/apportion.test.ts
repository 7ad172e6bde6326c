import { describe, expect, it } from 'vitest'
import { apportionLargestRemainder } from './apportion.ts'

describe('apportionLargestRemainder (最大余额法 / Hamilton method)', () => {
  it.each([
    { why: 'exact quotas need no remainder', total: 10, weights: [5, 3, 2], expected: [5, 3, 2] },
    { why: 'equal weights: the leftover unit goes to the earliest', total: 7, weights: [1, 1, 1], expected: [3, 2, 2] },
    { why: 'largest remainders win (quotas 4.29, 2.57, 1.14)', total: 8, weights: [3, 1.8, 0.8], expected: [4, 3, 1] },
    { why: 'textbook seats: 100 seats, votes 45.2/30.5/24.3 %', total: 100, weights: [452, 305, 243], expected: [45, 31, 24] },
    { why: 'a zero weight gets nothing', total: 5, weights: [0, 2, 3], expected: [0, 2, 3] },
    { why: 'a zero total gives zeros', total: 0, weights: [1, 2], expected: [0, 0] },
  ])('$why', ({ total, weights, expected }) => {
    expect(apportionLargestRemainder(total, weights)).toEqual(expected)
  })

  it('always adds up exactly to the total', () => {
    const weights = Array.from({ length: 268 }, (_, i) => 1 + ((i * 7919) % 101) / 37)
    const shares = apportionLargestRemainder(417_614, weights)
    expect(shares.reduce((a, b) => a + b, 0)).toBe(417_614)
    expect(shares.every(Number.isInteger)).toBe(true)
  })

  it.each([
    { why: 'negative total', total: -1, weights: [1] },
    { why: 'fractional total', total: 2.5, weights: [1] },
    { why: 'negative weight', total: 3, weights: [1, -1] },
    { why: 'all weights zero', total: 3, weights: [0, 0] },
    { why: 'no weights', total: 3, weights: [] },
  ])('refuses $why', ({ total, weights }) => {
    expect(() => apportionLargestRemainder(total, weights)).toThrow(RangeError)
  })
})
