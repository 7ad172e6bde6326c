import { describe, expect, it } from 'vitest'
import { classifyHttpStatus, nextRetryDelayMs } from './deliveryBackoff.ts'

describe('RFC 9110 §15: a gateway answer decides retry or failure', () => {
  it.each([
    { status: 200, outcome: 'ok' }, { status: 202, outcome: 'ok' }, { status: 204, outcome: 'ok' },
    { status: 400, outcome: 'failed' }, { status: 401, outcome: 'failed' }, { status: 404, outcome: 'failed' }, { status: 422, outcome: 'failed' },
    { status: 408, outcome: 'retry' }, { status: 429, outcome: 'retry' },
    { status: 500, outcome: 'retry' }, { status: 502, outcome: 'retry' }, { status: 503, outcome: 'retry' }, { status: 504, outcome: 'retry' },
    { status: 301, outcome: 'failed' },
  ])('$status → $outcome', ({ status, outcome }) => {
    expect(classifyHttpStatus(status)).toBe(outcome)
  })
})

describe('exponential backoff: base · 2^(n−1), capped, bounded tries', () => {
  const policy = { baseDelayMs: 1000, maxDelayMs: 10_000, maxAttempts: 6 }
  it.each([
    { attempts: 1, delay: 1000 }, { attempts: 2, delay: 2000 }, { attempts: 3, delay: 4000 },
    { attempts: 4, delay: 8000 }, { attempts: 5, delay: 10_000 }, { attempts: 6, delay: null }, { attempts: 9, delay: null },
  ])('after $attempts failed tries → $delay', ({ attempts, delay }) => {
    expect(nextRetryDelayMs(attempts, policy)).toBe(delay)
  })
  it('the default policy gives up after 8 tries, within about 4 minutes', () => {
    let total = 0
    for (let n = 1; ; n++) {
      const d = nextRetryDelayMs(n)
      if (d === null) break
      total += d
    }
    expect(total).toBeLessThan(5 * 60_000)
  })
})
