/** The auth module's SQL: small named queries over its own tables (schema `auth`). */
import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import type { Role } from '../../http/access.ts'
import { lockoutMinutes, maxFailedLogins, sessionHours, sessionRefreshMinutes } from './limits.ts'

export interface UserRow {
  id: string
  username: string
  displayName: string
  passwordHash: string
  role: Role
  jurisdiction: string
  enterpriseId: string | null
  mustChangePassword: boolean
  failedAttempts: number
  lockedUntil: Date | null
  disabled: boolean
  createdAt: Date
  updatedAt: Date
}

const userColumns = sql`
  u.id::text AS "id", u.username AS "username", u.display_name AS "displayName",
  u.password_hash AS "passwordHash", u.role AS "role", u.jurisdiction AS "jurisdiction",
  u.enterprise_id::text AS "enterpriseId", u.must_change_password AS "mustChangePassword",
  u.failed_attempts AS "failedAttempts", u.locked_until AS "lockedUntil", u.disabled AS "disabled",
  u.created_at AS "createdAt", u.updated_at AS "updatedAt"`

/**
 * Rows of a query. `Db` spans two drivers, so Drizzle cannot type `execute` results; both
 * drivers answer `{rows}` (see db/database.ts).
 */
import { queryRows } from '../../db/rows.ts'

const toDate = (v: Date | string | null): Date | null => (v === null ? null : new Date(v))

function userFrom(row: UserRow): UserRow {
  return {
    ...row,
    failedAttempts: Number(row.failedAttempts),
    lockedUntil: toDate(row.lockedUntil),
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
  }
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)

/** The subtree condition: a 12-digit code column under the division with this prefix. */
const withinPrefix = (column: SQL, prefix: string) => sql`${column} LIKE ${prefix + '%'}`

// ---- users ---------------------------------------------------------------

export async function findUserByUsername(q: Queryable, username: string): Promise<UserRow | null> {
  const rows = await queryRows<UserRow>(q, sql`SELECT ${userColumns} FROM auth.users u WHERE lower(u.username) = lower(${username})`)
  return rows[0] ? userFrom(rows[0]) : null
}

export async function findUserById(q: Queryable, id: string): Promise<UserRow | null> {
  if (!isUuid(id)) return null
  const rows = await queryRows<UserRow>(q, sql`SELECT ${userColumns} FROM auth.users u WHERE u.id = ${id}::uuid`)
  return rows[0] ? userFrom(rows[0]) : null
}

export async function findUsersWithin(q: Queryable, jurisdictionPrefix: string): Promise<UserRow[]> {
  const rows = await queryRows<UserRow>(q, sql`
    SELECT ${userColumns} FROM auth.users u
    WHERE ${withinPrefix(sql`u.jurisdiction`, jurisdictionPrefix)}
    ORDER BY u.jurisdiction, u.username`)
  return rows.map(userFrom)
}

export interface NewUser {
  username: string
  displayName: string
  passwordHash: string
  role: Role
  jurisdiction: string
  enterpriseId: string | null
  mustChangePassword: boolean
}

export async function insertUser(q: Queryable, user: NewUser): Promise<UserRow> {
  const rows = await queryRows<UserRow>(q, sql`
    INSERT INTO auth.users AS u (username, display_name, password_hash, role, jurisdiction, enterprise_id, must_change_password)
    VALUES (${user.username}, ${user.displayName}, ${user.passwordHash}, ${user.role}, ${user.jurisdiction},
            ${user.enterpriseId}::uuid, ${user.mustChangePassword})
    RETURNING ${userColumns}`)
  return userFrom(rows[0]!)
}

export interface UserChanges {
  displayName?: string
  role?: Role
  jurisdiction?: string
  enterpriseId?: string | null
  disabled?: boolean
  passwordHash?: string
  mustChangePassword?: boolean
  /** Clears the failure counter and any lock. */
  unlock?: boolean
}

