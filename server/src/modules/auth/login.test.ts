import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'drizzle-orm'
import { buildApp } from '../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../testing/platform.ts'
import { createTestUser, loginAs } from '../../testing/session.ts'
import { queryRows } from '../../db/rows.ts'

describe('logging in and out', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  const login = (username: string, password: string, remoteAddress = '10.0.0.1') =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress })
  const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
    `yingji_session=${res.cookies.find((c) => c.name === 'yingji_session')!.value}`

  it('logs in with the right password, sets a safe cookie and shows who is signed in', async () => {
    const user = await createTestUser(platform, { role: 'township', jurisdiction: '360281100', displayName: '王镇长' })
    const res = await login(user.username, user.password)
    expect(res.statusCode).toBe(200)
    expect(res.json().user).toMatchObject({
      id: user.id, username: user.username, displayName: '王镇长', role: 'township',
      roleName: { zh: '乡镇人员', en: 'Township officer' },
      jurisdiction: { code: '360281100000', name: '镇桥镇' }, enterpriseId: null, mustChangePassword: false,
    })
    const cookie = res.cookies.find((c) => c.name === 'yingji_session')!
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    expect(cookie.secure).toBeFalsy()
    expect(cookie.value.length).toBeGreaterThanOrEqual(40)

    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookieOf(res) } })
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({ id: user.id, role: 'township', jurisdiction: { code: '360281100000' } })
  })

  it('stores only a hash of the session token', async () => {
    const user = await createTestUser(platform, { role: 'duty_officer' })
    const res = await login(user.username, user.password)
    const token = res.cookies.find((c) => c.name === 'yingji_session')!.value
    const rows = await queryRows<{ token_hash: string }>(platform.db, sql`SELECT token_hash FROM auth.sessions WHERE user_id = ${user.id}::uuid`)
    expect(rows).toHaveLength(1)
    expect(rows[0]!.token_hash).not.toContain(token)
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('rejects a wrong password and an unknown user alike', async () => {
    const user = await createTestUser(platform, { role: 'duty_officer' })
    const wrong = await login(user.username, 'not-the-password1')
    const unknown = await login('nobody-here', 'whatever123')
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401)
      expect(res.json().error).toMatchObject({ code: 'invalid_credentials', message: '用户名或密码错误' })
      expect(res.cookies).toHaveLength(0)
    }
  })

  it('logs in regardless of the username case', async () => {
    const user = await createTestUser(platform, { role: 'duty_officer', username: 'ZhangSan' })
    expect((await login('zhangsan', user.password)).statusCode).toBe(200)
  })

  it('ends the session on logout: the old cookie no longer works', async () => {
    const session = await loginAs(app, platform, { role: 'commander' })
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers })).statusCode).toBe(200)
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers })
    expect(out.statusCode).toBe(204)
    expect(out.cookies.find((c) => c.name === 'yingji_session')?.value).toBe('')
    const after = await app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers })
    expect(after.statusCode).toBe(401)
    expect(after.json().error.code).toBe('unauthenticated')
  })

  it('refuses a session that has expired', async () => {
    const session = await loginAs(app, platform, { role: 'commander' })
    await platform.db.execute(sql`UPDATE auth.sessions SET expires_at = now() - interval '1 minute' WHERE user_id = ${session.user.id}::uuid`)
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers })).statusCode).toBe(401)
  })

  it('keeps a session in use alive: its expiry slides forward', async () => {
    const session = await loginAs(app, platform, { role: 'commander' })
    await platform.db.execute(sql`UPDATE auth.sessions SET expires_at = now() + interval '1 hour' WHERE user_id = ${session.user.id}::uuid`)
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers })).statusCode).toBe(200)
    const rows = await queryRows<{ hoursLeft: number }>(platform.db, sql`
      SELECT extract(epoch FROM expires_at - now()) / 3600 AS "hoursLeft" FROM auth.sessions WHERE user_id = ${session.user.id}::uuid`)
    expect(Number(rows[0]!.hoursLeft)).toBeGreaterThan(11)
  })

  it('records logins and failures in the audit log without the password', async () => {
    const user = await createTestUser(platform, { role: 'duty_officer' })
    await login(user.username, 'Wrong-guess-1')
    await login(user.username, user.password)
    const rows = await queryRows<{ action: string; actor_name: string; after: unknown }>(platform.db, sql`
      SELECT action, actor_name, after FROM auth.audit_log WHERE entity = 'user' AND entity_id = ${user.id} ORDER BY id`)
    expect(rows.map((r) => r.action)).toEqual(['auth.login_failed', 'auth.login'])
    expect(rows[0]!.actor_name).toBe('系统')
    expect(JSON.stringify(rows)).not.toContain(user.password)
    expect(JSON.stringify(rows)).not.toContain('Wrong-guess-1')
  })

  it('answers 401 without a session and with a made-up one', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401)
    const forged = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'yingji_session=forged' } })
    expect(forged.statusCode).toBe(401)
  })
})

describe('on an HTTPS deployment', () => {
  it('marks the session cookie Secure', async () => {
    const platform = await createTestPlatform({ secureCookies: true })
    const app = await buildApp(platform, { logger: false })
    try {
      const user = await createTestUser(platform, { role: 'duty_officer' })
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password } })
      expect(res.cookies.find((c) => c.name === 'yingji_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' })
    } finally {
      await app.close()
      await platform.close()
    }
  })
})
