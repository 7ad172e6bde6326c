/**
 * Retry rules of warning delivery (预警送达重试): what a channel's answer means, and when to try
 * again. Pure; the sender loop (server/src/modules/warnings/delivery/sender.ts) applies them.
 */

export type SendOutcome =
  /** Accepted; a receipt may follow (SMS) or the row waits to be read (app). */
  | 'sent'
  /** The receiving server answered 2xx and that is the proof of delivery (email, webhooks). */
  | 'delivered'
  /** A transient failure: 5xx, 408, 429, timeout, connection refused. */
  | 'retry'
  /** Permanent: 4xx other than 408/429, a bad address; retrying cannot help. */
  | 'failed'

/** HTTP status → outcome. 2xx counts as `ok` (the channel decides sent vs delivered). */
export function classifyHttpStatus(status: number): 'ok' | 'retry' | 'failed' {
  if (status >= 200 && status < 300) return 'ok'
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retry'
  return 'failed'
}

export interface BackoffPolicy {
  /** Delay after the first failed try (ms). */
  baseDelayMs: number
  /** Ceiling of the delay (ms). */
  maxDelayMs: number
  /** Tries in all, the first included; after the last a transient failure becomes `failed`. */
  maxAttempts: number
}

/** 2 s, 4 s, 8 s … capped at 2 min; 8 tries cover about 4 minutes, inside the 5-minute goal for responsible persons. */
export const defaultBackoff: BackoffPolicy = { baseDelayMs: 2_000, maxDelayMs: 120_000, maxAttempts: 8 }

/**
 * After `attempts` tries failed transiently: the delay before the next try, or `null` when the
 * tries are used up (the delivery fails). Delay = base · 2^(attempts−1), capped.
 */
export function nextRetryDelayMs(attempts: number, policy: BackoffPolicy = defaultBackoff): number | null {
  if (attempts >= policy.maxAttempts) return null
  const doublings = Math.min(Math.max(attempts - 1, 0), 30)
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** doublings)
}
