/** A token bucket (令牌桶): at most `ratePerSecond` on average, bursts up to `burst`. */
export interface RateLimiter {
  /** Waits until `n` tokens are available and takes them. */
  take(n?: number): Promise<void>
}

export function tokenBucket(ratePerSecond: number, burst = Math.max(1, Math.ceil(ratePerSecond / 10))): RateLimiter {
  if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0) return { take: async () => {} }
  let tokens = burst
  let last = performance.now()
  let queue: Promise<void> = Promise.resolve()
  const refill = () => {
    const now = performance.now()
    tokens = Math.min(burst, tokens + ((now - last) / 1000) * ratePerSecond)
    last = now
  }
  return {
    take(n = 1) {
      // Callers wait in turn, so a large request is not starved by small ones.
      const mine = queue.then(async () => {
        for (;;) {
          refill()
          if (tokens >= Math.min(n, burst)) {
            tokens -= n
            return
          }
          await new Promise((r) => setTimeout(r, Math.max(1, ((Math.min(n, burst) - tokens) / ratePerSecond) * 1000)))
        }
      })
      queue = mine
      return mine
    },
  }
}
