/** A per-address limit on login attempts (登录频率限制), kept in memory for one server process. */
import { loginAttemptsPerIp, loginAttemptWindowMs } from './limits.ts'

export interface LoginRateLimiter {
  /** Counts an attempt; false when the address has used up its attempts for the window. */
  tryAttempt(address: string): boolean
}

export function createLoginRateLimiter(
  limit = loginAttemptsPerIp, windowMs = loginAttemptWindowMs, now: () => number = Date.now,
): LoginRateLimiter {
  const attempts = new Map<string, number[]>()
  const sweep = (t: number) => {
    for (const [address, times] of attempts) {
      if (times.every((at) => at <= t - windowMs)) attempts.delete(address)
    }
  }
  return {
    tryAttempt(address) {
      const t = now()
      if (attempts.size > 10_000) sweep(t)
      const recent = (attempts.get(address) ?? []).filter((at) => at > t - windowMs)
      if (recent.length >= limit) {
        attempts.set(address, recent)
        return false
      }
      recent.push(t)
      attempts.set(address, recent)
      return true
    },
  }
}
