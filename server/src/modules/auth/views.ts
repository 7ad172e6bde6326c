/** What the auth module shows of its rows: never a hash, never a secret. */
import { roleNames, type Actor, type Role } from '../../http/access.ts'
import type { ApiKeyRow, UserRow } from './queries.ts'

export interface Jurisdiction {
  code: string
  name: string
}

/** The signed-in user as `GET /api/auth/me` shows it. */
export interface Me {
  id: string
  username: string
  displayName: string
  role: Role
  roleName: { zh: string; en: string }
  jurisdiction: Jurisdiction
  enterpriseId: string | null
  mustChangePassword: boolean
}

export interface UserView extends Me {
  disabled: boolean
  lockedUntil: string | null
  createdAt: string
  updatedAt: string
}

export interface ApiKeyView {
  id: string
  name: string
  prefix: string
  role: Role
  roleName: { zh: string; en: string }
  jurisdiction: Jurisdiction
  createdBy: string | null
  createdAt: string
  revokedAt: string | null
  lastUsedAt: string | null
}

type Names = Map<string, string>

const jurisdictionOf = (code: string, names: Names): Jurisdiction => ({ code, name: names.get(code) ?? code })
const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function meOf(user: UserRow, names: Names): Me {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    roleName: roleNames[user.role],
    jurisdiction: jurisdictionOf(user.jurisdiction, names),
    enterpriseId: user.enterpriseId,
    mustChangePassword: user.mustChangePassword,
  }
}

export function userViewOf(user: UserRow, names: Names): UserView {
  return {
    ...meOf(user, names),
    disabled: user.disabled,
    lockedUntil: user.lockedUntil && user.lockedUntil.getTime() > Date.now() ? user.lockedUntil.toISOString() : null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  }
}

export function apiKeyViewOf(key: ApiKeyRow, names: Names): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    role: key.role,
    roleName: roleNames[key.role],
    jurisdiction: jurisdictionOf(key.jurisdiction, names),
    createdBy: key.createdBy,
    createdAt: key.createdAt.toISOString(),
    revokedAt: iso(key.revokedAt),
    lastUsedAt: iso(key.lastUsedAt),
  }
}

/** The audit trail's picture of a user: what changed, without the password hash. */
export function auditableUser(user: UserRow) {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    jurisdiction: user.jurisdiction,
    enterpriseId: user.enterpriseId,
    mustChangePassword: user.mustChangePassword,
    disabled: user.disabled,
  }
}

export function auditableApiKey(key: ApiKeyRow) {
  return { name: key.name, prefix: key.prefix, role: key.role, jurisdiction: key.jurisdiction, revokedAt: iso(key.revokedAt) }
}

export function userActor(user: UserRow): Actor {
  return { kind: 'user', id: user.id, name: user.displayName, role: user.role, jurisdiction: user.jurisdiction, enterpriseId: user.enterpriseId }
}

export function apiKeyActor(key: ApiKeyRow): Actor {
  return { kind: 'api_key', id: key.id, name: key.name, role: key.role, jurisdiction: key.jurisdiction, enterpriseId: null }
}
