/**
 * Administration use cases (admin only, within the admin's own jurisdiction): users, API keys
 * and reading the audit log. Order in each: check access, load or fail, apply rules, write
 * with its audit row.
 */
import { divisionPrefix, isWithinDivision } from '@yingji/domain/geo/divisionCode'
import type { Db } from '../../db/database.ts'
import type { Actor, Role } from '../../http/access.ts'
import { AppError, forbidden, invalid, notFound } from '../../http/errors.ts'
import { findAuditEntries, recordAudit, type AuditFilter, type AuditRecord } from './audit.ts'
import { parseDivisionCode } from '../geo/index.ts'
import { divisionExists, divisionNames } from './divisionNames.ts'
import { assertPasswordPolicy, generatePassword, hashPassword } from './passwords.ts'
import * as queries from './queries.ts'
import { newApiKey } from './tokens.ts'
import { apiKeyViewOf, auditableApiKey, auditableUser, userViewOf, type ApiKeyView, type UserView } from './views.ts'

/**
 * A 6/9/12-digit code of a known division inside the admin's own jurisdiction, as 12 digits;
 * else a 400 (format, unknown) or 403 (outside) naming `field`.
 */
async function jurisdictionFor(db: Db, actor: Actor, input: string, field: string): Promise<string> {
  const code = parseDivisionCode(input, field)
  if (!isWithinDivision(code, actor.jurisdiction)) {
    throw forbidden(`${field} 超出您的管辖范围`, `${field} is outside your jurisdiction`)
  }
  if (!(await divisionExists(db, code))) {
    throw invalid('unknown_division', field, `${field} 不是已知的行政区划：${input}`, `${field} is not a known division: ${input}`)
  }
  return code
}

function assertEnterpriseLink(role: Role, enterpriseId: string | null, field: string): void {
  if (role === 'enterprise' && !enterpriseId) {
    throw invalid('enterprise_required', field, `企业用户须指定所属企业（${field}）`, `An enterprise user needs an enterprise (${field})`)
  }
}

async function userInJurisdiction(db: Db, actor: Actor, id: string): Promise<queries.UserRow> {
  const user = await queries.findUserById(db, id)
  // Users outside the jurisdiction are not even acknowledged.
  if (!user || !isWithinDivision(user.jurisdiction, actor.jurisdiction)) throw notFound('用户', 'User', 'params.id')
  return user
}

async function viewUser(db: Db, user: queries.UserRow): Promise<UserView> {
  return userViewOf(user, await divisionNames(db, [user.jurisdiction]))
}

export async function listUsers(db: Db, actor: Actor): Promise<UserView[]> {
  const users = await queries.findUsersWithin(db, divisionPrefix(actor.jurisdiction))
  const names = await divisionNames(db, users.map((u) => u.jurisdiction))
  return users.map((u) => userViewOf(u, names))
}

export interface NewUserInput {
  username: string
  displayName: string
  role: Role
  jurisdiction: string
  password?: string | undefined
  enterpriseId?: string | null | undefined
}

/** Creates a user who must change the password at first login; returns a generated one when none was given. */
export async function createUser(db: Db, actor: Actor, input: NewUserInput): Promise<{ user: UserView; oneTimePassword: string | null }> {
  const jurisdiction = await jurisdictionFor(db, actor, input.jurisdiction, 'body.jurisdiction')
  const enterpriseId = input.enterpriseId ?? null
  assertEnterpriseLink(input.role, enterpriseId, 'body.enterpriseId')
  if (input.password !== undefined) assertPasswordPolicy(input.password, 'body.password')
  if (await queries.findUserByUsername(db, input.username)) {
    throw new AppError('conflict', 'username_taken', `用户名 ${input.username} 已存在`, `The username ${input.username} is taken`, 'body.username')
  }
  const oneTimePassword = input.password === undefined ? generatePassword() : null
  const passwordHash = await hashPassword(input.password ?? oneTimePassword!)
  const user = await db.transaction(async (tx) => {
    const created = await queries.insertUser(tx, {
      username: input.username, displayName: input.displayName, passwordHash, role: input.role,
      jurisdiction, enterpriseId, mustChangePassword: true,
    })
    await recordAudit(tx, { actor, action: 'user.create', entity: 'user', entityId: created.id, after: auditableUser(created) })
    return created
  })
  return { user: await viewUser(db, user), oneTimePassword }
}

export interface UserUpdateInput {
  displayName?: string | undefined
  role?: Role | undefined
  jurisdiction?: string | undefined
  enterpriseId?: string | null | undefined
  disabled?: boolean | undefined
  resetPassword?: boolean | undefined
  unlock?: boolean | undefined
}

