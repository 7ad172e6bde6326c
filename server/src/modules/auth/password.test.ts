import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../testing/platform.ts'
import { createTestUser } from '../../testing/session.ts'

describe('changing the password', () => {
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

  async function signIn(username: string, password: string) {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: `10.2.0.${Math.floor(Math.random() * 250)}` })
    expect(res.statusCode).toBe(200)
    return { cookie: `yingji_session=${res.cookies.find((c) => c.name === 'yingji_session')!.value}` }
  }
  const changePassword = (headers: { cookie: string }, payload: object) =>
    app.inject({ method: 'POST', url: '/api/auth/password', headers, payload })

  it('holds a user who must change the password to me, password and logout until they do', async () => {
    const user = await createTestUser(platform, { role: 'duty_officer', mustChangePassword: true })
    const headers = await signIn(user.username, user.password)

    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers })
    expect(me.statusCode).toBe(200)
    expect(me.json().mustChangePassword).toBe(true)
    const blocked = await app.inject({ method: 'GET', url: '/api/auth/users', headers })
    expect(blocked.statusCode).toBe(403)
    expect(blocked.json().error).toMatchObject({ code: 'password_change_required', message: '请先修改密码' })

    expect((await changePassword(headers, { currentPassword: user.password, newPassword: 'Fresh-pass-2025' })).statusCode).toBe(204)
    const after = await app.inject({ method: 'GET', url: '/api/auth/me', headers })
    expect(after.json().mustChangePassword).toBe(false)
    // Now an ordinary user: a role check, not the password barrier, answers.
    expect((await app.inject({ method: 'GET', url: '/api/auth/users', headers })).json().error.code).toBe('forbidden')

    // The new password works, the old one no longer does.
    await signIn(user.username, 'Fresh-pass-2025')
    const old = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password }, remoteAddress: '10.2.1.1' })
    expect(old.statusCode).toBe(401)
  })

  it('ends the other sessions of the user but keeps the one in use', async () => {
    const user = await createTestUser(platform, { role: 'commander' })
    const here = await signIn(user.username, user.password)
    const elsewhere = await signIn(user.username, user.password)
    expect((await changePassword(here, { currentPassword: user.password, newPassword: 'Another-pass-7' })).statusCode).toBe(204)
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: here })).statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: elsewhere })).statusCode).toBe(401)
  })

  it.each([
    ['too short', 'abc123'],
    ['letters only', 'abcdefghij'],
    ['digits only', '1234567890'],
  ])('refuses a new password that is %s, naming body.newPassword in both languages', async (_why, newPassword) => {
    const user = await createTestUser(platform, { role: 'commander' })
    const headers = await signIn(user.username, user.password)
    const res = await changePassword(headers, { currentPassword: user.password, newPassword })
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({ code: 'weak_password', field: 'body.newPassword' })
    expect(res.json().error.message).toContain('字母和数字')
    expect(res.json().error.message).toContain('body.newPassword')
    expect(res.json().error.messageEn).toContain('letters and digits')
  })

  it('refuses a wrong current password without changing anything', async () => {
    const user = await createTestUser(platform, { role: 'commander' })
    const headers = await signIn(user.username, user.password)
    const res = await changePassword(headers, { currentPassword: 'not-mine-123', newPassword: 'Brand-new-99' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({ code: 'wrong_current_password', field: 'body.currentPassword' })
    await signIn(user.username, user.password)
  })

  it('rejects an unknown field and a wrong type, naming the field', async () => {
    const user = await createTestUser(platform, { role: 'commander' })
    const headers = await signIn(user.username, user.password)
    const extra = await changePassword(headers, { currentPassword: user.password, newPassword: 'Brand-new-99', hint: 'x' })
    expect(extra.statusCode).toBe(400)
    expect(extra.json().error).toMatchObject({ code: 'invalid_input', field: 'body.hint', message: '不允许的字段 body.hint', messageEn: 'Unknown field body.hint' })
    const wrongType = await changePassword(headers, { currentPassword: user.password, newPassword: 12345678 })
    expect(wrongType.statusCode).toBe(400)
    expect(wrongType.json().error).toMatchObject({ code: 'invalid_input', field: 'body.newPassword' })
    expect(wrongType.json().error.message).toContain('类型错误')
  })
})
