/** Every number that shapes sign-in security, in one place. */

/** Consecutive wrong passwords after which an account is locked (账号锁定). */
export const maxFailedLogins = 5
/** How long a locked account stays locked. */
export const lockoutMinutes = 15
/** Login attempts one client address may make per window, right or wrong. */
export const loginAttemptsPerIp = 20
export const loginAttemptWindowMs = 60_000
/** A session lives this long after its last use (sliding expiry). */
export const sessionHours = 12
/** A session's expiry is pushed forward at most this often, to spare a write per request. */
export const sessionRefreshMinutes = 5
/** Length of the generated one-time passwords (initial admin, password resets). */
export const generatedPasswordLength = 16
/** Characters of an API key shown in lists (after its `yjk_` marker). */
export const apiKeyVisiblePrefix = 8

/** argon2id parameters (OWASP's minimum: 19 MiB, 2 passes, 1 lane), set explicitly. */
export const argon2Parameters = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const
