import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'drizzle-orm'
import { buildApp } from '../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../testing/platform.ts'
import { createTestUser } from '../../testing/session.ts'
import { loginAttemptsPerIp, maxFailedLogins } from './limits.ts'

describe('login lockout and rate limit', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let nextAddress = 1
  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  const login = (username: string, password: string, remoteAddress: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress })
  /** Each test its own client address, so the per-address limit stays out of the lockout tests. */
  const freshAddress = () => `10.1.0.${nextAddress++}`

  it(`locks the account after ${maxFailedLogins} wrong passwords, even against the right one`, async () => {
    const user = await createTestUser(platform, { role: 'village', jurisdiction: '360281100201' })
    const address = freshAddress()
    for (let i = 1; i < maxFailedLogins; i++) {
      expect((await login(user.username, `wrong-guess-${i}`, address)).statusCode).toBe(401)
    }
    const locking = await login(user.username, 'wrong-guess-last', address)
    expect(locking.statusCode).toBe(429)
    expect(locking.json().error.code).toBe('account_locked')
    expect(locking.json().error.message).toMatch(/账号已锁定，请于 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}（北京时间）后再试/)
    expect(locking.json().error.messageEn).toMatch(/locked until/)

    const right = await login(user.username, user.password, address)
    expect(right.statusCode).toBe(429)
    expect(right.json().error.code).toBe('account_locked')
    expect(right.cookies).toHaveLength(0)
  })

  it('lets the user in again once the lock has run out', async () => {
    const user = await createTestUser(platform, { role: 'village', jurisdiction: '360281100201' })
    const address = freshAddress()
    for (let i = 0; i < maxFailedLogins; i++) await login(user.username, 'wrong-guess-1', address)
    await platform.db.execute(sql`UPDATE auth.users SET locked_until = now() - interval '1 second' WHERE id = ${user.id}::uuid`)
    expect((await login(user.username, user.password, address)).statusCode).toBe(200)
  })

  it('forgets earlier failures after a successful login', async () => {
    const user = await createTestUser(platform, { role: 'village', jurisdiction: '360281100201' })
    const address = freshAddress()
    for (let i = 1; i < maxFailedLogins; i++) await login(user.username, 'wrong-guess-1', address)
    expect((await login(user.username, user.password, address)).statusCode).toBe(200)
    for (let i = 1; i < maxFailedLogins; i++) {
      expect((await login(user.username, 'wrong-guess-2', address)).statusCode).toBe(401)
    }
  })

  it(`allows ${loginAttemptsPerIp} attempts a minute from one address, then answers 429`, async () => {
    const user = await createTestUser(platform, { role: 'duty_officer' })
    const address = freshAddress()
    for (let i = 0; i < loginAttemptsPerIp; i++) {
      // Unknown usernames: the limit holds whether or not the account exists.
      expect((await login(`nobody-${i}`, 'whatever123', address)).statusCode).toBe(401)
    }
    const limited = await login(user.username, user.password, address)
    expect(limited.statusCode).toBe(429)
    expect(limited.json().error).toMatchObject({ code: 'too_many_login_attempts', message: '登录尝试过于频繁，请稍后再试' })
    // Another address is not affected.
    expect((await login(user.username, user.password, freshAddress())).statusCode).toBe(200)
  })
})