export async function updateUserAccount(db: Db, actor: Actor, id: string, input: UserUpdateInput): Promise<{ user: UserView; oneTimePassword: string | null }> {
  const user = await userInJurisdiction(db, actor, id)
  const changes: queries.UserChanges = {}
  if (input.displayName !== undefined) changes.displayName = input.displayName
  if (input.role !== undefined) changes.role = input.role
  if (input.jurisdiction !== undefined) changes.jurisdiction = await jurisdictionFor(db, actor, input.jurisdiction, 'body.jurisdiction')
  if (input.enterpriseId !== undefined) changes.enterpriseId = input.enterpriseId
  if (input.disabled !== undefined) changes.disabled = input.disabled
  if (input.unlock) changes.unlock = true
  if (user.id === actor.id && (changes.disabled === true || (changes.role !== undefined && changes.role !== 'admin'))) {
    throw invalid('cannot_demote_self', changes.disabled ? 'body.disabled' : 'body.role',
      '不能停用自己的账号或取消自己的管理员角色', 'You cannot disable your own account or drop your own admin role')
  }
  assertEnterpriseLink(changes.role ?? user.role, changes.enterpriseId !== undefined ? changes.enterpriseId : user.enterpriseId, 'body.enterpriseId')
  let oneTimePassword: string | null = null
  if (input.resetPassword) {
    oneTimePassword = generatePassword()
    changes.passwordHash = await hashPassword(oneTimePassword)
    changes.mustChangePassword = true
    changes.unlock = true
  }
  const updated = await db.transaction(async (tx) => {
    const after = await queries.updateUser(tx, user.id, changes)
    // A new password or a disabled account ends the sessions already open.
    if (input.resetPassword || changes.disabled) await queries.deleteUserSessions(tx, user.id)
    await recordAudit(tx, {
      actor, action: input.resetPassword ? 'user.password_reset' : 'user.update', entity: 'user', entityId: user.id,
      before: auditableUser(user), after: auditableUser(after),
    })
    return after
  })
  return { user: await viewUser(db, updated), oneTimePassword }
}

export async function listApiKeys(db: Db, actor: Actor): Promise<ApiKeyView[]> {
  const keys = await queries.findApiKeysWithin(db, divisionPrefix(actor.jurisdiction))
  const names = await divisionNames(db, keys.map((k) => k.jurisdiction))
  return keys.map((k) => apiKeyViewOf(k, names))
}

export interface NewApiKeyInput {
  name: string
  role: Role
  jurisdiction: string
}

/** Issues a key; the secret is returned this once and only its hash is kept. */
export async function createApiKey(db: Db, actor: Actor, input: NewApiKeyInput): Promise<{ apiKey: ApiKeyView; key: string }> {
  const jurisdiction = await jurisdictionFor(db, actor, input.jurisdiction, 'body.jurisdiction')
  if (input.role === 'admin') {
    throw invalid('admin_api_key', 'body.role', '接口密钥不能拥有管理员角色（body.role）', 'An API key cannot have the admin role (body.role)')
  }
  const secret = newApiKey()
  const created = await db.transaction(async (tx) => {
    const row = await queries.insertApiKey(tx, {
      name: input.name, prefix: secret.prefix, keyHash: secret.keyHash, role: input.role, jurisdiction,
      createdBy: actor.kind === 'user' ? actor.id : null,
    })
    await recordAudit(tx, { actor, action: 'api_key.create', entity: 'api_key', entityId: row.id, after: auditableApiKey(row) })
    return row
  })
  return { apiKey: apiKeyViewOf(created, await divisionNames(db, [created.jurisdiction])), key: secret.key }
}

export async function revokeApiKey(db: Db, actor: Actor, id: string): Promise<void> {
  const key = await queries.findApiKeyById(db, id)
  if (!key || !isWithinDivision(key.jurisdiction, actor.jurisdiction)) throw notFound('接口密钥', 'API key', 'params.id')
  if (key.revokedAt) return
  await db.transaction(async (tx) => {
    const revoked = await queries.revokeApiKey(tx, key.id)
    await recordAudit(tx, { actor, action: 'api_key.revoke', entity: 'api_key', entityId: key.id, before: auditableApiKey(key), after: auditableApiKey(revoked) })
  })
}

/** Newest first, paged by entry id. */
export async function readAuditLog(db: Db, filter: AuditFilter): Promise<AuditRecord[]> {
  return findAuditEntries(db, filter)
}
