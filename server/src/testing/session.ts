/**
 * Test helpers for signed-in requests: users made directly in the database, sessions opened
 * without going through the login route (so tests never trip the login rate limit).
 */
import crypto from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { normalizeDivisionCode } from '@yingji/domain/geo/divisionCode'
import type { Role } from '../http/access.ts'
import type { Platform } from '../platform.ts'
import { sessionCookie } from '../modules/auth/guard.ts'
import { hashPassword } from '../modules/auth/passwords.ts'
import { insertSession, insertUser } from '../modules/auth/queries.ts'
import { newSessionToken, sha256Hex } from '../modules/auth/tokens.ts'

export interface TestUserOptions {
  role: Role
  /** 6, 9 or 12 digits; default the whole county 360281. */
  jurisdiction?: string
  username?: string
  password?: string
  enterpriseId?: string
  /** Default false: the user may use every route at once. */
  mustChangePassword?: boolean
  displayName?: string
}

export interface TestUser {
  id: string
  username: string
  password: string
}

let counter = 0

export async function createTestUser(platform: Platform, options: TestUserOptions): Promise<TestUser> {
  const jurisdiction = normalizeDivisionCode(options.jurisdiction ?? '360281')
  if (!jurisdiction) throw new Error(`createTestUser: bad jurisdiction ${options.jurisdiction}`)
  const username = options.username ?? `${options.role}_${process.pid}_${++counter}_${crypto.randomBytes(3).toString('hex')}`
  const password = options.password ?? `Test-${crypto.randomBytes(6).toString('hex')}9`
  const user = await insertUser(platform.db, {
    username,
    displayName: options.displayName ?? `测试 ${options.role}`,
    passwordHash: await hashPassword(password),
    role: options.role,
    jurisdiction,
    enterpriseId: options.enterpriseId ?? (options.role === 'enterprise' ? crypto.randomUUID() : null),
    mustChangePassword: options.mustChangePassword ?? false,
  })
  return { id: user.id, username, password }
}

export interface TestSession {
  /** `yingji_session=<token>`, ready for a `cookie` header. */
  cookie: string
  headers: { cookie: string }
  user: TestUser
}

/** A new user with the role (and jurisdiction) and an open session for it. */
export async function loginAs(
  _app: FastifyInstance, platform: Platform, options: Omit<TestUserOptions, 'mustChangePassword'>,
): Promise<TestSession> {
  const user = await createTestUser(platform, options)
  const token = newSessionToken()
  await insertSession(platform.db, sha256Hex(token), user.id)
  const cookie = `${sessionCookie}=${token}`
  return { cookie, headers: { cookie }, user }
}
