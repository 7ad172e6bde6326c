/**
 * Sign-in use cases: login, logout, who is calling, password change. Each write commits
 * together with its audit row.
 */
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/access.ts'
import { forbidden, invalid } from '../../http/errors.ts'
import { recordAudit } from './audit.ts'
import { accountDisabled, accountLocked, invalidCredentials, tooManyLoginAttempts } from './authErrors.ts'
import { divisionNames } from './divisionNames.ts'
import type { LoginRateLimiter } from './loginRateLimit.ts'
import { assertPasswordPolicy, hashPassword, spendVerificationTime, verifyPassword } from './passwords.ts'
import * as queries from './queries.ts'
import { newSessionToken, sha256Hex } from './tokens.ts'
import { apiKeyActor, meOf, userActor, type Me } from './views.ts'

export interface LoginInput {
  username: string
  password: string
  /** The client's address, for the per-address attempt limit. */
  address: string
}

/** Checks the password and opens a session; returns the cookie token (shown once) and the user. */
export async function login(db: Db, limiter: LoginRateLimiter, input: LoginInput): Promise<{ token: string; me: Me }> {
  if (!limiter.tryAttempt(input.address)) throw tooManyLoginAttempts()
  const user = await queries.findUserByUsername(db, input.username)
  if (!user) {
    await spendVerificationTime(input.password)
    await recordAudit(db, { actor: null, action: 'auth.login_failed', entity: 'username', entityId: input.username.slice(0, 64), after: { reason: 'unknown_user', address: input.address } })
    throw invalidCredentials()
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) throw accountLocked(user.lockedUntil)

  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failure = await db.transaction(async (tx) => {
      const counted = await queries.countFailedLogin(tx, user.id)
      await recordAudit(tx, {
        actor: null, action: 'auth.login_failed', entity: 'user', entityId: user.id,
        before: { failedAttempts: user.failedAttempts },
        after: { failedAttempts: counted.failedAttempts, lockedUntil: counted.lockedUntil?.toISOString() ?? null, address: input.address },
      })
      return counted
    })
    if (failure.lockedUntil && failure.lockedUntil.getTime() > Date.now()) throw accountLocked(failure.lockedUntil)
    throw invalidCredentials()
  }
  if (user.disabled) throw accountDisabled()

  const token = newSessionToken()
  await db.transaction(async (tx) => {
    await queries.clearFailedLogins(tx, user.id)
    await queries.insertSession(tx, sha256Hex(token), user.id)
    await recordAudit(tx, { actor: userActor(user), action: 'auth.login', entity: 'user', entityId: user.id, after: { address: input.address } })
  })
  // Housekeeping off the request's critical path is not worth a scheduler yet.
  await queries.deleteExpiredSessions(db)
  return { token, me: meOf(user, await divisionNames(db, [user.jurisdiction])) }
}

/** Ends the session (if it is still live); harmless to call twice. */
export async function logout(db: Db, token: string | undefined): Promise<void> {
  if (!token) return
  const tokenHash = sha256Hex(token)
  await db.transaction(async (tx) => {
    const user = await queries.findSessionUser(tx, tokenHash)
    const userId = await queries.deleteSession(tx, tokenHash)
    if (user && userId) await recordAudit(tx, { actor: userActor(user), action: 'auth.logout', entity: 'user', entityId: user.id })
  })
}

export interface Credentials {
  /** The `yingji_session` cookie. */
  sessionToken?: string | undefined
  /** The secret of an `Authorization: Bearer` header. */
  apiKey?: string | undefined
}

export interface Caller {
  actor: Actor
  /** A user who must change the password may only read `me`, change it, or log out. */
  mustChangePassword: boolean
  /** The session in use (kept when the password changes). */
  sessionTokenHash: string | null
}

/** Who is calling, or null when the credentials are missing, expired or revoked. */
export async function identifyCaller(db: Db, credentials: Credentials): Promise<Caller | null> {
  if (credentials.apiKey !== undefined) {
    const key = await queries.findLiveApiKey(db, sha256Hex(credentials.apiKey))
    if (!key) return null
    await queries.touchApiKey(db, key.id)
    return { actor: apiKeyActor(key), mustChangePassword: false, sessionTokenHash: null }
  }
  if (credentials.sessionToken) {
    const tokenHash = sha256Hex(credentials.sessionToken)
    const user = await queries.findSessionUser(db, tokenHash)
    if (!user) return null
    await queries.extendSession(db, tokenHash)
    return { actor: userActor(user), mustChangePassword: user.mustChangePassword, sessionTokenHash: tokenHash }
  }
  return null
}

/** The caller's own profile; an API key shows as a pseudo-user named after the key. */
export async function describeCaller(db: Db, caller: Caller): Promise<Me> {
  const { actor } = caller
  if (actor.kind === 'user') {
    const user = await queries.findUserById(db, actor.id)
    if (!user) throw forbidden()
    return meOf(user, await divisionNames(db, [user.jurisdiction]))
  }
  const names = await divisionNames(db, [actor.jurisdiction])
  return {
    ...meOf({
      id: actor.id, username: `apikey:${actor.name}`, displayName: actor.name, passwordHash: '', role: actor.role,
      jurisdiction: actor.jurisdiction, enterpriseId: null, mustChangePassword: false, failedAttempts: 0,
      lockedUntil: null, disabled: false, createdAt: new Date(0), updatedAt: new Date(0),
    }, names),
  }
}

export interface PasswordChange {
  currentPassword: string
  newPassword: string
}

/** The user changes their own password; their other sessions end. */
export async function changeOwnPassword(db: Db, caller: Caller, change: PasswordChange): Promise<void> {
  if (caller.actor.kind !== 'user') throw forbidden('接口密钥没有密码', 'An API key has no password')
  const user = await queries.findUserById(db, caller.actor.id)
  if (!user) throw forbidden()
  if (!(await verifyPassword(user.passwordHash, change.currentPassword))) {
    throw invalid('wrong_current_password', 'body.currentPassword', '当前密码不正确（body.currentPassword）', 'The current password is wrong (body.currentPassword)')
  }
  assertPasswordPolicy(change.newPassword, 'body.newPassword')
  if (change.newPassword === change.currentPassword) {
    throw invalid('password_unchanged', 'body.newPassword', '新密码不能与当前密码相同（body.newPassword）', 'The new password must differ from the current one (body.newPassword)')
  }
  const passwordHash = await hashPassword(change.newPassword)
  await db.transaction(async (tx) => {
    await queries.updateUser(tx, user.id, { passwordHash, mustChangePassword: false })
    await queries.deleteUserSessions(tx, user.id, caller.sessionTokenHash)
    await recordAudit(tx, {
      actor: caller.actor, action: 'user.password_change', entity: 'user', entityId: user.id,
      before: { mustChangePassword: user.mustChangePassword }, after: { mustChangePassword: false },
    })
  })
}