export async function updateUser(q: Queryable, id: string, changes: UserChanges): Promise<UserRow> {
  const sets: SQL[] = [sql`updated_at = now()`]
  if (changes.displayName !== undefined) sets.push(sql`display_name = ${changes.displayName}`)
  if (changes.role !== undefined) sets.push(sql`role = ${changes.role}`)
  if (changes.jurisdiction !== undefined) sets.push(sql`jurisdiction = ${changes.jurisdiction}`)
  if (changes.enterpriseId !== undefined) sets.push(sql`enterprise_id = ${changes.enterpriseId}::uuid`)
  if (changes.disabled !== undefined) sets.push(sql`disabled = ${changes.disabled}`)
  if (changes.passwordHash !== undefined) sets.push(sql`password_hash = ${changes.passwordHash}`)
  if (changes.mustChangePassword !== undefined) sets.push(sql`must_change_password = ${changes.mustChangePassword}`)
  if (changes.unlock) sets.push(sql`failed_attempts = 0`, sql`locked_until = NULL`)
  const rows = await queryRows<UserRow>(q, sql`
    UPDATE auth.users AS u SET ${sql.join(sets, sql`, `)} WHERE u.id = ${id}::uuid RETURNING ${userColumns}`)
  return userFrom(rows[0]!)
}

/**
 * Counts one wrong password; the failure that reaches the limit locks the account and starts
 * a fresh count for after the lock.
 */
export async function countFailedLogin(q: Queryable, id: string): Promise<{ failedAttempts: number; lockedUntil: Date | null }> {
  const rows = await queryRows<{ failedAttempts: number; lockedUntil: Date | string | null }>(q, sql`
    UPDATE auth.users SET
      failed_attempts = CASE WHEN failed_attempts + 1 >= ${maxFailedLogins} THEN 0 ELSE failed_attempts + 1 END,
      locked_until = CASE WHEN failed_attempts + 1 >= ${maxFailedLogins}
                          THEN now() + make_interval(mins => ${lockoutMinutes}) ELSE locked_until END
    WHERE id = ${id}::uuid
    RETURNING failed_attempts AS "failedAttempts", locked_until AS "lockedUntil"`)
  const row = rows[0]!
  return { failedAttempts: Number(row.failedAttempts), lockedUntil: toDate(row.lockedUntil) }
}

export async function clearFailedLogins(q: Queryable, id: string): Promise<void> {
  await q.execute(sql`UPDATE auth.users SET failed_attempts = 0, locked_until = NULL WHERE id = ${id}::uuid AND (failed_attempts <> 0 OR locked_until IS NOT NULL)`)
}

// ---- sessions ------------------------------------------------------------

const sessionLifetime = sql`make_interval(hours => ${sessionHours})`

export async function insertSession(q: Queryable, tokenHash: string, userId: string): Promise<void> {
  await q.execute(sql`INSERT INTO auth.sessions (token_hash, user_id, expires_at) VALUES (${tokenHash}, ${userId}::uuid, now() + ${sessionLifetime})`)
}

/** The user behind a live session, or null when the session is unknown, expired or the user disabled. */
export async function findSessionUser(q: Queryable, tokenHash: string): Promise<UserRow | null> {
  const rows = await queryRows<UserRow>(q, sql`
    SELECT ${userColumns} FROM auth.sessions s JOIN auth.users u ON u.id = s.user_id
    WHERE s.token_hash = ${tokenHash} AND s.expires_at > now() AND NOT u.disabled`)
  return rows[0] ? userFrom(rows[0]) : null
}

/** Sliding expiry: pushes the session's end forward, at most once per refresh interval. */
export async function extendSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.execute(sql`
    UPDATE auth.sessions SET expires_at = now() + ${sessionLifetime}
    WHERE token_hash = ${tokenHash} AND expires_at < now() + ${sessionLifetime} - make_interval(mins => ${sessionRefreshMinutes})`)
}

/** Deletes one session and returns its user id, if it existed. */
export async function deleteSession(q: Queryable, tokenHash: string): Promise<string | null> {
  const rows = await queryRows<{ userId: string }>(q, sql`DELETE FROM auth.sessions WHERE token_hash = ${tokenHash} RETURNING user_id::text AS "userId"`)
  return rows[0]?.userId ?? null
}

/** Ends every session of a user, except optionally the one in use. */
export async function deleteUserSessions(q: Queryable, userId: string, keepTokenHash: string | null = null): Promise<void> {
  await q.execute(sql`DELETE FROM auth.sessions WHERE user_id = ${userId}::uuid AND token_hash IS DISTINCT FROM ${keepTokenHash}`)
}

export async function deleteExpiredSessions(q: Queryable): Promise<void> {
  await q.execute(sql`DELETE FROM auth.sessions WHERE expires_at <= now()`)
}

// ---- API keys ------------------------------------------------------------

export interface ApiKeyRow {
  id: string
  name: string
  prefix: string
  role: Role
  jurisdiction: string
  createdBy: string | null
  createdAt: Date
  revokedAt: Date | null
  lastUsedAt: Date | null
}

const apiKeyColumns = sql`
  k.id::text AS "id", k.name AS "name", k.prefix AS "prefix", k.role AS "role", k.jurisdiction AS "jurisdiction",
  k.created_by::text AS "createdBy", k.created_at AS "createdAt", k.revoked_at AS "revokedAt", k.last_used_at AS "lastUsedAt"`

function apiKeyFrom(row: ApiKeyRow): ApiKeyRow {
  return { ...row, createdAt: new Date(row.createdAt), revokedAt: toDate(row.revokedAt), lastUsedAt: toDate(row.lastUsedAt) }
}

export interface NewApiKeyRow {
  name: string
  prefix: string
  keyHash: string
  role: Role
  jurisdiction: string
  createdBy: string | null
}

export async function insertApiKey(q: Queryable, key: NewApiKeyRow): Promise<ApiKeyRow> {
  const rows = await queryRows<ApiKeyRow>(q, sql`
    INSERT INTO auth.api_keys AS k (name, prefix, key_hash, role, jurisdiction, created_by)
    VALUES (${key.name}, ${key.prefix}, ${key.keyHash}, ${key.role}, ${key.jurisdiction}, ${key.createdBy}::uuid)
    RETURNING ${apiKeyColumns}`)
  return apiKeyFrom(rows[0]!)
}

/** A key that is not revoked, by the hash of the presented secret. */
export async function findLiveApiKey(q: Queryable, keyHash: string): Promise<ApiKeyRow | null> {
  const rows = await queryRows<ApiKeyRow>(q, sql`SELECT ${apiKeyColumns} FROM auth.api_keys k WHERE k.key_hash = ${keyHash} AND k.revoked_at IS NULL`)
  return rows[0] ? apiKeyFrom(rows[0]) : null
}

export async function findApiKeyById(q: Queryable, id: string): Promise<ApiKeyRow | null> {
  if (!isUuid(id)) return null
  const rows = await queryRows<ApiKeyRow>(q, sql`SELECT ${apiKeyColumns} FROM auth.api_keys k WHERE k.id = ${id}::uuid`)
  return rows[0] ? apiKeyFrom(rows[0]) : null
}

export async function findApiKeysWithin(q: Queryable, jurisdictionPrefix: string): Promise<ApiKeyRow[]> {
  const rows = await queryRows<ApiKeyRow>(q, sql`
    SELECT ${apiKeyColumns} FROM auth.api_keys k
    WHERE ${withinPrefix(sql`k.jurisdiction`, jurisdictionPrefix)}
    ORDER BY k.created_at DESC`)
  return rows.map(apiKeyFrom)
}

export async function revokeApiKey(q: Queryable, id: string): Promise<ApiKeyRow> {
  const rows = await queryRows<ApiKeyRow>(q, sql`
    UPDATE auth.api_keys AS k SET revoked_at = coalesce(revoked_at, now()) WHERE k.id = ${id}::uuid RETURNING ${apiKeyColumns}`)
  return apiKeyFrom(rows[0]!)
}

/** Notes the key's use, at most once a minute. */
export async function touchApiKey(q: Queryable, id: string): Promise<void> {
  await q.execute(sql`
    UPDATE auth.api_keys SET last_used_at = now()
    WHERE id = ${id}::uuid AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`)
}
